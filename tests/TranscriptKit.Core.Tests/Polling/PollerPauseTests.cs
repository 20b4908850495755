using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Runtime;

namespace TranscriptKit.Core.Tests.Polling;

/// <summary>A vendor asking a poll to wait (429 or 503 with Retry-After) pauses the wait, reported through progress, instead of ending it.</summary>
[CancelAfter(20_000)]
public class PollerPauseTests
{
    private static readonly JobToken s_job = new("testvendor", "Transcription", new Dictionary<string, string> { ["id"] = "abc" });
    private static readonly PollingOptions s_options = new() { InitialInterval = TimeSpan.FromSeconds(5), BackoffFactor = 1, MaxInterval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromMinutes(10) };

    private FakeTimeProvider _clock = null!;
    private Queue<Func<string>> _answers = null!;
    private List<TimeSpan> _pollTimes = null!;
    private DateTimeOffset _start;

    [SetUp]
    public void SetUp()
    {
        // NUnit reuses one fixture instance for all its tests: start each from a fresh clock and script.
        _clock = new FakeTimeProvider();
        _answers = new Queue<Func<string>>();
        _pollTimes = [];
        _start = _clock.GetUtcNow();
    }

    private Task<string> Poll(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _pollTimes.Add(_clock.GetUtcNow() - _start);
        return Task.FromResult(_answers.Dequeue()());
    }

    private static PollOutcome Classify(string state) => state == "done" ? PollOutcome.Succeeded(state, 100) : PollOutcome.Running(state, 40);

    private static Func<string> RateLimited(int seconds) => () => throw new TranscriptKitRateLimitException("testvendor", "Slow down.", TimeSpan.FromSeconds(seconds));

    private static Func<string> Unavailable(int seconds) => () => throw new TranscriptKitServerException("testvendor", "Maintenance.", HttpStatusCode.ServiceUnavailable) { RetryAfter = TimeSpan.FromSeconds(seconds) };

    [Test]
    public async Task Long_Retry_After_on_429_pauses_the_poll_and_reports_the_pause()
    {
        _answers.Enqueue(() => "running");
        _answers.Enqueue(RateLimited(120));
        _answers.Enqueue(() => "done");
        var reports = new List<PollProgress<string>>();

        var wait = Poller.WaitAsync(s_job, Poll, Classify, s_options, new SyncProgress<PollProgress<string>>(reports.Add), _clock, CancellationToken.None);
        var result = await Eventually.Drive(_clock, wait, TimeSpan.FromSeconds(1));

        Assert.That(result, Is.EqualTo("done"));
        Assert.That(_pollTimes, Is.EqualTo(new[] { TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(125) }), "the third poll waits the 120 s asked for");
        var pause = reports.Find(r => r.PausedFor is not null)!;
        Assert.That(pause.PausedFor, Is.EqualTo(TimeSpan.FromSeconds(120)));
        Assert.That(pause.State, Is.EqualTo("running"), "a pause repeats the last state the vendor reported");
    }

    [Test]
    public async Task Retry_After_on_503_pauses_the_poll_too()
    {
        _answers.Enqueue(Unavailable(300));
        _answers.Enqueue(() => "done");

        var result = await Eventually.Drive(_clock, Poller.WaitAsync(s_job, Poll, Classify, s_options, null, _clock, CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.That(result, Is.EqualTo("done"));
        Assert.That(_pollTimes[1], Is.EqualTo(TimeSpan.FromSeconds(300)));
    }

    [Test]
    public void A_pause_longer_than_the_poll_timeout_allows_ends_with_the_job_token_to_resume()
    {
        _answers.Enqueue(() => "running");
        _answers.Enqueue(RateLimited(3600));

        var error = Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => Eventually.Drive(_clock, Poller.WaitAsync(s_job, Poll, Classify, s_options, null, _clock, CancellationToken.None), TimeSpan.FromSeconds(1)))!;

        Assert.That(error.Job, Is.EqualTo(s_job));
        Assert.That(error.InnerException, Is.InstanceOf<TranscriptKitRateLimitException>());
        Assert.That(_pollTimes, Has.Count.EqualTo(2), "no request after the refusal");
    }

    [Test]
    public void A_503_without_Retry_After_still_ends_the_wait()
    {
        _answers.Enqueue(() => throw new TranscriptKitServerException("testvendor", "Down.", HttpStatusCode.ServiceUnavailable));

        Assert.ThrowsAsync<TranscriptKitServerException>(() => Poller.WaitAsync(s_job, Poll, Classify, s_options, null, _clock, CancellationToken.None));
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
