using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Vendors.Tests;

/// <summary>
/// The one polling engine as every generated <c>WaitFor…Async</c> drives it, for every polled job in the definitions:
/// the spec's intervals, failure and timeout with the token that resumes, cancellation, progress, foreign tokens.
/// Replaces the per-vendor copies of these cases; what is truly one vendor's stays in its own project.
/// </summary>
[TestFixture]
public sealed class PollingTests
{
    private sealed record Harness(StubHandler Handler, FakeTimeProvider Clock, IDisposable Client) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    private static Harness Start(PolledJob job, StubHandler? handler = null)
    {
        handler ??= new StubHandler();
        var options = Sample.Options(job.Vendor);
        var client = job.Vendor.CreateClient(options, new HttpClient(handler));
        return new Harness(handler, (FakeTimeProvider)options.TimeProvider, client);
    }

    // Bounded: on a fake clock a wait that never ends would hang the run instead of failing the test.
    private static Task<object?> Wait(PolledJob job, Harness harness, PollingOptions? options = null, List<PollProgressInfo>? progress = null, CancellationToken cancellationToken = default) =>
        job.Wait(harness.Client, job.Token(), options, p => progress?.Add(p), cancellationToken).WaitAsync(TimeSpan.FromSeconds(15));

    /// <summary>The waits the spec's defaults give: first at once, then the interval growing by the factor up to the cap.</summary>
    private static TimeSpan[] SpecIntervals(PollingOptions polling, int count)
    {
        var intervals = new TimeSpan[count];
        var interval = polling.InitialInterval;
        for (var i = 0; i < count; i++)
        {
            intervals[i] = interval;
            interval = TimeSpan.FromTicks((long)Math.Min(interval.Ticks * polling.BackoffFactor, polling.MaxInterval.Ticks));
        }

        return intervals;
    }

