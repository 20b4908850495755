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

namespace TranscriptKit.Cliptext.Tests;

/// <summary>
/// WaitForTranscriptionAsync on a fake clock: queued → processing → completed, failure states, timeout and resume,
/// cancellation, progress. Only "completed" is documented; queued, processing, failed and error are inferred.
/// </summary>
[TestFixture]
public sealed class CliptextPollingTests
{
    private const string Id = CliptextDocExamples.TranscriptionId;
    private const string PollPath = "/v1/transcriptions/txn_abc123";

    private FakeTimeProvider _time = null!;
    private StubHandler _handler = null!;
    private CliptextClient _client = null!;

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
    public async Task WaitForTranscription_polls_queued_then_processing_then_returns_the_completed_doc_example()
    {
        _handler
            .Respond(HttpStatusCode.OK, Responses.Transcription("queued"))
            .Respond(HttpStatusCode.OK, Responses.Transcription("processing"))
            .Respond(HttpStatusCode.OK, CliptextDocExamples.GenericResponse);

        var wait = _client.WaitForTranscriptionAsync(Id);
        await Eventually.RequestsAsync(_handler, 1);
        Assert.That(wait.IsCompleted, Is.False, "queued is still running");
        await Eventually.StepAsync(_time.Advance, _handler, TimeSpan.FromSeconds(2), requestsAfter: 2);
        Assert.That(wait.IsCompleted, Is.False, "processing is still running");
        await Eventually.StepAsync(_time.Advance, _handler, TimeSpan.FromSeconds(3), requestsAfter: 3);
        var result = await wait;

        Assert.Multiple(() =>
        {
            Assert.That(result.Id, Is.EqualTo("txn_abc123"));
            Assert.That(result.Status, Is.EqualTo(TranscriptionStatus.Completed));
            Assert.That(result.Text, Is.EqualTo("Hello, this is a transcription..."));
            Assert.That(result.Duration, Is.EqualTo(45.2));
            Assert.That(_handler.Requests, Has.Count.EqualTo(3));
            Assert.That(_handler.Requests.All(r => r.Method == HttpMethod.Get && r.Uri.AbsolutePath == PollPath), Is.True);
            Assert.That(_handler.Requests.All(r => r.Header("Authorization") == "Bearer test-key"), Is.True);
        });
    }

