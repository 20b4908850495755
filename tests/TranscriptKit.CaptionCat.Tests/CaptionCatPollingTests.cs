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

namespace TranscriptKit.CaptionCat.Tests;

/// <summary>WaitForTranscriptionAsync and WaitForRenderAsync on a fake clock: intervals, outcomes, timeout and resume, cancellation, progress. The cases every polled job shares (the spec's intervals, failure, timeout and resume, cancellation, progress, foreign tokens) run for every vendor in TranscriptKit.Vendors.Tests/PollingTests; these are this vendor's own rules.</summary>
[TestFixture]
public sealed class CaptionCatPollingTests
{
    private const string Id = CaptionCatDocExamples.VideoId;
    private const string PollPath = "/v1/transcribe/cb6dc793fa1ceadb55744ba0a7b0af56/poll";

    private FakeTimeProvider _time = null!;
    private StubHandler _handler = null!;
    private CaptionCatClient _client = null!;

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
    public async Task WaitForTranscription_polls_until_finished_and_returns_the_doc_example()
    {
        _handler
            .Respond(HttpStatusCode.OK, Transcription("queued"))
            .Respond(HttpStatusCode.OK, Transcription("processing"))
            .Respond(HttpStatusCode.OK, CaptionCatDocExamples.TranscriptionFinished);

        var wait = _client.WaitForTranscriptionAsync(Id);
        await Eventually.RequestsAsync(_handler, 1);
        _time.Advance(TimeSpan.FromSeconds(5));
        await Eventually.RequestsAsync(_handler, 2);
        _time.Advance(TimeSpan.FromSeconds(7.5));
        var result = await wait;

        Assert.Multiple(() =>
        {
            Assert.That(result.Transcription, Is.EqualTo("finished"));
            Assert.That(result.Status, Is.EqualTo(ResultStatus.Success));
            Assert.That(_handler.Requests, Has.Count.EqualTo(3));
            Assert.That(_handler.Requests.All(r => r.Method == HttpMethod.Get && r.Uri.AbsolutePath == PollPath), Is.True);
            Assert.That(_handler.Requests.All(r => r.Header("Authorization") == "Bearer test-key"), Is.True);
        });
    }

    [Test]
    public void Spec_polling_defaults_are_5s_growing_by_half_to_30s_with_a_60_minute_timeout()
    {
        Assert.That(CaptionCatClient.DefaultTranscriptionPolling, Is.EqualTo(new PollingOptions
        {
            InitialInterval = TimeSpan.FromSeconds(5),
            MaxInterval = TimeSpan.FromSeconds(30),
            BackoffFactor = 1.5,
            Timeout = TimeSpan.FromMinutes(60),
        }));
        Assert.That(CaptionCatClient.DefaultRenderPolling, Is.EqualTo(CaptionCatClient.DefaultTranscriptionPolling));
    }

    [Test]
    public async Task WaitForTranscription_with_own_options_uses_their_interval()
    {
        _handler
            .Respond(HttpStatusCode.OK, Transcription("processing"))
            .Respond(HttpStatusCode.OK, CaptionCatDocExamples.TranscriptionFinished);
        var options = new PollingOptions { InitialInterval = TimeSpan.FromSeconds(1), MaxInterval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromSeconds(10) };

        var wait = _client.WaitForTranscriptionAsync(Id, options);
        await Eventually.RequestsAsync(_handler, 1);
        await Eventually.StepAsync(_time.Advance, _handler, TimeSpan.FromSeconds(1), requestsAfter: 2);

        Assert.That((await wait).Transcription, Is.EqualTo("finished"));
    }

    [Test]
    public async Task WaitForTranscription_treats_unknown_or_missing_state_as_still_running()
    {
        _handler
            .Respond(HttpStatusCode.OK, """{"status": "success"}""")
            .Respond(HttpStatusCode.OK, Transcription("transcribing 40%"))
            .Respond(HttpStatusCode.OK, CaptionCatDocExamples.TranscriptionFinished);
        var options = Fast(TimeSpan.FromMinutes(1));

        var wait = _client.WaitForTranscriptionAsync(Id, options);
        await Eventually.RequestsAsync(_handler, 1);
        _time.Advance(options.InitialInterval);
        await Eventually.RequestsAsync(_handler, 2);
        _time.Advance(options.InitialInterval);

        Assert.That((await wait).Transcription, Is.EqualTo("finished"));
        Assert.That(_handler.Requests, Has.Count.EqualTo(3));
    }

