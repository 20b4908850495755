using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Runtime;

namespace TranscriptKit.Core.Tests.Http;

/// <summary>
/// A timed attempt's clock (its token source and timer) serves later attempts once reset. Nothing of an earlier call may
/// reach a later one: not a timeout that fired, not an operation's own limit, not a caller's cancellation.
/// </summary>
/// <remarks>
/// Only a token source on <see cref="TimeProvider.System"/> can be reset (<see cref="CancellationTokenSource.TryReset"/>
/// refuses one on any other clock), so these tests run on the real clock; the two that need a timeout to fire use
/// 200 ms limits, and none waits on anything else.
/// </remarks>
[CancelAfter(20_000)]
public class ClientPipelineClockReuseTests
{
    private static PipelineFixture OnTheRealClock(TimeSpan requestTimeout) =>
        new(retry: new RetryOptions { MaxRetries = 0 }, requestTimeout: requestTimeout, configure: o => o.TimeProvider = TimeProvider.System);

    private static HttpResponseMessage Ok() => new(HttpStatusCode.OK) { Content = new StringContent("{\"ok\":true}", Encoding.UTF8, "application/json") };

    private static Task<string> Call(PipelineFixture fixture, OperationDescriptor operation, CancellationToken cancellationToken = default) =>
        fixture.Pipeline.SendAndReadJsonAsync(fixture.Request(), null, operation, PipelineFixture.ReadOk, cancellationToken).AsTask();

    [Test]
    public async Task A_call_after_one_that_timed_out_starts_with_a_clock_that_has_not_fired()
    {
        var fixture = OnTheRealClock(TimeSpan.FromMilliseconds(200));
        fixture.Handler.Respond(_ => new ScriptedStream().Bytes("{").Stall().Response()).Otherwise(_ => Ok());

        Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => Call(fixture, PipelineFixture.Get));

        for (var i = 0; i < 5; i++)
        {
            Assert.That(await Call(fixture, PipelineFixture.Get), Is.EqualTo("ok"));
        }
    }

    [Test]
    public async Task A_reused_clock_times_the_next_call_by_that_calls_own_limit()
    {
        var fixture = OnTheRealClock(TimeSpan.FromSeconds(100));
        var quick = new OperationDescriptor("quickThing", Idempotent: true, Timeout: TimeSpan.FromMilliseconds(200));
        fixture.Handler.Respond(_ => Ok()).Respond(_ => Ok()).Otherwise(_ => new ScriptedStream().Bytes("{").Stall().Response());

        // Two calls under the client's 100 s leave their clocks behind; the stalled third has 200 ms of its own (the
        // test's 20 s limit would end it long before 100 s).
        Assert.That(await Call(fixture, PipelineFixture.Get), Is.EqualTo("ok"));
        Assert.That(await Call(fixture, PipelineFixture.Get), Is.EqualTo("ok"));
        var error = Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => Call(fixture, quick))!;

        Assert.That(error.Message, Does.Contain("quickThing").And.Contain("0.2 s"));
    }

    [Test]
    public async Task Cancelling_a_finished_calls_token_does_not_reach_the_calls_after_it()
    {
        var fixture = OnTheRealClock(TimeSpan.FromSeconds(100));
        fixture.Handler.Otherwise(_ => Ok());
        using var first = new CancellationTokenSource();

        Assert.That(await Call(fixture, PipelineFixture.Get, first.Token), Is.EqualTo("ok"));
        await first.CancelAsync();

        Assert.That(await Call(fixture, PipelineFixture.Get), Is.EqualTo("ok"));
        Assert.That(await Call(fixture, PipelineFixture.Get, CancellationToken.None), Is.EqualTo("ok"));
    }

    [Test]
    public async Task Concurrent_calls_some_cancelled_by_their_callers_leave_the_rest_untouched()
    {
        var fixture = OnTheRealClock(TimeSpan.FromSeconds(100));
        fixture.Handler.Otherwise(request => request.Uri.AbsolutePath.EndsWith("/hang", StringComparison.Ordinal)
            ? new ScriptedStream().Bytes("{").Stall().Response()
            : Ok());

        var results = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Task.Run(async () =>
        {
            var request = fixture.Request();
            var hangs = i % 4 == 0;
            request.PathParameters["id"] = hangs ? "hang" : "fine";
            using var cancel = new CancellationTokenSource();
            var call = fixture.Pipeline.SendAndReadJsonAsync(request, null, PipelineFixture.Get, PipelineFixture.ReadOk, cancel.Token).AsTask();
            if (!hangs)
            {
                return await call == "ok";
            }

            await cancel.CancelAsync();
            try
            {
                await call;
                return false;
            }
            catch (OperationCanceledException)
            {
                return true;
            }
        })));

        Assert.That(results.Count(ok => !ok), Is.Zero, "every call ended as its own caller decided");
    }
}