    [Test]
    public async Task WaitForTranscription_returns_at_once_when_already_completed()
    {
        _handler.Respond(HttpStatusCode.OK, CliptextDocExamples.GenericResponse);

        var result = await _client.WaitForTranscriptionAsync(Id);

        Assert.Multiple(() =>
        {
            Assert.That(result.Text, Is.EqualTo("Hello, this is a transcription..."));
            Assert.That(_handler.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Spec_polling_defaults_are_2s_growing_by_half_to_20s_with_a_60_minute_timeout()
    {
        Assert.That(CliptextClient.DefaultTranscriptionPolling, Is.EqualTo(new PollingOptions
        {
            InitialInterval = TimeSpan.FromSeconds(2),
            MaxInterval = TimeSpan.FromSeconds(20),
            BackoffFactor = 1.5,
            Timeout = TimeSpan.FromMinutes(60),
        }));
    }

    [Test]
    public async Task WaitForTranscription_polls_at_once_then_after_2s_growing_by_half_up_to_20s_by_default()
    {
        var seen = new List<TimeSpan>();
        var start = _time.GetUtcNow();
        _handler.Otherwise(_ =>
        {
            int n;
            lock (seen)
            {
                seen.Add(_time.GetUtcNow() - start);
                n = seen.Count;
            }

            return Http.Json(n < 9 ? Responses.Transcription("processing") : CliptextDocExamples.GenericResponse);
        });
        TimeSpan[] expected = [Seconds(2), Seconds(3), Seconds(4.5), Seconds(6.75), Seconds(10.125), Seconds(15.1875), Seconds(20), Seconds(20)];

        var wait = _client.WaitForTranscriptionAsync(Id);
        Assert.That(Eventually.Count(_handler), Is.EqualTo(1), "the first status request is sent at once");
        for (var i = 0; i < expected.Length; i++)
        {
            await Eventually.StepAsync(_time.Advance, _handler, expected[i], requestsAfter: i + 2);
        }

        var result = await wait;
        var intervals = seen.Zip(seen.Skip(1), (a, b) => b - a).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(TranscriptionStatus.Completed));
            Assert.That(seen[0], Is.EqualTo(TimeSpan.Zero));
            Assert.That(intervals, Is.EqualTo(expected));
        });
    }

    [Test]
    public async Task WaitForTranscription_treats_unknown_status_values_as_still_running()
    {
        _handler
            .Respond(HttpStatusCode.OK, Responses.Transcription("transcribing"))
            .Respond(HttpStatusCode.OK, Responses.Transcription("uploading"))
            .Respond(HttpStatusCode.OK, CliptextDocExamples.GenericResponse);
        var options = Fast(TimeSpan.FromMinutes(1));

        var wait = _client.WaitForTranscriptionAsync(Id, options);
        await Eventually.RequestsAsync(_handler, 1);
        _time.Advance(options.InitialInterval);
        await Eventually.RequestsAsync(_handler, 2);
        _time.Advance(options.InitialInterval);

        Assert.That((await wait).Status, Is.EqualTo(TranscriptionStatus.Completed));
        Assert.That(_handler.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task WaitForTranscription_recognises_completed_in_any_case()
    {
        _handler.Respond(HttpStatusCode.OK, """{"id": "txn_abc123", "status": "COMPLETED", "text": "Hi"}""");

        var result = await _client.WaitForTranscriptionAsync(Id, Fast(TimeSpan.FromMinutes(1)));

        Assert.That(result.Text, Is.EqualTo("Hi"));
    }

    [TestCase("failed")]
    [TestCase("error")]
    [TestCase("FAILED")]
    public async Task WaitForTranscription_throws_JobFailed_with_state_and_token_on_a_failure_state(string state)
    {
        _handler
            .Respond(HttpStatusCode.OK, Responses.Transcription("processing"))
            .Respond(HttpStatusCode.OK, Responses.Transcription(state))
            .Otherwise(_ => Http.Json(CliptextDocExamples.GenericResponse));
        var options = Fast(TimeSpan.FromMinutes(1));

        var wait = _client.WaitForTranscriptionAsync(Id, options);
        await Eventually.RequestsAsync(_handler, 1);
        _time.Advance(options.InitialInterval);
        await Eventually.WaitUntilAsync(() => wait.IsCompleted, "the wait to end");

        var error = Assert.ThrowsAsync<TranscriptKitJobFailedException>(() => wait);
        Assert.Multiple(() =>
        {
            Assert.That(error!.State, Is.EqualTo(state));
            Assert.That(error.Vendor, Is.EqualTo("cliptext"));
            Assert.That(error.Job, Is.EqualTo(_client.CreateTranscriptionToken(Id)));
            Assert.That(error.Job.Kind, Is.EqualTo("Transcription"));
            Assert.That(error.Job.GetParameter("id"), Is.EqualTo(Id));
            Assert.That(error.Message, Does.Contain(state));
            Assert.That(error.Message, Does.Not.Contain(TestClients.ApiKey));
            Assert.That(_handler.Requests, Has.Count.EqualTo(2), "polling stops at the failed state");
        });
    }

    [Test]
    public async Task WaitForTranscription_times_out_with_a_job_token_that_resumes_the_wait_in_a_new_client()
    {
        _handler.Otherwise(_ => Http.Json(Responses.Transcription("processing")));
        var options = new PollingOptions { InitialInterval = Seconds(2), MaxInterval = Seconds(2), BackoffFactor = 1, Timeout = Seconds(7) };

        var wait = _client.WaitForTranscriptionAsync(Id, options);
        await Eventually.RequestsAsync(_handler, 1);
        for (var n = 2; n <= 4; n++)
        {
            _time.Advance(Seconds(2));
            await Eventually.RequestsAsync(_handler, n);
        }

        Assert.That(wait.IsCompleted, Is.False, "still running at 6 s");
        _time.Advance(Seconds(1));
        await Eventually.WaitUntilAsync(() => wait.IsCompleted, "the timeout");

        var error = Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => wait);
        Assert.That(error!.Job, Is.Not.Null);
        var job = error.Job!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Vendor, Is.EqualTo("cliptext"));
            Assert.That(error.Elapsed, Is.EqualTo(Seconds(7)));
            Assert.That(error.Message, Does.Contain(job.ToString()), "the message tells how to resume");
            Assert.That(error.Message, Does.Not.Contain(TestClients.ApiKey));
            Assert.That(job.Vendor, Is.EqualTo("cliptext"));
            Assert.That(job.Kind, Is.EqualTo("Transcription"));
            Assert.That(job.GetParameter("id"), Is.EqualTo(Id));
            Assert.That(_handler.Requests, Has.Count.EqualTo(4));
        });

