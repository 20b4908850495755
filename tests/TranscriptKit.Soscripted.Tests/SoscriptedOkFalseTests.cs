using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Soscripted.Tests;

/// <summary>
/// <c>{"ok":false,"error":…}</c> (the docs' examples branch on <c>data.ok</c> and print <c>data.error</c>) in the final
/// or done event is a typed job failure carrying the vendor's message, never a parse error about a missing caption.
/// </summary>
[TestFixture]
[CancelAfter(20_000)]
public sealed class SoscriptedOkFalseTests
{
    private static readonly Uri s_video = new("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42");

    private static Task<Transcript> Transcribe(string stream)
    {
        var handler = new StubHandler().Respond(_ => Responses.EventStream(stream));
        var client = TestClients.Create(handler, new FakeTimeProvider());
        return new SoscriptedTranscriber(client).TranscribeAsync(TranscriptionRequest.FromUrl(s_video));
    }

    [Test]
    public void A_final_event_with_ok_false_is_a_job_failure_with_the_vendors_message()
    {
        var error = Assert.ThrowsAsync<TranscriptKitJobFailedException>(() => Transcribe(
            "event: progress\ndata: {\"stage\":\"downloading\",\"pct\":10}\n\n" +
            "event: final\ndata: {\"ok\":false,\"error\":\"Video is private\"}\n\n" +
            "event: done\ndata: {\"ok\":false,\"error\":\"Video is private\"}\n\n"))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Vendor, Is.EqualTo("soscripted"));
            Assert.That(error.VendorMessage, Is.EqualTo("Video is private"));
            Assert.That(error.State, Is.EqualTo("ok:false"));
            Assert.That(error.Message, Does.Contain("Video is private").And.Contain("final"));
            Assert.That(error.Message, Does.Not.Contain("t=42"), "the URL's query is not repeated");
        });
    }

    [Test]
    public void A_done_event_with_ok_false_and_no_final_event_is_a_job_failure_with_the_vendors_message()
    {
        var error = Assert.ThrowsAsync<TranscriptKitJobFailedException>(() => Transcribe(
            "event: progress\ndata: {\"stage\":\"downloading\",\"pct\":10}\n\n" +
            "event: done\ndata: {\"ok\":false,\"error\":\"Download failed\"}\n\n"))!;

        Assert.That(error.VendorMessage, Is.EqualTo("Download failed"));
        Assert.That(error.Message, Does.Contain("done"));
    }

    [Test]
    public void A_final_event_with_ok_true_and_no_caption_is_a_response_error_naming_the_caption()
    {
        var error = Assert.ThrowsAsync<TranscriptKitResponseException>(() => Transcribe(
            "event: final\ndata: {\"ok\":true}\n\n" +
            "event: done\ndata: {\"ok\":true}\n\n"))!;

        Assert.That(error.Message, Does.Contain("caption"));
    }

    [Test]
    public async Task A_final_event_with_ok_true_still_gives_the_transcript()
    {
        var transcript = await Transcribe(SoscriptedDocExamples.SseRealisticStream);
        Assert.That(transcript.Text, Is.Not.Empty);
    }
}
