using System;
using System.IO;
using NUnit.Framework;

namespace TranscriptKit.Tests.Formats;

public sealed class SubtitleTests
{
    [Test]
    public void Srt_from_a_vendor_becomes_segments_and_writes_back_unchanged()
    {
        var srt = File.ReadAllText(RepositoryPaths.Sample("welcome.srt"));

        Assert.That(SrtParser.TryParse(srt, out var segments, out var error), Is.True, error);
        Assert.That(segments, Has.Count.EqualTo(4));
        Assert.That(segments[0], Is.EqualTo(new TranscriptSegment(TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(2097), "Welcome to TranscriptKit.")));
        Assert.That(segments[3].End, Is.EqualTo(TimeSpan.FromMilliseconds(14674)));

        var transcript = new Transcript("captioncat", "j1", "text", segments, null);
        Assert.That(transcript.ToSrt(), Is.EqualTo(srt));
        Assert.That(transcript.Duration, Is.EqualTo(TimeSpan.FromMilliseconds(14674)), "the last cue's end when the vendor gives no duration");
    }

    [Test]
    public void Srt_reader_accepts_what_players_accept()
    {
        // CRLF, a BOM, no cue numbers, '.' before milliseconds, blank lines between cues, positioning after the end time.
        var srt = "\uFEFF00:00:01.5 --> 00:00:02,000 X1:10 Y1:20\r\nfirst\r\nline two\r\n\r\n\r\n7\r\n01:00:00,000 --> 01:00:01,250\r\nsecond\r\n";

        Assert.That(SrtParser.TryParse(srt, out var segments, out var error), Is.True, error);
        Assert.That(segments, Has.Count.EqualTo(2));
        Assert.That(segments[0].Start, Is.EqualTo(TimeSpan.FromMilliseconds(1500)));
        Assert.That(segments[0].Text, Is.EqualTo("first\nline two"));
        Assert.That(segments[1].End, Is.EqualTo(TimeSpan.FromHours(1) + TimeSpan.FromMilliseconds(1250)));
    }

    [TestCase("1\n00:00:01,000 -> 00:00:02,000\ntext\n", "line 2")]
    [TestCase("1\n00:00:03,000 --> 00:00:02,000\ntext\n", "line 2")]
    [TestCase("1\n00:61:00,000 --> 00:62:00,000\ntext\n", "line 2")]
    public void Srt_reader_names_the_line_it_cannot_read(string srt, string where)
    {
        Assert.That(SrtParser.TryParse(srt, out _, out var error), Is.False);
        Assert.That(error, Does.Contain(where));
    }

    [Test]
    public void WebVtt_has_its_header_dot_milliseconds_and_no_arrow_in_text()
    {
        var transcript = new Transcript("soscripted", null, "a b", [new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(61.5), "a --> b")], null);

        Assert.That(transcript.ToWebVtt(), Is.EqualTo("WEBVTT\n\n00:00:01.000 --> 00:01:01.500\na -> b\n\n"));
    }

    [Test]
    public void Blank_lines_inside_a_segment_do_not_end_the_cue()
    {
        var transcript = new Transcript("subclip", "p", "x", [new(TimeSpan.Zero, TimeSpan.FromSeconds(1), "one\n\ntwo")], null);

        Assert.That(transcript.ToSrt(), Is.EqualTo("1\n00:00:00,000 --> 00:00:01,000\none\ntwo\n\n"));
    }

    [Test]
    public void A_text_only_transcript_says_why_it_has_no_srt()
    {
        var transcript = new Transcript("cliptext", "t1", "hello", [], TimeSpan.FromSeconds(3));

        Assert.That(transcript.HasTimings, Is.False);
        var error = Assert.Throws<InvalidOperationException>(() => transcript.ToSrt());
        Assert.That(error!.Message, Does.Contain("cliptext").And.Contain("no timings"));
    }
}
