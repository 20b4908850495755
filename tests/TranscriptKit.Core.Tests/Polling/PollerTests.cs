using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Runtime;

namespace TranscriptKit.Core.Tests.Polling;

public class PollerTests
{
    private static readonly JobToken s_job = new("testvendor", "Transcription", new Dictionary<string, string> { ["id"] = "abc" });

    private FakeTimeProvider _clock = null!;
    private List<TimeSpan> _pollTimes = null!;
    private Queue<string> _states = null!;
    private DateTimeOffset _start;

    [SetUp]
    public void SetUp()
    {
        // NUnit reuses one fixture instance for all its tests: start each from a fresh clock and script.
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        _pollTimes = new List<TimeSpan>();
        _states = new Queue<string>();
        _start = _clock.GetUtcNow();
    }

    private Task<string> Poll(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _pollTimes.Add(_clock.GetUtcNow() - _start);
        return Task.FromResult(_states.Count > 1 ? _states.Dequeue() : _states.Peek());
    }

    private static PollOutcome Classify(string state) => state switch
    {
        "done" => PollOutcome.Succeeded(state, 100),
        "failed" => PollOutcome.Failed(state, null, "the vendor gave up"),
        _ => PollOutcome.Running(state, state.StartsWith("at", StringComparison.Ordinal) ? double.Parse(state[2..]) : null),
    };

    private Task<string> Wait(PollingOptions options, IProgress<PollProgress<string>>? progress = null, CancellationToken cancellationToken = default) =>
        Poller.WaitAsync(s_job, Poll, Classify, options, progress, _clock, cancellationToken);

    [Test]
    public async Task Interval_grows_by_the_factor_up_to_the_cap()
    {
        foreach (var state in new[] { "queued", "queued", "queued", "queued", "queued", "done" })
        {
            _states.Enqueue(state);
        }

        var wait = Wait(new PollingOptions { InitialInterval = TimeSpan.FromSeconds(2), BackoffFactor = 2, MaxInterval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromMinutes(5) });
        Assert.That(_pollTimes, Has.Count.EqualTo(1), "the first status request goes out at once");

        foreach (var (advance, expectedPolls) in new[] { (1.999, 1), (0.001, 2), (4.0, 3), (5.0, 4), (5.0, 5), (5.0, 6) })
        {
            _clock.Advance(TimeSpan.FromSeconds(advance));
            await Eventually.Until(() => _pollTimes.Count == expectedPolls, $"{expectedPolls} polls");
        }

        Assert.That(await wait, Is.EqualTo("done"));
        Assert.That(_pollTimes, Is.EqualTo(Array.ConvertAll(new[] { 0, 2, 6, 11, 16, 21 }, s => TimeSpan.FromSeconds(s))));
    }

    [Test]
    public async Task Timeout_throws_with_the_job_token_to_resume()
    {
        _states.Enqueue("queued");
        var wait = Wait(new PollingOptions { InitialInterval = TimeSpan.FromSeconds(10), BackoffFactor = 1, MaxInterval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(25) });

        _clock.Advance(TimeSpan.FromSeconds(10));
        await Eventually.Until(() => _pollTimes.Count == 2, "poll at 10 s");
        _clock.Advance(TimeSpan.FromSeconds(10));
        await Eventually.Until(() => _pollTimes.Count == 3, "poll at 20 s");
        _clock.Advance(TimeSpan.FromSeconds(5));

        var error = Assert.ThrowsAsync<TranscriptKitTimeoutException>(async () => await wait)!;
        Assert.That(error.Job, Is.EqualTo(s_job));
        Assert.That(error.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(25)));
        Assert.That(error.Vendor, Is.EqualTo("testvendor"));
        Assert.That(error.Message, Does.Contain(s_job.ToString()));
        Assert.That(_pollTimes, Has.Count.EqualTo(3), "polls at 0, 10 and 20 s");
    }

    [Test]
    public async Task Cancellation_stops_at_once_without_another_request()
    {
        _states.Enqueue("queued");
        using var cts = new CancellationTokenSource();
        var wait = Wait(new PollingOptions { InitialInterval = TimeSpan.FromSeconds(30) }, cancellationToken: cts.Token);

        cts.Cancel();

        Assert.That(async () => await wait, Throws.InstanceOf<OperationCanceledException>());
        _clock.Advance(TimeSpan.FromMinutes(5));
        await Task.Yield();
        Assert.That(_pollTimes, Has.Count.EqualTo(1));
    }

    [Test]
    public void Failed_state_throws_job_failed_with_state_and_vendor_message()
    {
        _states.Enqueue("failed");

        var error = Assert.ThrowsAsync<TranscriptKitJobFailedException>(() => Wait(new PollingOptions()))!;

        Assert.That(error.State, Is.EqualTo("failed"));
        Assert.That(error.VendorMessage, Is.EqualTo("the vendor gave up"));
        Assert.That(error.Job, Is.EqualTo(s_job));
    }

    [Test]
    public async Task Progress_reports_every_response_with_attempt_state_and_percent()
    {
        foreach (var state in new[] { "at10", "at60", "done" })
        {
            _states.Enqueue(state);
        }

        var reports = new List<PollProgress<string>>();
        var wait = Wait(new PollingOptions { InitialInterval = TimeSpan.FromSeconds(1), BackoffFactor = 1, MaxInterval = TimeSpan.FromSeconds(1) }, new SyncProgress<PollProgress<string>>(reports.Add));
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.Until(() => reports.Count == 2, "second report");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await wait;

        Assert.That(reports.ConvertAll(r => (r.Attempt, r.State, r.Percent, r.Elapsed)), Is.EqualTo(new[]
        {
            (1, "at10", (double?)10, TimeSpan.Zero),
            (2, "at60", (double?)60, TimeSpan.FromSeconds(1)),
            (3, "done", (double?)100, TimeSpan.FromSeconds(2)),
        }));
        Assert.That(reports[0].Job, Is.EqualTo(s_job));
    }

    [Test]
    public void Invalid_options_are_refused_before_any_request()
    {
        _states.Enqueue("queued");
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Wait(new PollingOptions { InitialInterval = TimeSpan.Zero }));
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Wait(new PollingOptions { BackoffFactor = 0.5 }));
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Wait(new PollingOptions { InitialInterval = TimeSpan.FromSeconds(10), MaxInterval = TimeSpan.FromSeconds(1) }));
        Assert.That(_pollTimes, Is.Empty);
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
