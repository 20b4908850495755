using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.CaptionCat;
using TranscriptKit.Tests;

namespace TranscriptKit.Testing.Tests;

/// <summary>Record a generated client's call, then replay the cassette through a fresh client: the user's workflow.</summary>
public class GeneratedClientRoundTripTests
{
    private const string Key = "cc_live_secret_1234";

    private static CaptionCatClientOptions Options() => new() { ApiKey = Key, Retry = new RetryOptions { MaxRetries = 0 } };

    [Test]
    public async Task Recorded_call_names_its_operation_hides_the_key_and_replays_to_the_same_result()
    {
        var vendor = new StubHandler().Respond(HttpStatusCode.OK, "{\n  \"status\": \"success\",\n  \"id\": \"cb6dc793fa1ceadb55744ba0a7b0af56\",\n}");
        var recorder = new RecordingHandler(vendor, "captioncat", "start-and-poll");
        using (var client = new CaptionCatClient(new HttpClient(recorder), Options()))
        {
            await client.GetTranscriptionStatusAsync("cb6dc793fa1ceadb55744ba0a7b0af56");
        }

        var interaction = recorder.Cassette.Interactions.Single();
        Assert.That(interaction.Operation, Is.EqualTo("getTranscriptionStatus"));
        Assert.That(interaction.Request.Path, Is.EqualTo("/v1/transcribe/cb6dc793fa1ceadb55744ba0a7b0af56/poll"));
        Assert.That(interaction.Request.Headers["Authorization"], Is.EqualTo("Bearer [REDACTED]"));
        Assert.That(recorder.Cassette.ToJson(), Does.Not.Contain(Key));
        Assert.That(interaction.Response.Body, Does.EndWith(",\n}"), "the vendor's trailing comma survives recording");

        var replay = new ReplayingHandler(Cassette.Parse(recorder.Cassette.ToJson()));
        using var replayed = new CaptionCatClient(new HttpClient(replay), Options());
        var status = await replayed.GetTranscriptionStatusAsync("cb6dc793fa1ceadb55744ba0a7b0af56");

        Assert.That(status.Status, Is.EqualTo(ResultStatus.Success));
        replay.AssertAllPlayed();
    }

    [Test]
    public void Replaying_a_changed_request_fails_with_a_readable_difference()
    {
        var vendor = new StubHandler().Respond(HttpStatusCode.OK, "{\"status\": \"success\"}");
        var recorder = new RecordingHandler(vendor, "captioncat", "update-srt");
        using (var client = new CaptionCatClient(new HttpClient(recorder), Options()))
        {
            client.UpdateSrtAsync("abc", "1\n00:00:01,000 --> 00:00:02,000\nHi\n").GetAwaiter().GetResult();
        }

        var replay = new ReplayingHandler(Cassette.Parse(recorder.Cassette.ToJson()));
        using var changed = new CaptionCatClient(new HttpClient(replay), Options());

        var error = Assert.ThrowsAsync<CassetteMismatchException>(() => changed.UpdateSrtAsync("abc", "1\n00:00:01,000 --> 00:00:02,000\nBye\n"));
        Assert.That(error!.Message, Does.Contain("srt"));
        Assert.That(error.Message, Does.Not.Contain(Key));
    }
}
