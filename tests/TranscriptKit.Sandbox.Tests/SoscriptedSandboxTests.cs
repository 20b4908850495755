using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Soscripted;

namespace TranscriptKit.Sandbox.Tests;

public sealed class SoscriptedSandboxTests
{
    private static SoscriptedClient Client(VendorSandbox sandbox, string? key = null) =>
        new(new SoscriptedClientOptions { ApiKey = key ?? sandbox.ApiKey, Endpoint = sandbox.GetEndpoint("soscripted"), Retry = TestMedia.FastRetries });

    [Test]
    public async Task Blocking_transcribe_returns_the_sidecar_caption_with_segments()
    {
        await using var sandbox = await TestMedia.StartAsync();

        var result = await Client(sandbox).TranscribeAsync(new TranscribeRequest { Url = sandbox.GetMediaUrl(TestMedia.SampleName).ToString() });

        Assert.That(result.Ok, Is.True);
        Assert.That(result.Caption!.Text, Is.EqualTo(TestMedia.SampleText));
        Assert.That(result.Caption!.Segments.Select(s => (s.Start, s.End)), Is.EqualTo(new[] { (0.0, 2.0), (2.5, 4.5) }));
    }

    [Test]
    public async Task Streaming_sends_progress_then_a_final_that_is_real_json_then_done()
    {
        await using var sandbox = await TestMedia.StartAsync();
        var events = new List<TranscribeStreamEvent>();

        await foreach (var item in Client(sandbox).TranscribeStreamAsync(new TranscribeRequest { Url = "https://www.youtube.com/shorts/" + TestMedia.SampleName }))
        {
            events.Add(item);
        }

        Assert.That(events.Select(e => e.EventType), Is.EqualTo(new[] { "progress", "progress", "progress", "final", "done" }));
        Assert.That(events[0].Progress!.Stage, Is.EqualTo("downloading"));
        Assert.That(events.Where(e => e.Progress is not null).Select(e => e.Progress!.Pct), Is.Ordered.Ascending);
        Assert.That(events[3].Final!.Caption!.Segments, Has.Count.EqualTo(2));
        Assert.That(events[4].Done!.Ok, Is.True);
    }

    [Test]
    public async Task Streaming_delivers_each_event_as_it_is_written()
    {
        // A delay far longer than the test: the first event can only arrive if it was flushed on its own.
        await using var sandbox = await TestMedia.StartAsync(o => o.StreamEventDelay = TimeSpan.FromMinutes(5));
        await using var stream = Client(sandbox).TranscribeStreamAsync(new TranscribeRequest { Url = "https://www.tiktok.com/@a/video/1" }).GetAsyncEnumerator();

        Assert.That(await stream.MoveNextAsync(), Is.True);

        Assert.That(stream.Current.EventType, Is.EqualTo("progress"));
        Assert.That(stream.Current.Progress!.Pct, Is.EqualTo(10));
        // The next event is five minutes away, so the first one arrived because it was flushed on its own.
        Assert.That(sandbox.Requests.Single().Operation, Is.EqualTo("transcribe"), "logged on arrival, while the stream is still open");
    }

    [Test]
    public async Task An_unknown_video_gets_the_simulated_label()
    {
        await using var sandbox = await TestMedia.StartAsync();

        var result = await Client(sandbox).TranscribeAsync(new TranscribeRequest { Url = "https://www.instagram.com/reel/xyz" });

        Assert.That(result.Caption!.Text, Is.EqualTo("[simulated transcript: the TranscriptKit sandbox does not recognise speech]"));
    }

    [Test]
    public async Task Unsupported_platforms_bad_keys_and_empty_credits_get_their_statuses()
    {
        await using var sandbox = await TestMedia.StartAsync(o => o.InitialCredits["soscripted"] = 1);
        var client = Client(sandbox);

        var unsupported = Assert.ThrowsAsync<TranscriptKitBadRequestException>(() => client.TranscribeAsync(new TranscribeRequest { Url = "https://example.com/a.mp4" }));
        var unauthorized = Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() => Client(sandbox, "nope").TranscribeAsync(new TranscribeRequest { Url = "https://youtu.be/a" }));
        await client.TranscribeAsync(new TranscribeRequest { Url = "https://youtu.be/a" });
        var broke = Assert.ThrowsAsync<TranscriptKitInsufficientCreditsException>(() => client.TranscribeAsync(new TranscribeRequest { Url = "https://youtu.be/a" }));

        Assert.That(unsupported!.VendorMessage, Does.StartWith("Unsupported platform"));
        Assert.That(unauthorized!.Status, Is.EqualTo(System.Net.HttpStatusCode.Unauthorized));
        Assert.That(broke!.Status, Is.EqualTo(System.Net.HttpStatusCode.PaymentRequired));
    }
}
