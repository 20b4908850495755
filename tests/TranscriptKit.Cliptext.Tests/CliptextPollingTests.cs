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
/// The cases every polled job shares (the spec's intervals, failure, timeout and resume, cancellation, progress, foreign tokens) run for every vendor in TranscriptKit.Vendors.Tests/PollingTests; these are this vendor's own rules.</summary>
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