        var saved = job.ToString();
        var restored = JobToken.Parse(saved);
        Assert.Multiple(() =>
        {
            Assert.That(restored, Is.EqualTo(job));
            Assert.That(saved, Does.Not.Contain(TestClients.ApiKey));
        });

        var laterHandler = new StubHandler().Respond(HttpStatusCode.OK, CliptextDocExamples.GenericResponse);
        using var laterClient = TestClients.Create(laterHandler, new FakeTimeProvider());
        var result = await laterClient.WaitForTranscriptionAsync(restored);

        Assert.Multiple(() =>
        {
            Assert.That(result.Text, Is.EqualTo("Hello, this is a transcription..."));
            Assert.That(laterHandler.Requests.Single().Method, Is.EqualTo(HttpMethod.Get));
            Assert.That(laterHandler.Requests.Single().Uri.AbsolutePath, Is.EqualTo(PollPath), "resuming polls the same transcription and creates nothing");
        });
    }

    [Test]
    public void CreateTranscriptionToken_round_trips_through_its_text_form()
    {
        var token = _client.CreateTranscriptionToken(Id);

        var restored = JobToken.Parse(token.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(restored, Is.EqualTo(token));
            Assert.That(restored.Vendor, Is.EqualTo("cliptext"));
            Assert.That(restored.Kind, Is.EqualTo("Transcription"));
            Assert.That(restored.Parameters, Is.EqualTo(new Dictionary<string, string> { ["id"] = Id }));
        });
    }

    [Test]
    public void A_token_of_another_vendor_is_refused_before_sending()
    {
        var foreign = new JobToken("captioncat", "Transcription", [new KeyValuePair<string, string>("id", Id)]);

        Assert.ThrowsAsync<ArgumentException>(() => _client.WaitForTranscriptionAsync(foreign));
        Assert.That(_handler.Requests, Is.Empty);
    }

    [Test]
    public async Task Cancelling_the_wait_stops_at_once_and_sends_nothing_more()
    {
        _handler.Otherwise(_ => Http.Json(Responses.Transcription("processing")));
        using var cts = new CancellationTokenSource();

        var wait = _client.WaitForTranscriptionAsync(Id, cancellationToken: cts.Token);
        await Eventually.RequestsAsync(_handler, 1);
        cts.Cancel();
        await Eventually.WaitUntilAsync(() => wait.IsCompleted, "the wait to end without the clock moving");

        Assert.CatchAsync<OperationCanceledException>(() => wait);
        _time.Advance(TimeSpan.FromHours(2));
        await Eventually.SettleAsync();
        Assert.That(Eventually.Count(_handler), Is.EqualTo(1), "no status request after cancellation");
    }

    [Test]
    public async Task A_404_while_waiting_ends_the_wait_with_NotFound()
    {
        _handler
            .Respond(HttpStatusCode.OK, Responses.Transcription("processing"))
            .Respond(HttpStatusCode.NotFound, CliptextDocExamples.NotFound);
        var options = Fast(TimeSpan.FromMinutes(1));

        var wait = _client.WaitForTranscriptionAsync(Id, options);
        await Eventually.RequestsAsync(_handler, 1);
        _time.Advance(options.InitialInterval);
        await Eventually.WaitUntilAsync(() => wait.IsCompleted, "the wait to end");

        var error = Assert.ThrowsAsync<TranscriptKitNotFoundException>(() => wait);
        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo("NOT_FOUND"));
            Assert.That(_handler.Requests, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task WaitForTranscription_reports_attempt_state_and_elapsed_after_each_status_request()
    {
        _handler
            .Respond(HttpStatusCode.OK, Responses.Transcription("queued"))
            .Respond(HttpStatusCode.OK, Responses.Transcription("processing"))
            .Respond(HttpStatusCode.OK, CliptextDocExamples.GenericResponse);
        var progress = new RecordingProgress<PollProgress<Transcription>>();

        var wait = _client.WaitForTranscriptionAsync(Id, progress: progress);
        await Eventually.RequestsAsync(_handler, 1);
        _time.Advance(Seconds(2));
        await Eventually.RequestsAsync(_handler, 2);
        _time.Advance(Seconds(3));
        await wait;

        var reports = progress.Reports;
        Assert.Multiple(() =>
        {
            Assert.That(reports.Select(r => r.Attempt), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(reports.Select(r => r.State), Is.EqualTo(new[] { "queued", "processing", "completed" }));
            Assert.That(reports.Select(r => r.Response.Status.Value), Is.EqualTo(new[] { "queued", "processing", "completed" }));
            Assert.That(reports.Select(r => r.Elapsed), Is.EqualTo(new[] { TimeSpan.Zero, Seconds(2), Seconds(5) }));
            Assert.That(reports.Select(r => r.Percent), Is.All.Null, "Cliptext reports no percentage");
            Assert.That(reports[^1].Response.Text, Is.EqualTo("Hello, this is a transcription..."));
            Assert.That(reports.All(r => r.Job.Equals(_client.CreateTranscriptionToken(Id))), Is.True);
        });
    }

    [Test]
    public async Task Create_then_wait_polls_the_id_the_create_returned()
    {
        _handler
            .Respond(HttpStatusCode.Created, Responses.Transcription("queued", id: "txn_new"))
            .Respond(HttpStatusCode.OK, Responses.Transcription("processing", id: "txn_new"))
            .Respond(HttpStatusCode.OK, """{ "id": "txn_new", "status": "completed", "text": "Done.", "duration": 1.5, "created_at": "2026-01-15T10:30:00Z"}""");
        var options = Fast(TimeSpan.FromMinutes(1));

        var created = await _client.CreateTranscriptionAsync(new CreateTranscriptionRequest { UploadId = "upl_789" });
        var wait = _client.WaitForTranscriptionAsync(created.Id, options);
        await Eventually.RequestsAsync(_handler, 2);
        _time.Advance(options.InitialInterval);
        var done = await wait;

        Assert.Multiple(() =>
        {
            Assert.That(done.Text, Is.EqualTo("Done."));
            Assert.That(_handler.Requests.Skip(1).Select(r => r.Uri.AbsolutePath), Is.All.EqualTo("/v1/transcriptions/txn_new"));
        });
    }

    private static PollingOptions Fast(TimeSpan timeout) =>
        new() { InitialInterval = TimeSpan.FromSeconds(1), MaxInterval = TimeSpan.FromSeconds(1), BackoffFactor = 1, Timeout = timeout };

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);
}
