using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace TranscriptKit.Tests.Usage;

/// <summary>
/// <see cref="Transcript.Usage"/> from each vendor's recorded answers (tests/fixtures, the docs' own examples): what
/// the answer states wins, the spec's pricing rule fills in, and what neither tells stays null.
/// </summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class RecordedUsageTests
{
    [Test]
    public async Task Subclip_reports_the_credits_and_length_its_completed_job_states()
    {
        var transcript = await TranscribeAsync("subclip", TranscriptionRequest.FromFile(RepositoryPaths.Sample("welcome.mp4")) with { Language = "en" }, "flow-upload-and-transcribe");

        // The docs' completed example: "durationSeconds": 126, "creditsUsed": 3; the vendor's length wins over the file's 15.2 s.
        Assert.That(transcript.Usage, Is.EqualTo(new TranscriptUsage { MediaDuration = TimeSpan.FromSeconds(126), Charge = 3, Unit = "credits", Basis = ChargeBasis.Reported }));
    }

    [Test]
    public async Task Subclip_without_creditsUsed_reports_the_estimate_it_gave_when_it_accepted_the_job()
    {
        // create-job: "estimatedCredits": 9; get-job-completed-json states neither creditsUsed nor durationSeconds.
        var transcript = await TranscribeAsync("subclip", TranscriptionRequest.FromUrl("https://www.tiktok.com/@creator/video/1") with { Language = "en" }, "create-job", "get-job-completed-json");

        Assert.That(transcript.Usage, Is.EqualTo(new TranscriptUsage { Charge = 9, Unit = "credits", Basis = ChargeBasis.VendorEstimate }));
    }

    [Test]
    public async Task TranscriptGenerate_charges_the_reported_duration_in_quota_seconds_by_its_inferred_rule()
    {
        var transcript = await TranscribeAsync("transcriptgenerate", TranscriptionRequest.FromUrl("https://v.douyin.com/xxxxxx"), "flow-create-and-poll");

        // The docs' SUCCESS example: "duration": 60.5.
        Assert.That(transcript.Usage, Is.EqualTo(new TranscriptUsage { MediaDuration = TimeSpan.FromSeconds(60.5), Charge = 60.5m, Unit = "seconds", Basis = ChargeBasis.Inferred }));
    }

    [Test]
    public async Task Cliptext_reports_its_stated_duration_and_no_charge_since_its_docs_state_no_price()
    {
        var transcript = await TranscribeAsync("cliptext", TranscriptionRequest.FromFile(RepositoryPaths.Sample("short-note.mp3")), "flow-upload-and-transcribe");

        Assert.That(transcript.Usage, Is.EqualTo(new TranscriptUsage { MediaDuration = TimeSpan.FromSeconds(45.2) }));
    }

    [Test]
    public async Task CaptionCat_reports_the_files_own_length_and_no_charge_since_its_docs_state_no_rule()
    {
        var transcript = await TranscribeAsync("captioncat", TranscriptionRequest.FromFile(RepositoryPaths.Sample("welcome.mp4")), "flow-transcribe-and-get-srt");

        Assert.That(transcript.Usage.MediaDuration!.Value.TotalSeconds, Is.EqualTo(15.2).Within(0.05), "read from the file: Caption Cat's answers state no length");
        Assert.That(transcript.Usage.Charge, Is.Null);
        Assert.That(transcript.Usage.Unit, Is.Null);
        Assert.That(transcript.Usage.Basis, Is.Null);
    }

    [Test]
    public async Task Soscripted_charges_one_credit_per_request_as_documented_without_a_length()
    {
        // The docs' stream example elides its segments ("segments":[...]), so the final event carries the documented
        // blocking answer, which the docs give in full and which has the same shape.
        var answers = new RecordedAnswers("soscripted", "transcribe");
        using var blocking = JsonDocument.Parse(answers.Body("POST", "/api/public/transcribe"));
        answers.Answer("POST", "/api/public/transcribe", "text/event-stream", $"event: final\ndata: {JsonSerializer.Serialize(blocking.RootElement)}\n\nevent: done\ndata: {{\"ok\":true}}\n\n");

        var transcript = await Create("soscripted", answers).TranscribeAsync(TranscriptionRequest.FromUrl("https://www.youtube.com/watch?v=dQw4w9WgXcQ"));

        Assert.That(transcript.Usage, Is.EqualTo(new TranscriptUsage { Charge = 1, Unit = "credits", Basis = ChargeBasis.Documented }));
    }

    [Test]
    public async Task A_resumed_wait_knows_no_local_file_so_only_the_vendors_figures_count()
    {
        var answers = new RecordedAnswers("captioncat", "flow-transcribe-and-get-srt");
        var transcriber = Create("captioncat", answers);

        var transcript = await transcriber.WaitAsync(new TranscriptionJob("captioncat", "cb6dc793fa1ceadb55744ba0a7b0af56"));

        Assert.That(transcript.Usage, Is.EqualTo(TranscriptUsage.Unknown));
        Assert.That(transcript.Duration, Is.EqualTo(TimeSpan.FromSeconds(12.72)), "Duration keeps the last cue's end; usage does not take it for the media's length");
    }

    private static async Task<Transcript> TranscribeAsync(string vendor, TranscriptionRequest request, params string[] scenarios)
    {
        var answers = new RecordedAnswers(vendor, scenarios);
        return await Create(vendor, answers).TranscribeAsync(request);
    }

    private static ITranscriber Create(string vendor, RecordedAnswers answers)
    {
        var definition = Transcribers.Registry.Get(vendor).Definition;
        var endpoint = new Uri("http://127.0.0.1:9" + definition.DefaultEndpoint.AbsolutePath);
        return Transcribers.Create(vendor, new VendorSettings { ApiKey = "usage-test-key", ApiSecret = "usage-test-secret", Endpoint = endpoint, MaxRetries = 0 }, new TranscriberOptions { TimeProvider = new FakeTimeProvider(DateTimeOffset.UnixEpoch) }, new HttpClient(answers));
    }
}
