using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions;
using NUnit.Framework;
using TranscriptKit.Runtime;

namespace TranscriptKit.Core.Tests.Http;

/// <summary>An event stream ends: on its end event, or with a typed error when it goes silent, runs past the operation's timeout, breaks off or sends an oversized event.</summary>
[CancelAfter(20_000)]
public class ClientPipelineEventStreamTests
{
    private static readonly SseDescriptor s_stream = new("transcribe", "done", "error");
    private static readonly OperationDescriptor s_transcribe = new("transcribe", Idempotent: false, Timeout: TimeSpan.FromSeconds(600));

    private static PipelineFixture Fixture(Func<HttpResponseMessage> answer, Action<TestOptions>? configure = null)
    {
        var fixture = new PipelineFixture(configure: o =>
        {
            o.EventIdleTimeout = TimeSpan.FromSeconds(10);
            configure?.Invoke(o);
        });
        fixture.Handler.Otherwise(_ => answer());
        return fixture;
    }

    private static async Task<List<string>> ReadAll(PipelineFixture fixture, OperationDescriptor operation)
    {
        var request = fixture.Request(Method.POST);
        request.Headers.Add("Accept", "text/event-stream");
        var response = await fixture.Pipeline.SendAsync(request, null, operation, CancellationToken.None);
        var names = new List<string>();
        await foreach (var item in fixture.Pipeline.ReadEventsAsync(response, s_stream, CancellationToken.None))
        {
            names.Add(item.EventType);
        }

        return names;
    }

    private static Task<T> Drive<T>(PipelineFixture fixture, Task<T> task) => Eventually.Drive(fixture.Clock, task, TimeSpan.FromSeconds(1));

    [Test]
    public async Task Events_arrive_and_the_stream_ends_on_its_end_event()
    {
        var fixture = Fixture(() => new ScriptedStream().Bytes("event: progress\ndata: {}\n\n: keep-alive\n\nevent: done\ndata: {}\n\n").Response(mediaType: "text/event-stream"));

        Assert.That(await Drive(fixture, ReadAll(fixture, s_transcribe)), Is.EqualTo(new[] { "progress", "done" }));
    }

    [Test]
    public void Stream_that_goes_silent_after_an_event_ends_with_a_typed_timeout()
    {
        var fixture = Fixture(() => new ScriptedStream().Bytes("event: progress\ndata: {}\n\n").Stall().Response(mediaType: "text/event-stream"));

        var error = Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => Drive(fixture, ReadAll(fixture, s_transcribe)))!;

        Assert.That(error.Message, Does.Contain("transcribe").And.Contain("EventIdleTimeout"));
        Assert.That(error.Submission, Is.EqualTo(SubmissionOutcome.Unknown), "the job started; its result was lost");
    }

    [Test]
    public void Stream_whose_headers_never_come_ends_at_the_idle_timeout_not_the_operations_600_s()
    {
        var hang = new TranscriptKit.Tests.HangingHandler();
        var fixture = new PipelineFixture(configure: o => o.EventIdleTimeout = TimeSpan.FromSeconds(10), handler: hang);

        var error = Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => Drive(fixture, ReadAll(fixture, s_transcribe)))!;

        Assert.That(error.Message, Does.Contain("transcribe").And.Contain("start its event stream within 10 s"));
        Assert.That(error.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(error.Submission, Is.EqualTo(SubmissionOutcome.Unknown), "the request was sent; the vendor may have started the job");
        Assert.That(hang.Count, Is.EqualTo(1), "a job-starting stream is never sent twice");
    }

    [Test]
    public void Keep_alive_comments_do_not_keep_a_stream_without_events_alive()
    {
        var script = new ScriptedStream().Bytes("event: progress\ndata: {}\n\n");
        for (var i = 0; i < 2000; i++)
        {
            script.Bytes(": keep-alive\n\n");
        }

        // The keep-alives come faster than the idle timeout (each read returns at once) and never stop short of it.
        var fixture = Fixture(() => script.Stall().Response(mediaType: "text/event-stream"));

        Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => Drive(fixture, ReadAll(fixture, s_transcribe)));
    }

    [Test]
    public void Operation_timeout_bounds_the_whole_stream_even_while_events_keep_coming()
    {
        // An event every 5 s (half the idle timeout), for longer than the operation's 30 s.
        var script = new ScriptedStream();
        var fixture = Fixture(() => script.Response(mediaType: "text/event-stream"));
        for (var i = 0; i < 100; i++)
        {
            script.Then(() => fixture.Clock.Advance(TimeSpan.FromSeconds(5))).Bytes("event: progress\ndata: {}\n\n");
        }

        var error = Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => Drive(fixture, ReadAll(fixture, new OperationDescriptor("transcribe", false, TimeSpan.FromSeconds(30)))))!;

        Assert.That(error.Message, Does.Contain("operation's timeout"));
    }

    [Test]
    public void Event_over_the_size_cap_is_refused_before_it_is_buffered()
    {
        var script = new ScriptedStream().Bytes("event: progress\ndata: ");
        for (var i = 0; i < 100; i++)
        {
            script.Bytes(new string('x', 64 * 1024));
        }

        var fixture = Fixture(() => script.Bytes("\n\n").Response(mediaType: "text/event-stream"), o => o.MaxEventBytes = 256 * 1024);

        var error = Assert.ThrowsAsync<TranscriptKitResponseException>(() => Drive(fixture, ReadAll(fixture, s_transcribe)))!;

        Assert.That(error.Message, Does.Contain("MaxEventBytes"));
        Assert.That(script.BytesRead, Is.LessThan(1024 * 1024), "reading stopped near the cap, not at the event's end");
    }

    [Test]
    public void Stream_that_breaks_off_is_a_typed_transport_error()
    {
        var fixture = Fixture(() => new ScriptedStream().Bytes("event: progress\ndata: {}\n\nevent: prog").Cut().Response(mediaType: "text/event-stream"));

        var error = Assert.ThrowsAsync<TranscriptKitTransportException>(() => Drive(fixture, ReadAll(fixture, s_transcribe)))!;

        Assert.That(error.OperationId, Is.EqualTo("transcribe"));
    }
}