    [TestCase("failed")]
    [TestCase("error")]
    [TestCase("Transcription_Failure")]
    public async Task WaitForTranscription_throws_JobFailed_with_state_when_the_value_contains_fail_or_error(string state)
    {
        _handler
            .Respond(HttpStatusCode.OK, Transcription("processing"))
            .Respond(HttpStatusCode.OK, Transcription(state))
            .Otherwise(_ => Http.Json(CaptionCatDocExamples.TranscriptionFinished));
        var options = Fast(TimeSpan.FromMinutes(1));

        var wait = _client.WaitForTranscriptionAsync(Id, options);
        await Eventually.RequestsAsync(_handler, 1);
        _time.Advance(options.InitialInterval);
        await Eventually.WaitUntilAsync(() => wait.IsCompleted, "the wait to end");

        var error = Assert.ThrowsAsync<TranscriptKitJobFailedException>(() => wait);
        Assert.Multiple(() =>
        {
            Assert.That(error!.State, Is.EqualTo(state));
            Assert.That(error.Vendor, Is.EqualTo("captioncat"));
            Assert.That(error.Job.Kind, Is.EqualTo("Transcription"));
            Assert.That(error.Job.GetParameter("id"), Is.EqualTo(Id));
            Assert.That(error.Message, Does.Contain(state));
            Assert.That(_handler.Requests, Has.Count.EqualTo(2), "polling stops at the failed state");
        });
    }

    [Test]
    public async Task WaitForRender_completes_at_progress_100_reporting_75_then_100()
    {
        _handler
            .Respond(HttpStatusCode.OK, CaptionCatDocExamples.RenderProgress75)
            .Respond(HttpStatusCode.OK, """{"status": "success", "progress": 100}""");
        var progress = new RecordingProgress<PollProgress<RenderProgress>>();

        var wait = _client.WaitForRenderAsync(Id, progress: progress);
        await Eventually.RequestsAsync(_handler, 1);
        Assert.That(wait.IsCompleted, Is.False, "75 % is still running");
        await Eventually.StepAsync(_time.Advance, _handler, TimeSpan.FromSeconds(5), requestsAfter: 2);
        var result = await wait;

        var reports = progress.Reports;
        Assert.Multiple(() =>
        {
            Assert.That(result.Progress, Is.EqualTo(100));
            Assert.That(reports.Select(r => r.Percent), Is.EqualTo(new double?[] { 75, 100 }));
            Assert.That(reports.Select(r => r.Attempt), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(reports.Select(r => r.Response.Progress), Is.EqualTo(new[] { 75, 100 }));
            Assert.That(reports.All(r => r.Job.Kind == "Render" && r.Job.GetParameter("id") == Id), Is.True);
            Assert.That(_handler.Requests.All(r => r.Method == HttpMethod.Get && r.Uri.AbsolutePath == "/v1/render/cb6dc793fa1ceadb55744ba0a7b0af56/poll"), Is.True);
        });
    }

    [Test]
    public async Task WaitForRender_resumes_from_a_saved_token()
    {
        var saved = _client.CreateRenderToken(Id).ToString();
        _handler.Respond(HttpStatusCode.OK, """{"status": "success", "progress": 100}""");

        var result = await _client.WaitForRenderAsync(JobToken.Parse(saved));

        Assert.Multiple(() =>
        {
            Assert.That(result.Progress, Is.EqualTo(100));
            Assert.That(_handler.Requests.Single().Uri.AbsolutePath, Is.EqualTo("/v1/render/cb6dc793fa1ceadb55744ba0a7b0af56/poll"));
        });
    }

    private static PollingOptions Fast(TimeSpan timeout) =>
        new() { InitialInterval = TimeSpan.FromSeconds(1), MaxInterval = TimeSpan.FromSeconds(1), BackoffFactor = 1, Timeout = timeout };

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);

    private static string Transcription(string state) => $$"""{"status": "success", "transcription": "{{state}}"}""";
}
