using System;
using System.Collections.Generic;
using NUnit.Framework;

namespace TranscriptKit.Core.Tests.Polling;

public class JobTokenTests
{
    [Test]
    public void Token_round_trips_through_its_text_form()
    {
        var token = new JobToken("captioncat", "Transcription", new Dictionary<string, string> { ["id"] = "cb6dc793fa1ceadb55744ba0a7b0af56", ["other"] = "a/b c" });

        var text = token.ToString();
        var parsed = JobToken.Parse(text);

        Assert.That(parsed, Is.EqualTo(token));
        Assert.That(parsed.GetParameter("other"), Is.EqualTo("a/b c"));
        Assert.That(text, Does.Match("^[A-Za-z0-9_-]+$"), "URL- and shell-safe");
    }

    [TestCase("")]
    [TestCase("not a token!")]
    [TestCase("eyJmIjoyfQ")] // {"f":2}: a future format
    public void Garbage_is_a_format_error_not_a_crash(string text)
    {
        Assert.That(JobToken.TryParse(text, out _), Is.False);
        Assert.Throws<FormatException>(() => JobToken.Parse(text));
    }

    [Test]
    public void Token_for_another_vendor_or_kind_is_refused_with_a_clear_message()
    {
        var token = new JobToken("subclip", "Job", new Dictionary<string, string> { ["projectId"] = "p" });

        var error = Assert.Throws<ArgumentException>(() => token.EnsureFor("captioncat", "Transcription"))!;
        Assert.That(error.Message, Does.Contain("subclip Job").And.Contain("captioncat Transcription"));
        Assert.Throws<ArgumentException>(() => token.GetParameter("id"));
    }
}
