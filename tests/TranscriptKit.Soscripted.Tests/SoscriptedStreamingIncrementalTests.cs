using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Soscripted.Tests;

/// <summary>
/// Events reach the caller while the vendor is still working: each is yielded as soon as its bytes arrive, not after the
/// stream ends. The body is a pipe the test writes to, so the test decides what the server has sent so far.
/// </summary>
[TestFixture]
public sealed class SoscriptedStreamingIncrementalTests
{
    [Test]
    public async Task Each_event_is_yielded_as_soon_as_it_arrives_before_the_server_has_written_the_rest()
    {
        var handler = new PipeStreamHandler();
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        await using var events = client.TranscribeStreamAsync(TestClients.DocRequest).GetAsyncEnumerator();

        var first = events.MoveNextAsync().AsTask();
        await Eventually.WaitUntilAsync(() => handler.Requests == 1, "the request to be sent");
        await Eventually.SettleAsync();
        Assert.That(first.IsCompleted, Is.False, "nothing has been written yet");

        await handler.WriteAsync(SoscriptedDocExamples.SseProgressDownloading);
        Assert.That(await Eventually.CompletesAsync(first, "the first progress event"), Is.True);
        Assert.That(events.Current.Progress, Is.EqualTo(new ProgressEvent { Stage = "downloading", Pct = 10 }), "delivered while the server has written nothing else");

        var second = events.MoveNextAsync().AsTask();
        await Eventually.SettleAsync();
        Assert.That(second.IsCompleted, Is.False, "the next event is not invented before it arrives");

        await handler.WriteAsync(SoscriptedDocExamples.SseProgressTranscribing);
        Assert.That(await Eventually.CompletesAsync(second, "the second progress event"), Is.True);
        Assert.That(events.Current.Progress, Is.EqualTo(new ProgressEvent { Stage = "transcribing", Pct = 50 }));

        var third = events.MoveNextAsync().AsTask();
        await handler.WriteAsync(SoscriptedDocExamples.SseFinalWithSegments);
        Assert.That(await Eventually.CompletesAsync(third, "the final event"), Is.True);
        Assert.That(events.Current.Final!.Caption!.Segments, Has.Count.EqualTo(2));

        var fourth = events.MoveNextAsync().AsTask();
        await handler.WriteAsync(SoscriptedDocExamples.SseDone);
        Assert.That(await Eventually.CompletesAsync(fourth, "the done event"), Is.True);
        Assert.That(events.Current.Done, Is.EqualTo(new DoneEvent { Ok = true }));

        // The server has not closed the body: done alone ends the stream.
        var end = events.MoveNextAsync().AsTask();
        Assert.That(await Eventually.CompletesAsync(end, "the stream to end after done"), Is.False);
        Assert.That(handler.Requests, Is.EqualTo(1));
        await handler.CompleteAsync();
    }

    [Test]
    public async Task Half_an_event_is_held_back_until_its_blank_line_arrives()
    {
        var handler = new PipeStreamHandler();
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        await using var events = client.TranscribeStreamAsync(TestClients.DocRequest).GetAsyncEnumerator();

        var first = events.MoveNextAsync().AsTask();
        await handler.WriteAsync("event: progress\ndata: {\"stage\":\"downl");
        await Eventually.SettleAsync();
        Assert.That(first.IsCompleted, Is.False, "an incomplete event is not yielded");

        await handler.WriteAsync("oading\",\"pct\":10}\n");
        await Eventually.SettleAsync();
        Assert.That(first.IsCompleted, Is.False, "an event is complete only at its blank line");

        await handler.WriteAsync("\n");
        Assert.That(await Eventually.CompletesAsync(first, "the event"), Is.True);
        Assert.That(events.Current.Progress, Is.EqualTo(new ProgressEvent { Stage = "downloading", Pct = 10 }));
        await handler.CompleteAsync();
    }

