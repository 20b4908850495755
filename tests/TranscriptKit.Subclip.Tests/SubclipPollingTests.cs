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

namespace TranscriptKit.Subclip.Tests;

/// <summary>WaitForJobAsync on a fake clock: done when outputReady is true, failed states, unknown states, timeout and resume, cancellation, progress. The cases every polled job shares (the spec's intervals, failure, timeout and resume, cancellation, progress, foreign tokens) run for every vendor in TranscriptKit.Vendors.Tests/PollingTests; these are this vendor's own rules.</summary>
[TestFixture]
public sealed class SubclipPollingTests
{
    private const string Id = "stproj_abc123";
    private const string PollPath = "/api/v1/social-transcripts/jobs/stproj_abc123";

    private FakeTimeProvider _time = null!;
    private StubHandler _handler = null!;
    private SubclipClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider();
        _handler = new StubHandler();
        _client = TestClients.Create(_handler, _time);
    }

    [TearDown]
    public void TearDown() => _client.Dispose();

    [Test]
    public async Task WaitForJob_polls_until_outputReady_and_returns_the_docs_text_response()
    {
        _handler
            .Respond(HttpStatusCode.OK, Status("queued"))
            .Respond(HttpStatusCode.OK, Status("processing", outputReady: false))
            .Respond(HttpStatusCode.OK, SubclipDocExamples.StatusText);

        var wait = _client.WaitForJobAsync(Id);
        await Eventually.RequestsAsync(_handler, 1);
        _time.Advance(TimeSpan.FromSeconds(3));
        await Eventually.RequestsAsync(_handler, 2);
        _time.Advance(TimeSpan.FromSeconds(4.5));
        var result = await wait;

        Assert.Multiple(() =>
        {
            Assert.That(result.OutputReady, Is.True);
            Assert.That(result.Text, Is.EqualTo("Full transcript text..."));
            Assert.That(result.CreditsUsed, Is.EqualTo(3));
            Assert.That(_handler.Requests, Has.Count.EqualTo(3));
            Assert.That(_handler.Requests.All(r => r.Method == HttpMethod.Get && r.Uri.AbsolutePath == PollPath), Is.True);
            Assert.That(_handler.Requests.All(r => r.Header("Authorization") == "Bearer test-key"), Is.True);
        });
    }

    [TestCase(nameof(SubclipDocExamples.StatusSrt))]
    [TestCase(nameof(SubclipDocExamples.StatusJsonWithWordTimestamps))]
    public async Task WaitForJob_returns_at_once_for_each_docs_completed_response(string example)
    {
        var body = (string)typeof(SubclipDocExamples).GetField(example)!.GetValue(null)!;
        _handler.Respond(HttpStatusCode.OK, body);

        var result = await _client.WaitForJobAsync(SubclipDocExamples.ProjectId);

        Assert.Multiple(() =>
        {
            Assert.That(result.OutputReady, Is.True);
            Assert.That(result.Output ?? result.Transcript?.Text, Is.Not.Null);
            Assert.That(_handler.Requests.Single().Uri.AbsoluteUri, Is.EqualTo(SubclipDocExamples.PollStatusUrl));
        });
    }

    [Test]
    public async Task WaitForJob_is_not_done_at_status_completed_until_outputReady_is_true()
    {
        _handler
            .Respond(HttpStatusCode.OK, Status("completed", outputReady: false))
            .Respond(HttpStatusCode.OK, Status("completed"))
            .Respond(HttpStatusCode.OK, Status("completed", outputReady: true));
        var options = Fast(TimeSpan.FromMinutes(1));

        var wait = _client.WaitForJobAsync(Id, options);
        await Eventually.RequestsAsync(_handler, 1);
        _time.Advance(options.InitialInterval);
        await Eventually.RequestsAsync(_handler, 2);
        Assert.That(wait.IsCompleted, Is.False, "\"The transcript is ready when outputReady is true\"");
        _time.Advance(options.InitialInterval);
        var result = await wait;

        Assert.Multiple(() =>
        {
            Assert.That(result.OutputReady, Is.True);
            Assert.That(_handler.Requests, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public void Spec_polling_defaults_are_3s_growing_by_half_to_30s_with_a_60_minute_timeout()
    {
        Assert.That(SubclipClient.DefaultJobPolling, Is.EqualTo(new PollingOptions
        {
            InitialInterval = TimeSpan.FromSeconds(3),
            MaxInterval = TimeSpan.FromSeconds(30),
            BackoffFactor = 1.5,
            Timeout = TimeSpan.FromMinutes(60),
        }));
    }

    [Test]
    public async Task WaitForJob_treats_the_listed_running_statuses_and_a_missing_outputReady_as_still_running()
    {
        // Unlisted statuses end the wait after the spec's unknown-grace instead (UnknownStatusTests in the Vendors suite).
        _handler
            .Respond(HttpStatusCode.OK, Status("queued"))
            .Respond(HttpStatusCode.OK, Status("processing", outputReady: false))
            .Respond(HttpStatusCode.OK, Status("PROCESSING"))
            .Respond(HttpStatusCode.OK, SubclipDocExamples.StatusText);
        var options = Fast(TimeSpan.FromMinutes(1));

        var wait = _client.WaitForJobAsync(Id, options);
        for (var n = 1; n <= 3; n++)
        {
            await Eventually.RequestsAsync(_handler, n);
            Assert.That(wait.IsCompleted, Is.False, $"still running after status {n}");
            _time.Advance(options.InitialInterval);
        }

        Assert.That((await wait).Text, Is.EqualTo("Full transcript text..."));
        Assert.That(_handler.Requests, Has.Count.EqualTo(4));
    }

    [TestCase("failed")]
    [TestCase("FAILED")]
    [TestCase("error")]
    public async Task WaitForJob_throws_JobFailed_with_the_state_when_status_is_failed(string state)
    {
        _handler
            .Respond(HttpStatusCode.OK, Status("processing", outputReady: false))
            .Respond(HttpStatusCode.OK, Status(state, outputReady: false))
            .Otherwise(_ => Http.Json(SubclipDocExamples.StatusText));
        var options = Fast(TimeSpan.FromMinutes(1));

        var wait = _client.WaitForJobAsync(Id, options);
        await Eventually.RequestsAsync(_handler, 1);
        _time.Advance(options.InitialInterval);
        await Eventually.WaitUntilAsync(() => wait.IsCompleted, "the wait to end");

        var error = Assert.ThrowsAsync<TranscriptKitJobFailedException>(() => wait);
        Assert.Multiple(() =>
        {
            Assert.That(error!.State, Is.EqualTo(state));
            Assert.That(error.Vendor, Is.EqualTo("subclip"));
            Assert.That(error.Job, Is.EqualTo(_client.CreateJobToken(Id)));
            Assert.That(error.Job.Kind, Is.EqualTo("Job"));
            Assert.That(error.Job.GetParameter("projectId"), Is.EqualTo(Id));
            Assert.That(error.Message, Does.Contain(state));
            Assert.That(error.Message, Does.Not.Contain(TestClients.ApiKey));
            Assert.That(_handler.Requests, Has.Count.EqualTo(2), "polling stops at the failed state");
        });
    }

    [Test]
    public async Task CreateJobToken_round_trips_through_text_and_resumes_the_wait_for_that_project()
    {
        var token = _client.CreateJobToken(SubclipDocExamples.ProjectId);
        var saved = token.ToString();
        _handler.Respond(HttpStatusCode.OK, SubclipDocExamples.StatusSrt);

        var restored = JobToken.Parse(saved);
        var result = await _client.WaitForJobAsync(restored);

        Assert.Multiple(() =>
        {
            Assert.That(token.Vendor, Is.EqualTo(SubclipClient.VendorId));
            Assert.That(token.Kind, Is.EqualTo("Job"));
            Assert.That(token.Parameters, Is.EqualTo(new Dictionary<string, string> { ["projectId"] = "stproj_..." }));
            Assert.That(restored, Is.EqualTo(token));
            Assert.That(JobToken.TryParse(saved, out var again), Is.True);
            Assert.That(again, Is.EqualTo(token));
            Assert.That(result.Format, Is.EqualTo(TranscriptFormat.Srt));
            Assert.That(_handler.Requests.Single().Uri.AbsoluteUri, Is.EqualTo(SubclipDocExamples.PollStatusUrl));
        });
    }

    [TestCase("")]
    [TestCase(" ")]
    public void CreateJobToken_refuses_a_blank_project_id(string projectId)
    {
        Assert.Throws<ArgumentException>(() => _client.CreateJobToken(projectId));
    }

    [Test]
    public async Task A_status_error_during_the_wait_ends_it_with_the_typed_error()
    {
        _handler
            .Respond(HttpStatusCode.OK, Status("queued"))
            .Respond(HttpStatusCode.Unauthorized, SubclipDocExamples.Unauthorized);
        var options = Fast(TimeSpan.FromMinutes(1));

        var wait = _client.WaitForJobAsync(Id, options);
        await Eventually.RequestsAsync(_handler, 1);
        _time.Advance(options.InitialInterval);
        await Eventually.WaitUntilAsync(() => wait.IsCompleted, "the wait to end");

        var error = Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() => wait);
        Assert.That(error!.VendorMessage, Is.EqualTo("Missing, invalid, or revoked API key"));
    }

    [Test]
    public async Task WaitForJob_reports_the_jobs_status_as_the_progress_state()
    {
        _handler
            .Respond(HttpStatusCode.OK, Status("queued"))
            .Respond(HttpStatusCode.OK, Status("processing", outputReady: false))
            .Respond(HttpStatusCode.OK, SubclipDocExamples.StatusText);
        var progress = new RecordingProgress<PollProgress<JobStatusResult>>();
        var options = Fast(TimeSpan.FromMinutes(1));

        var wait = _client.WaitForJobAsync(Id, options, progress);
        await Eventually.RequestsAsync(_handler, 1);
        _time.Advance(options.InitialInterval);
        await Eventually.RequestsAsync(_handler, 2);
        _time.Advance(options.InitialInterval);
        await wait;

        Assert.That(progress.Reports.Select(r => r.State), Is.EqualTo(new[] { "queued", "processing", "completed" }));
    }

    private static PollingOptions Fast(TimeSpan timeout) =>
        new() { InitialInterval = TimeSpan.FromSeconds(1), MaxInterval = TimeSpan.FromSeconds(1), BackoffFactor = 1, Timeout = timeout };

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);

    private static string Status(string status, bool? outputReady = null) => outputReady is { } ready
        ? $$"""{"projectId": "{{Id}}", "status": "{{status}}", "outputReady": {{(ready ? "true" : "false")}}}"""
        : $$"""{"projectId": "{{Id}}", "status": "{{status}}"}""";
}