    [TestCaseSource(typeof(PolledJob), nameof(PolledJob.Cases))]
    public async Task Polls_at_once_then_at_the_specs_growing_intervals_until_the_job_succeeds(PolledJob job)
    {
        const int running = 6;
        using var harness = Start(job);
        var start = harness.Clock.GetUtcNow();
        var sent = new List<TimeSpan>();
        harness.Handler.Otherwise(request =>
        {
            lock (sent)
            {
                sent.Add(harness.Clock.GetUtcNow() - start);
                return Http.Json(sent.Count <= running ? job.RunningBody : job.SucceededBody);
            }
        });
        var expected = SpecIntervals(job.Job.DefaultPolling, running);

        var wait = Wait(job, harness);
        await Eventually.RequestsAsync(harness.Handler, 1);
        for (var i = 0; i < expected.Length; i++)
        {
            await Eventually.StepAsync(harness.Clock.Advance, harness.Handler, expected[i], requestsAfter: i + 2);
        }

        Assert.That(await wait, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(sent.Zip(sent.Skip(1), (a, b) => b - a), Is.EqualTo(expected), "the spec's intervals");
            Assert.That(harness.Handler.Requests.All(r => r.Method == HttpMethod.Get), Is.True, "waiting only polls: nothing is started (or paid for) again");
        });
    }

    [TestCaseSource(typeof(PolledJob), nameof(PolledJob.FailingCases))]
    public async Task A_failed_state_ends_the_wait_with_JobFailed_naming_the_state_and_the_job(PolledJob job)
    {
        using var harness = Start(job);
        harness.Handler.Respond(HttpStatusCode.OK, job.RunningBody).Otherwise(_ => Http.Json(job.FailedBody!));

        var wait = Wait(job, harness);
        await Eventually.RequestsAsync(harness.Handler, 1);
        harness.Clock.Advance(job.Job.DefaultPolling.InitialInterval);
        await Eventually.WaitUntilAsync(() => wait.IsCompleted, "the wait to end");

        var error = Assert.ThrowsAsync<TranscriptKitJobFailedException>(() => wait)!;
        Assert.Multiple(() =>
        {
            Assert.That(error.State, Is.EqualTo(job.FailedState));
            Assert.That(error.Vendor, Is.EqualTo(job.Vendor.Id));
            Assert.That(error.Job, Is.EqualTo(job.Token()));
            Assert.That(error.OperationId, Is.EqualTo(job.Job.PollOperationId));
            Assert.That(error.Message, Does.Contain(job.FailedState).And.Not.Contain(Sample.Key).And.Not.Contain(Sample.Secret));
            Assert.That(harness.Handler.Requests, Has.Count.EqualTo(2), "polling stops at the failed state");
        });
    }

    [TestCaseSource(typeof(PolledJob), nameof(PolledJob.Cases))]
    public async Task A_timeout_carries_the_token_that_resumes_the_wait_in_a_new_client_without_starting_again(PolledJob job)
    {
        using var harness = Start(job);
        harness.Handler.Otherwise(_ => Http.Json(job.RunningBody));
        var options = new PollingOptions { InitialInterval = TimeSpan.FromSeconds(5), MaxInterval = TimeSpan.FromSeconds(5), BackoffFactor = 1, Timeout = TimeSpan.FromSeconds(18) };

        var wait = Wait(job, harness, options);
        await Eventually.RequestsAsync(harness.Handler, 1);
        for (var n = 2; n <= 4; n++)
        {
            await Eventually.StepAsync(harness.Clock.Advance, harness.Handler, TimeSpan.FromSeconds(5), requestsAfter: n);
        }

        harness.Clock.Advance(TimeSpan.FromSeconds(3));
        await Eventually.WaitUntilAsync(() => wait.IsCompleted, "the timeout");
        var error = Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => wait)!;
        var saved = error.Job!.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(error.Job, Is.EqualTo(job.Token()));
            Assert.That(error.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(18)));
            Assert.That(error.Message, Does.Contain(saved), "the message says how to resume");
            Assert.That(saved, Does.Not.Contain(Sample.Key).And.Not.Contain(Sample.Secret));
        });

        // A later process resumes from the saved text alone: it polls, it does not start (and pay for) the job again.
        using var later = Start(job, new StubHandler().Otherwise(_ => Http.Json(job.SucceededBody)));
        Assert.That(await job.Wait(later.Client, JobToken.Parse(saved), null, _ => { }, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15)), Is.Not.Null);
        Assert.That(later.Handler.Requests.Select(r => r.Method), Is.EqualTo(new[] { HttpMethod.Get }));
    }

    [TestCaseSource(typeof(PolledJob), nameof(PolledJob.Cases))]
    public async Task Cancelling_the_wait_stops_at_once_and_sends_nothing_more(PolledJob job)
    {
        using var harness = Start(job);
        harness.Handler.Otherwise(_ => Http.Json(job.RunningBody));
        using var cancel = new CancellationTokenSource();

        var wait = Wait(job, harness, cancellationToken: cancel.Token);
        await Eventually.RequestsAsync(harness.Handler, 1);
        await cancel.CancelAsync();

        Assert.CatchAsync<OperationCanceledException>(() => wait);
        harness.Clock.Advance(TimeSpan.FromHours(1));
        Assert.That(harness.Handler.Requests, Has.Count.EqualTo(1));
    }

    [TestCaseSource(typeof(PolledJob), nameof(PolledJob.Cases))]
    public async Task Progress_reports_the_job_the_attempt_the_state_and_the_elapsed_time_after_each_answer(PolledJob job)
    {
        using var harness = Start(job);
        harness.Handler.Respond(HttpStatusCode.OK, job.RunningBody).Otherwise(_ => Http.Json(job.SucceededBody));
        var progress = new List<PollProgressInfo>();

        var wait = Wait(job, harness, progress: progress);
        await Eventually.RequestsAsync(harness.Handler, 1);
        harness.Clock.Advance(job.Job.DefaultPolling.InitialInterval);
        await wait;

        Assert.Multiple(() =>
        {
            Assert.That(progress.Select(p => p.Attempt), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(progress.Select(p => p.Elapsed), Is.EqualTo(new[] { TimeSpan.Zero, job.Job.DefaultPolling.InitialInterval }));
            Assert.That(progress.All(p => p.Job.Equals(job.Token())), Is.True);
            Assert.That(progress[0].State, Is.Not.Null.And.Not.EqualTo(progress[1].State), "the state read from each answer");
        });
    }

    [TestCaseSource(typeof(PolledJob), nameof(PolledJob.Cases))]
    public void A_token_of_another_vendor_or_job_kind_is_refused_before_any_request(PolledJob job)
    {
        using var harness = Start(job);
        var parameters = job.Token().Parameters.ToArray();
        var otherVendor = new JobToken(job.Vendor.Id + "-other", job.Job.Name, parameters);
        var otherKind = new JobToken(job.Vendor.Id, job.Job.Name + "Other", parameters);

        Assert.ThrowsAsync<ArgumentException>(() => job.Wait(harness.Client, otherVendor, null, _ => { }, CancellationToken.None));
        Assert.ThrowsAsync<ArgumentException>(() => job.Wait(harness.Client, otherKind, null, _ => { }, CancellationToken.None));
        Assert.That(harness.Handler.Requests, Is.Empty);
    }
}