    [Test]
    public async Task Cancelling_during_the_stream_stops_it_with_OperationCanceled()
    {
        var handler = new PipeStreamHandler();
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var cts = new CancellationTokenSource();
        var events = client.TranscribeStreamAsync(TestClients.DocRequest, cts.Token).GetAsyncEnumerator();

        await handler.WriteAsync(SoscriptedDocExamples.SseProgressDownloading);
        Assert.That(await Eventually.CompletesAsync(events.MoveNextAsync().AsTask(), "the first event"), Is.True);

        var next = events.MoveNextAsync().AsTask();
        await Eventually.SettleAsync();
        Assert.That(next.IsCompleted, Is.False);
        await cts.CancelAsync();
        await Eventually.WaitUntilAsync(() => next.IsCompleted, "the stream to stop");

        Assert.CatchAsync<OperationCanceledException>(() => next);
        await events.DisposeAsync();
        Assert.That(handler.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task Cancelling_the_token_given_to_GetAsyncEnumerator_as_WithCancellation_does_stops_the_stream_too()
    {
        var handler = new PipeStreamHandler();
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var cts = new CancellationTokenSource();
        var events = client.TranscribeStreamAsync(TestClients.DocRequest).GetAsyncEnumerator(cts.Token);

        await handler.WriteAsync(SoscriptedDocExamples.SseProgressDownloading);
        Assert.That(await Eventually.CompletesAsync(events.MoveNextAsync().AsTask(), "the first event"), Is.True);

        var next = events.MoveNextAsync().AsTask();
        await cts.CancelAsync();
        await Eventually.WaitUntilAsync(() => next.IsCompleted, "the stream to stop");

        Assert.CatchAsync<OperationCanceledException>(() => next);
        await events.DisposeAsync();
    }

    [Test]
    public async Task Connection_dropping_after_the_first_event_becomes_a_TranscriptKitException()
    {
        var handler = new PipeStreamHandler();
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        await using var events = client.TranscribeStreamAsync(TestClients.DocRequest).GetAsyncEnumerator();

        await handler.WriteAsync(SoscriptedDocExamples.SseProgressDownloading);
        Assert.That(await Eventually.CompletesAsync(events.MoveNextAsync().AsTask(), "the first event"), Is.True);

        var next = events.MoveNextAsync().AsTask();
        await handler.FailAsync(new IOException("Connection reset by peer"));
        await Eventually.WaitUntilAsync(() => next.IsCompleted, "the failure to surface");

        var error = Assert.CatchAsync<TranscriptKitException>(() => next);
        Assert.Multiple(() =>
        {
            Assert.That(error!.Vendor, Is.EqualTo("soscripted"));
            Assert.That(error.Message, Does.Contain("broke off").And.Contain("Connection reset by peer"));
            Assert.That(error.InnerException, Is.TypeOf<IOException>());
        });
    }

    [Test]
    public async Task Server_closing_the_body_before_done_becomes_an_ended_early_TranscriptKitException()
    {
        var handler = new PipeStreamHandler();
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        await using var events = client.TranscribeStreamAsync(TestClients.DocRequest).GetAsyncEnumerator();

        await handler.WriteAsync(SoscriptedDocExamples.SseProgressDownloading);
        Assert.That(await Eventually.CompletesAsync(events.MoveNextAsync().AsTask(), "the first event"), Is.True);

        var next = events.MoveNextAsync().AsTask();
        await handler.CompleteAsync();
        await Eventually.WaitUntilAsync(() => next.IsCompleted, "the end to surface");

        var error = Assert.CatchAsync<TranscriptKitException>(() => next);
        Assert.That(error!.Message, Does.Contain("ended before its 'done' event"));
    }

    [Test]
    public async Task A_stream_that_goes_silent_after_its_first_event_ends_with_a_typed_timeout()
    {
        // Issue #10 item 6: a silent stream used to outlive even the operation's 600 s; the idle timeout (60 s by default) ends it.
        var time = new FakeTimeProvider();
        var handler = new PipeStreamHandler();
        using var client = TestClients.Create(handler, time);
        await using var events = client.TranscribeStreamAsync(TestClients.DocRequest).GetAsyncEnumerator();

        await handler.WriteAsync(SoscriptedDocExamples.SseProgressDownloading);
        Assert.That(await Eventually.CompletesAsync(events.MoveNextAsync().AsTask(), "the first event"), Is.True);

        var next = events.MoveNextAsync().AsTask();
        await handler.WriteAsync(": keep-alive\n\n");
        time.Advance(TimeSpan.FromSeconds(61));
        await Eventually.WaitUntilAsync(() => next.IsCompleted, "the idle timeout to end the stream");

        var error = Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => next)!;
        Assert.That(error.Submission, Is.EqualTo(SubmissionOutcome.Unknown), "the paid transcription started; its result was lost");
        Assert.That(error.OperationId, Is.EqualTo("transcribe"));
    }
}
