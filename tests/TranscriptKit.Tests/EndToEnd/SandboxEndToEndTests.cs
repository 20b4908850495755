using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Sandbox;

namespace TranscriptKit.Tests.EndToEnd;

/// <summary>Every vendor's documented flow through the facade, against the in-process sandbox serving samples/ with their sidecar transcripts.</summary>
[NonParallelizable]
public sealed class SandboxEndToEndTests
{
    private static readonly PollingOverride s_fastPolling = new() { InitialInterval = TimeSpan.FromMilliseconds(5), MaxInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(30) };
    private VendorSandbox _sandbox = null!;

    [OneTimeSetUp]
    public async Task StartSandbox()
    {
        var options = new SandboxOptions { PendingPolls = 2, StreamEventDelay = TimeSpan.FromMilliseconds(5) };
        options.MediaDirectories.Add(RepositoryPaths.Samples);
        _sandbox = await VendorSandbox.StartAsync(options);
    }

    [OneTimeTearDown]
    public async Task StopSandbox() => await _sandbox.DisposeAsync();

    [SetUp]
    public void ClearLog()
    {
        _sandbox.ClearRequests();
        _sandbox.Faults.Reset();
    }

    private ITranscriber Transcriber(string vendor, string? apiKey = null) => Transcribers.Create(
        vendor,
        new VendorSettings { ApiKey = apiKey ?? _sandbox.ApiKey, ApiSecret = _sandbox.ApiSecret, Endpoint = _sandbox.GetEndpoint(vendor) },
        new TranscriberOptions { Polling = s_fastPolling });

    private static IReadOnlyList<TranscriptSegment> Sidecar(string name)
    {
        Assert.That(SrtParser.TryParse(File.ReadAllText(RepositoryPaths.Sample(name)), out var cues, out var error), Is.True, error);
        return cues;
    }

    private int Count(string vendor, string method, string pathStart) =>
        _sandbox.Requests.Count(r => r.Vendor == vendor && r.Method == method && r.Path.StartsWith(pathStart, StringComparison.Ordinal));

    [Test]
    public async Task Caption_cat_uploads_the_video_polls_and_returns_the_sidecar_srt()
    {
        var stages = new List<TranscriptionStage>();
        var progress = new ActionProgress<TranscriptionProgress>(p => stages.Add(p.Stage));

        var transcript = await Transcriber("captioncat").TranscribeAsync(TranscriptionRequest.FromFile(RepositoryPaths.Sample("welcome.mp4")), progress);

        Assert.That(transcript.Segments, Is.EqualTo(Sidecar("welcome.srt")));
        Assert.That(transcript.ToSrt(), Is.EqualTo(File.ReadAllText(RepositoryPaths.Sample("welcome.srt"))));
        Assert.That(transcript.Text, Does.StartWith("Welcome to TranscriptKit. One client library"));
        Assert.That(transcript.JobId, Is.Not.Null);
        Assert.That(stages, Is.SupersetOf(new[] { TranscriptionStage.Uploading, TranscriptionStage.Submitting, TranscriptionStage.Processing, TranscriptionStage.Downloading, TranscriptionStage.Completed }));
        Assert.That(stages[^1], Is.EqualTo(TranscriptionStage.Completed));
    }

    [Test]
    public async Task Subclip_transcribes_an_uploaded_file_with_word_timings()
    {
        var request = TranscriptionRequest.FromFile(RepositoryPaths.Sample("short-note.mp3")) with { Language = "en", Timestamps = TimestampGranularity.Word };

        var transcript = await Transcriber("subclip").TranscribeAsync(request);

        var cues = Sidecar("short-note.srt");
        Assert.That(transcript.Segments.Select(s => s.Text), Is.EqualTo(cues.Select(c => c.Text)));
        Assert.That(transcript.Segments[0].Start, Is.EqualTo(cues[0].Start).Within(TimeSpan.FromMilliseconds(1)));
        Assert.That(transcript.Segments[0].Words.Select(w => w.Text), Is.EqualTo(new[] { "This", "is", "a", "short", "audio", "note." }));
        Assert.That(Count("subclip", "PUT", "/storage/"), Is.EqualTo(1), "the bytes go to the signed URL");
    }

    [Test]
    public async Task Subclip_takes_a_direct_media_url_as_a_public_platform()
    {
        var request = TranscriptionRequest.FromUrl(_sandbox.GetMediaUrl("bonjour.mp4")) with { Language = "fr", Timestamps = TimestampGranularity.Segment };

        var transcript = await Transcriber("subclip").TranscribeAsync(request);

        Assert.That(transcript.Text, Does.StartWith("Bonjour et bienvenue dans TranscriptKit."));
        Assert.That(transcript.HasTimings, Is.True);
    }

    [Test]
    public async Task Transcriptgenerate_creates_a_task_from_the_url_and_queries_it()
    {
        var transcript = await Transcriber("transcriptgenerate").TranscribeAsync(TranscriptionRequest.FromUrl(_sandbox.GetMediaUrl("welcome.mp4")));

        Assert.That(transcript.Text, Does.Contain("Welcome to TranscriptKit.").And.Contain("its own transcript."));
        Assert.That(transcript.HasTimings, Is.False);
        Assert.That(Count("transcriptgenerate", "POST", "/transcript-api/v1/task/create"), Is.EqualTo(1));
    }

    [Test]
    public async Task Cliptext_sends_a_small_file_in_one_multipart_create_and_polls_the_transcription()
    {
        // short-note.mp3 is far under the spec's max-direct-upload-bytes: the documented multipart create, no presigned flow.
        var transcript = await Transcriber("cliptext").TranscribeAsync(TranscriptionRequest.FromFile(RepositoryPaths.Sample("short-note.mp3")));

        Assert.That(transcript.Text, Is.EqualTo("This is a short audio note. It has two sentences and no video."));
        Assert.That(Count("cliptext", "POST", "/transcriptions"), Is.EqualTo(1));
        Assert.That(Count("cliptext", "POST", "/uploads/complete"), Is.EqualTo(0));
    }

