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
        Assert.That(text, Does.Match(@"^tkjob2\.[A-Za-z0-9_-]+$"), "URL- and shell-safe");
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

    [Test]
    public void A_facade_tkjob1_token_reads_as_a_job_without_kind_that_any_of_its_vendors_status_operations_accepts()
    {
        // {"v":"subclip","id":"proj_123","s":{"format":"json"}}, as TranscriptionJob.ToToken wrote it before tokens were unified.
        var token = JobToken.Parse("tkjob1.eyJ2Ijoic3ViY2xpcCIsImlkIjoicHJval8xMjMiLCJzIjp7ImZvcm1hdCI6Impzb24ifX0");

        token.EnsureFor("subclip", "Job");

        Assert.That((token.Vendor, token.Kind, token.Id, token.State["format"]), Is.EqualTo(("subclip", "", "proj_123", "json")));
        Assert.That(token.GetParameter("projectId"), Is.EqualTo("proj_123"));
        Assert.That(JobToken.Parse(token.ToString()), Is.EqualTo(token), "rewritten as tkjob2. it stays the same job");
        Assert.Throws<ArgumentException>(() => token.EnsureFor("captioncat", "Transcription"));
    }

    [Test]
    public void An_unprefixed_client_token_from_before_still_reads()
    {
        // {"f":1,"v":"captioncat","k":"Transcription","p":{"id":"cb6d…"}}: what Create…Token.ToString() wrote before.
        var token = JobToken.Parse("eyJmIjoxLCJ2IjoiY2FwdGlvbmNhdCIsImsiOiJUcmFuc2NyaXB0aW9uIiwicCI6eyJpZCI6ImNiNmRjNzkzZmExY2VhZGI1NTc0NGJhMGE3YjBhZjU2In19");

        Assert.That(token, Is.EqualTo(new JobToken("captioncat", "Transcription", new Dictionary<string, string> { ["id"] = "cb6dc793fa1ceadb55744ba0a7b0af56" })));
        Assert.That(token.ToString(), Does.StartWith("tkjob2."));
    }

    [Test]
    public void State_travels_with_the_token()
    {
        var token = new JobToken("subclip", "Job", new Dictionary<string, string> { ["projectId"] = "p" }).WithState([new("format", "json")]);

        var parsed = JobToken.Parse(token.ToString());

        Assert.That(parsed.State["format"], Is.EqualTo("json"));
        Assert.That(parsed, Is.EqualTo(token));
    }
}
