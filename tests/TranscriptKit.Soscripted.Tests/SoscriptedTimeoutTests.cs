using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Soscripted.Tests;

/// <summary>
/// The transcribe call blocks until the transcript is ready, so its per-attempt timeout is the spec's 600 s
/// (x-tk-timeout, the docs' Python timeout=600), not the client's 100 s default; and it is never sent twice.
/// </summary>
[TestFixture]
public sealed class SoscriptedTimeoutTests
{
    private static readonly TimeSpan SpecTimeout = TimeSpan.FromSeconds(600);

    [Test]
    public async Task Transcribe_is_still_waiting_after_599_s_and_times_out_at_600_s_sent_exactly_once()
    {
        var time = new FakeTimeProvider();
        var handler = new SilentHandler();
        using var client = TestClients.Create(handler, time, TestClients.Retries);

        var call = client.TranscribeAsync(TestClients.DocRequest);
        await Eventually.WaitUntilAsync(() => handler.Requests == 1, "the request to be sent");

        time.Advance(TimeSpan.FromSeconds(100));
        await Eventually.SettleAsync();
        Assert.That(call.IsCompleted, Is.False, "the client's 100 s default does not apply to transcribe");

        time.Advance(TimeSpan.FromSeconds(499));
        await Eventually.SettleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(call.IsCompleted, Is.False, "still waiting after 599 s");
            Assert.That(handler.Cancelled, Is.Zero);
        });

        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.WaitUntilAsync(() => call.IsCompleted, "the call to time out");

        var error = Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => call);
        Assert.Multiple(() =>
        {
            Assert.That(error!.Vendor, Is.EqualTo("soscripted"));
            Assert.That(error.Elapsed, Is.EqualTo(SpecTimeout));
            Assert.That(error.Job, Is.Null, "a single blocking request has no job to resume");
            Assert.That(error.Message, Does.Contain("600").And.Contain("Soscripted"));
            Assert.That(error.Message, Does.Contain("not sent again"));
            Assert.That(error.Message, Does.Not.Contain(TestClients.ApiKey));
            Assert.That(handler.Cancelled, Is.EqualTo(1), "the attempt itself is cancelled at 600 s");
        });

        time.Advance(TimeSpan.FromMinutes(30)); // far past every backoff the retry options allow
        await Eventually.SettleAsync();
        Assert.That(handler.Requests, Is.EqualTo(1), "each request costs a credit: a timed-out POST is never sent again");
    }

    [Test]
    public async Task Spec_timeout_wins_over_a_shorter_client_RequestTimeout()
    {
        var time = new FakeTimeProvider();
        var handler = new SilentHandler();
        var options = TestClients.Options(time);
        options.RequestTimeout = TimeSpan.FromSeconds(10);
        using var client = new SoscriptedClient(new HttpClient(handler), options);

        var call = client.TranscribeAsync(TestClients.DocRequest);
        await Eventually.WaitUntilAsync(() => handler.Requests == 1, "the request to be sent");
        time.Advance(TimeSpan.FromSeconds(599));
        await Eventually.SettleAsync();
        Assert.That(call.IsCompleted, Is.False);

        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.WaitUntilAsync(() => call.IsCompleted, "the call to time out");

        var error = Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => call);
        Assert.That(error!.Elapsed, Is.EqualTo(SpecTimeout));
    }

    [Test]
    public async Task Stream_whose_headers_never_arrive_times_out_at_the_event_idle_timeout_sent_exactly_once()
    {
        var time = new FakeTimeProvider();
        var handler = new SilentHandler();
        using var client = TestClients.Create(handler, time, TestClients.Retries);

        var events = client.TranscribeStreamAsync(TestClients.DocRequest).GetAsyncEnumerator();
        var first = events.MoveNextAsync().AsTask();
        await Eventually.WaitUntilAsync(() => handler.Requests == 1, "the request to be sent");
        // The 600 s belong to the events; a stream that never starts is given EventIdleTimeout (60 s by default).
        time.Advance(TimeSpan.FromSeconds(59));
        await Eventually.SettleAsync();
        Assert.That(first.IsCompleted, Is.False);

        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.WaitUntilAsync(() => first.IsCompleted, "the stream to time out");

        var error = Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => first);
        time.Advance(TimeSpan.FromMinutes(30));
        await Eventually.SettleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(error!.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(handler.Requests, Is.EqualTo(1));
        });
        await events.DisposeAsync();
    }

    [Test]
    public async Task Cancelling_a_pending_transcribe_throws_OperationCanceled_not_a_timeout()
    {
        var time = new FakeTimeProvider();
        var handler = new SilentHandler();
        using var client = TestClients.Create(handler, time, TestClients.Retries);
        using var cts = new CancellationTokenSource();

        var call = client.TranscribeAsync(TestClients.DocRequest, cts.Token);
        await Eventually.WaitUntilAsync(() => handler.Requests == 1, "the request to be sent");
        time.Advance(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();
        await Eventually.WaitUntilAsync(() => call.IsCompleted, "the call to end");

        Assert.CatchAsync<OperationCanceledException>(() => call);
        Assert.Multiple(() =>
        {
            Assert.That(handler.Cancelled, Is.EqualTo(1), "the HTTP request itself is abandoned");
            Assert.That(handler.Requests, Is.EqualTo(1));
        });
    }

    [Test]
    public void Already_cancelled_token_sends_nothing()
    {
        var handler = new SilentHandler();
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        Assert.CatchAsync<OperationCanceledException>(() => client.TranscribeAsync(TestClients.DocRequest, new CancellationToken(canceled: true)));
        Assert.That(handler.Requests, Is.Zero);
    }

    [Test]
    public async Task A_callers_HttpClient_Timeout_still_applies_and_becomes_a_TranscriptKitTimeoutException()
    {
        // Documents a pitfall: the client leaves a caller's HttpClient alone, so its Timeout (100 s by default) cuts a
        // transcription short before the spec's 600 s. Here it is 1 ms so that the test does not wait.
        var handler = new SilentHandler();
        var http = new HttpClient(handler) { Timeout = TimeSpan.FromMilliseconds(1) };
        using var client = new SoscriptedClient(http, TestClients.Options(new FakeTimeProvider(), TestClients.Retries));

        var error = await TimeoutOf(client.TranscribeAsync(TestClients.DocRequest));

        Assert.Multiple(() =>
        {
            Assert.That(error.Elapsed, Is.EqualTo(TimeSpan.FromMilliseconds(1)), "the HttpClient's timeout, not the spec's");
            Assert.That(handler.Requests, Is.EqualTo(1));
        });
    }

    private static async Task<TranscriptKitTimeoutException> TimeoutOf(Task call)
    {
        try
        {
            await call;
        }
        catch (TranscriptKitTimeoutException error)
        {
            return error;
        }

        Assert.Fail("expected a TranscriptKitTimeoutException");
        throw new InvalidOperationException();
    }
}
