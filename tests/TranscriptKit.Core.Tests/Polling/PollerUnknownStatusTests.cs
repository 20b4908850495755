using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Core.Tests.Http;
using TranscriptKit.Runtime;

namespace TranscriptKit.Core.Tests.Polling;

/// <summary>
/// A state the spec does not list is reported at once and ends the wait after a few answers, with the raw value,
/// the vendor's message and the token, instead of polling to the timeout. Polls are counted, never timed.
/// </summary>
[CancelAfter(20_000)]
public class PollerUnknownStatusTests
{
    private static readonly JobToken s_job = new("testvendor", "Transcription", new Dictionary<string, string> { ["id"] = "abc" });

    // An hour-long timeout with a constant 10 s interval: reaching it would take 360 polls.
    private static readonly PollingOptions s_options = new() { InitialInterval = TimeSpan.FromSeconds(10), MaxInterval = TimeSpan.FromSeconds(10), BackoffFactor = 1, Timeout = TimeSpan.FromHours(1), UnknownStatusPolls = 3 };

    private FakeTimeProvider _clock = null!;
    private Queue<string> _states = null!;
    private int _polls;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
        _states = new Queue<string>();
        _polls = 0;
    }

    private Task<string> Poll(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _polls++;
        return Task.FromResult(_states.Count > 1 ? _states.Dequeue() : _states.Peek());
    }

    private static PollOutcome Classify(string state) => state switch
    {
        "done" => PollOutcome.Succeeded(state, 100),
        "queued" or "processing" => PollOutcome.Running(state, null),
        _ => PollOutcome.Unknown(state, null, "vendor note: " + state),
    };

    private Task<string> Wait(PollingOptions options, IProgress<PollProgress<string>>? progress = null) =>
        Poller.WaitAsync(s_job, Poll, Classify, options, progress, _clock, CancellationToken.None);

    private void Script(params string[] states)
    {
        foreach (var state in states)
        {
            _states.Enqueue(state);
        }
    }

    [Test]
    public async Task An_unknown_state_ends_the_wait_after_the_grace_with_the_raw_value_message_and_token()
    {
        Script("queued", "paused_by_admin");
        var wait = Wait(s_options);

        var error = await ExpectUnknown(wait);

        Assert.That(error.RawStatus, Is.EqualTo("paused_by_admin"));
        Assert.That(error.State, Is.EqualTo("paused_by_admin"));
        Assert.That(error.VendorMessage, Is.EqualTo("vendor note: paused_by_admin"));
        Assert.That(error.Job, Is.EqualTo(s_job));
        Assert.That(error.Polls, Is.EqualTo(3));
        Assert.That(error.Message, Does.Contain("'paused_by_admin'").And.Contain("vendor note: paused_by_admin").And.Contain(s_job.ToString()));
        Assert.That(_polls, Is.EqualTo(4), "one running answer, then three unknown ones: far from the 360 polls of the timeout");
    }

    [Test]
    public async Task An_unknown_job_status_error_is_a_job_failed_error_so_failure_handlers_catch_it()
    {
        Script("weird");
        var error = await ExpectUnknown(Wait(s_options));
        Assert.That(error, Is.InstanceOf<TranscriptKitJobFailedException>());
    }

    [Test]
    public async Task Progress_carries_the_raw_state_at_the_first_unknown_answer()
    {
        Script("queued", "mystery");
        var reports = new List<PollProgress<string>>();
        var wait = Wait(s_options, new Collect(reports));

        Assert.That(reports.Select(r => r.State), Is.EqualTo(new[] { "queued" }));
        _clock.Advance(TimeSpan.FromSeconds(10));
        await Eventually.Until(() => reports.Count == 2, "the first unknown answer is reported");

        Assert.That(reports[1].State, Is.EqualTo("mystery"), "reported at once, before the grace runs out");
        await ExpectUnknown(wait);
    }

    [Test]
    public async Task A_known_state_between_unknown_answers_starts_the_count_again()
    {
        Script("odd", "odd", "processing", "odd", "odd", "done");
        var wait = Wait(s_options);

        var result = await Eventually.Drive(_clock, wait, TimeSpan.FromSeconds(10));

        Assert.That(result, Is.EqualTo("done"));
        Assert.That(_polls, Is.EqualTo(6));
    }

    [Test]
    public async Task A_grace_of_one_ends_the_wait_at_the_first_unknown_answer()
    {
        Script("queued", "odd");
        var error = await ExpectUnknown(Wait(s_options with { UnknownStatusPolls = 1 }));

        Assert.That(error.Polls, Is.EqualTo(1));
        Assert.That(_polls, Is.EqualTo(2));
    }

    [Test]
    public void A_grace_below_one_is_refused_before_any_request()
    {
        Script("queued");
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Wait(s_options with { UnknownStatusPolls = 0 }));
        Assert.That(_polls, Is.Zero);
    }

    [Test]
    public void A_polling_override_changes_only_the_grace_when_only_it_is_set()
    {
        var applied = new PollingOverride { UnknownStatusPolls = 5 }.ApplyTo(s_options);
        Assert.That(applied, Is.EqualTo(s_options with { UnknownStatusPolls = 5 }));
        Assert.That(new PollingOverride().ApplyTo(s_options).UnknownStatusPolls, Is.EqualTo(3), "unset keeps the spec's unknown-grace");
        Assert.That(new PollingOverride { UnknownStatusPolls = 2 }.Then(new PollingOverride()).UnknownStatusPolls, Is.EqualTo(2));
    }

    [Test]
    public async Task Each_unknown_answer_logs_a_warning_with_event_id_101_and_no_key()
    {
        var logger = new FakeLogger();
        var fixture = new PipelineFixture(retry: new RetryOptions { MaxRetries = 0 }, configure: o => o.Logger = logger);
        fixture.Handler.Otherwise(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("\"stalled: key secret-key-123\"", System.Text.Encoding.UTF8, "application/json") });
        var wait = Poller.WaitAsync(
            s_job,
            async ct =>
            {
                var response = await fixture.Pipeline.SendAsync(fixture.Request(), null, PipelineFixture.Get, ct);
                return await fixture.Pipeline.ReadJsonAsync(response, static (ref Utf8JsonReader r) => JsonPrimitives.ReadString(ref r)!, ct);
            },
            state => PollOutcome.Unknown(state, null, "the vendor echoed secret-key-123"),
            s_options with { UnknownStatusPolls = 2 },
            progress: null,
            fixture.Clock,
            CancellationToken.None);

        _clock = fixture.Clock;
        var error = await ExpectUnknown(wait);

        var warnings = logger.Collector.GetSnapshot();
        Assert.That(warnings, Has.Count.EqualTo(2), "one warning per unknown answer");
        Assert.That(warnings.Select(w => w.Id.Id), Is.All.EqualTo(101));
        Assert.That(warnings.Select(w => w.Id.Name), Is.All.EqualTo("UnknownJobStatus"));
        Assert.That(warnings.Select(w => w.Level), Is.All.EqualTo(LogLevel.Warning));
        Assert.That(warnings[0].Message, Does.Contain("stalled").And.Contain("getThing").And.Not.Contain("secret-key-123"));
        Assert.That(error.Message + error.VendorMessage + error.RawStatus, Does.Not.Contain("secret-key-123"));
        Assert.That(error.OperationId, Is.EqualTo("getThing"));
    }

    private async Task<TranscriptKitUnknownJobStatusException> ExpectUnknown(Task<string> wait)
    {
        try
        {
            await Eventually.Drive(_clock, wait, TimeSpan.FromSeconds(10));
        }
        catch (TranscriptKitUnknownJobStatusException e)
        {
            return e;
        }

        Assert.Fail("the wait ended without TranscriptKitUnknownJobStatusException");
        throw new InvalidOperationException("unreachable");
    }

    // Progress<T> posts to the thread pool; this one records in order, on the poller's flow.
    private sealed class Collect(List<PollProgress<string>> reports) : IProgress<PollProgress<string>>
    {
        public void Report(PollProgress<string> value) => reports.Add(value);
    }
}