    [Test]
    public async Task Soscripted_streams_progress_then_timed_captions()
    {
        var percents = new List<double>();
        var progress = new ActionProgress<TranscriptionProgress>(p =>
        {
            if (p.Stage == TranscriptionStage.Processing && p.Percent is { } pct)
            {
                percents.Add(pct);
            }
        });

        var transcript = await Transcriber("soscripted").TranscribeAsync(TranscriptionRequest.FromUrl(_sandbox.GetMediaUrl("welcome.mp4", "soscripted")), progress);

        Assert.That(transcript.Segments.Select(s => s.Text), Is.EqualTo(Sidecar("welcome.srt").Select(c => c.Text)));
        Assert.That(transcript.JobId, Is.Null);
        Assert.That(percents, Is.Not.Empty.And.Ordered);
    }

    [Test]
    public async Task A_job_resumed_from_its_token_in_a_new_transcriber_is_not_submitted_again()
    {
        var job = await Transcriber("captioncat").StartAsync(TranscriptionRequest.FromFile(RepositoryPaths.Sample("welcome.mp4")));
        var token = job.ToToken();

        // As after a restart: a fresh transcriber, only the token.
        var transcript = await Transcriber("captioncat").WaitAsync(TranscriptionJob.FromToken(token));

        Assert.That(transcript.JobId, Is.EqualTo(job.Id));
        Assert.That(transcript.Segments, Has.Count.EqualTo(4));
        Assert.That(Count("captioncat", "POST", "/upload"), Is.EqualTo(1));
        Assert.That(Count("captioncat", "POST", "/transcribe/"), Is.EqualTo(1), "one paid job, however often it is waited for");
    }

    [Test]
    public async Task A_batch_stays_within_transcriptgenerate_free_slots()
    {
        var requests = Enumerable.Range(0, 5).Select(_ => TranscriptionRequest.FromUrl(_sandbox.GetMediaUrl("welcome.mp4"))).ToList();

        var results = await Transcriber("transcriptgenerate").TranscribeManyAsync(requests);

        Assert.That(results.All(r => r.Succeeded), Is.True, string.Join("; ", results.Where(r => !r.Succeeded).Select(r => r.Error!.Message)));
        Assert.That(Count("transcriptgenerate", "GET", "/transcript-api/v1/quota/concurrency"), Is.EqualTo(1));
        Assert.That(Count("transcriptgenerate", "POST", "/transcript-api/v1/task/create"), Is.EqualTo(5), "within the free slots nothing is refused");
    }

    [Test]
    public async Task A_batch_pushed_past_the_limit_waits_out_601_answers()
    {
        var requests = Enumerable.Range(0, 5).Select(_ => TranscriptionRequest.FromUrl(_sandbox.GetMediaUrl("welcome.mp4"))).ToList();
        var options = new TranscriptionBatchOptions { MaxConcurrency = 5, BusyDelay = TimeSpan.FromMilliseconds(20), MaxBusyDelay = TimeSpan.FromMilliseconds(100) };

        var results = await Transcriber("transcriptgenerate").TranscribeManyAsync(requests, options);

        Assert.That(results.All(r => r.Succeeded), Is.True, string.Join("; ", results.Where(r => !r.Succeeded).Select(r => r.Error!.Message)));
        Assert.That(Count("transcriptgenerate", "POST", "/transcript-api/v1/task/create"), Is.GreaterThan(5), "the sandbox's limit of 2 refused some submissions, which were sent again");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_601_is_sent_again_when_one_of_the_batch_jobs_ends_without_waiting_out_the_back_off()
    {
        var requests = Enumerable.Range(0, 6).Select(_ => TranscriptionRequest.FromUrl(_sandbox.GetMediaUrl("welcome.mp4"))).ToList();
        // Four in flight against the sandbox's two slots, and a back-off no test could wait out: only a job of the
        // batch ending can send a refused item again.
        var options = new TranscriptionBatchOptions { MaxConcurrency = 4, BusyDelay = TimeSpan.FromHours(1), MaxBusyDelay = TimeSpan.FromHours(1) };

        var results = await Transcriber("transcriptgenerate").TranscribeManyAsync(requests, options, cancellationToken: TestContext.CurrentContext.CancellationToken);

        Assert.That(results.All(r => r.Succeeded), Is.True, string.Join("; ", results.Where(r => !r.Succeeded).Select(r => r.Error!.Message)));
        var creates = Count("transcriptgenerate", "POST", "/transcript-api/v1/task/create");
        Assert.That(creates, Is.GreaterThan(6), "the limit of 2 refused some submits");
    }

    [Test]
    public void A_wrong_key_is_an_authentication_error_that_never_shows_the_key()
    {
        var error = Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() =>
            Transcriber("cliptext", apiKey: "wrong-key-123").TranscribeAsync(TranscriptionRequest.FromFile(RepositoryPaths.Sample("short-note.mp3"))));

        Assert.That(error!.Vendor, Is.EqualTo("cliptext"));
        Assert.That(error.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(error.ToString(), Does.Not.Contain("wrong-key-123"));
    }

    [Test]
    public async Task Unknown_media_gets_a_transcript_labelled_simulated()
    {
        using var bytes = new MemoryStream([0, 0, 0, 24, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 1, 2, 3, 4]);

        var transcript = await Transcriber("captioncat").TranscribeAsync(TranscriptionRequest.FromStream(bytes, "unknown.mp4"));

        Assert.That(transcript.Text, Does.Contain("simulated"));
    }
}
