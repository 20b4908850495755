using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TranscriptKit.Tests.Usage;

/// <summary>
/// The <c>TranscriptKit</c> meter, read with a <see cref="MeterListener"/>: jobs by vendor and outcome, media seconds
/// and charges per vendor and unit. Each test uses its own vendor id, so tests running at once do not mix.
/// </summary>
[TestFixture]
[CancelAfter(10_000)]
public sealed class UsageMetricsTests
{
    [Test]
    public async Task A_finished_transcript_counts_one_succeeded_job_its_media_seconds_and_its_charge_in_the_vendors_unit()
    {
        var vendor = NewId();
        using var metrics = new Recorded(vendor);
        var transcriber = new MeteredTranscriber(Define(vendor), (_, _) => Task.FromResult(new Transcript(vendor, "job-1", "hi", [], TimeSpan.FromSeconds(126))));

        await transcriber.TranscribeAsync(TranscriptionRequest.FromUrl("https://example.com/a.mp4"));

        Assert.That(metrics.Of("transcriptkit.jobs"), Is.EqualTo(new[] { (1.0, "outcome=succeeded") }));
        Assert.That(metrics.Of("transcriptkit.media.duration"), Is.EqualTo(new[] { (126.0, "") }));
        Assert.That(metrics.Of("transcriptkit.charge"), Is.EqualTo(new[] { (3.0, "basis=documented,unit=credits") }), "1 credit per started minute of 126 s");
    }

    [Test]
    public async Task A_file_the_vendor_reports_no_length_for_is_measured_from_its_headers()
    {
        var vendor = NewId();
        using var metrics = new Recorded(vendor);
        var transcriber = new MeteredTranscriber(Define(vendor), (_, _) => Task.FromResult(new Transcript(vendor, "job-1", "hi", [], duration: null)));

        await transcriber.TranscribeAsync(TranscriptionRequest.FromFile(RepositoryPaths.Sample("welcome.mp4")));

        Assert.That(metrics.Of("transcriptkit.media.duration").Single().Value, Is.EqualTo(15.2).Within(0.05));
        Assert.That(metrics.Of("transcriptkit.charge"), Is.EqualTo(new[] { (1.0, "basis=documented,unit=credits") }));
    }

    [Test]
    public async Task Failures_count_by_outcome_and_charge_nothing()
    {
        var vendor = NewId();
        using var metrics = new Recorded(vendor);
        var outcomes = new Queue<Exception>(
        [
            new TranscriptKitJobFailedException(vendor, "failed at the vendor", new JobToken(vendor, "Job", new[] { new KeyValuePair<string, string>("id", "j1") }), "failed"),
            new TranscriptKitTimeoutException(vendor, "no answer", null, TimeSpan.FromMinutes(1)),
            new OperationCanceledException(),
            new TranscriptionSubmissionUnknownException(vendor, "answer lost", null, "the dashboard", new HttpRequestException("reset")),
        ]);
        var transcriber = new MeteredTranscriber(Define(vendor), (_, _) => Task.FromException<Transcript>(outcomes.Dequeue()));

        for (var i = 0; i < 4; i++)
        {
            try
            {
                await transcriber.TranscribeAsync(TranscriptionRequest.FromUrl("https://example.com/a.mp4"));
            }
            catch (Exception e) when (e is TranscriptKitException or OperationCanceledException)
            {
            }
        }

        Assert.That(metrics.Of("transcriptkit.jobs"), Is.EqualTo(new[] { (1.0, "outcome=failed"), (1.0, "outcome=timed_out"), (1.0, "outcome=cancelled"), (1.0, "outcome=submission_unknown") }));
        Assert.That(metrics.Of("transcriptkit.charge"), Is.Empty);
        Assert.That(metrics.Of("transcriptkit.media.duration"), Is.Empty);
    }

    [Test]
    public void A_request_refused_before_sending_is_no_job()
    {
        var vendor = NewId();
        using var metrics = new Recorded(vendor);
        var transcriber = new MeteredTranscriber(Define(vendor), (_, _) => throw new AssertionException("nothing may run"));

        Assert.ThrowsAsync<TranscriptionNotSupportedException>(() => transcriber.TranscribeAsync(TranscriptionRequest.FromUrl("https://example.com/a.mp4") with { Timestamps = TimestampGranularity.Word }));

        Assert.That(metrics.Of("transcriptkit.jobs"), Is.Empty);
    }

    [Test]
    public void The_meter_is_named_like_the_activity_source()
    {
        Assert.That(TranscriptKitDiagnostics.MeterName, Is.EqualTo("TranscriptKit").And.EqualTo(TranscriptKitDiagnostics.ActivitySourceName));
    }

    private static string NewId() => "metered-" + Guid.NewGuid().ToString("N")[..8];

    private static VendorDefinition Define(string id) => new(
        id,
        "Metered Test",
        new Uri("http://127.0.0.1:9/"),
        new VendorCredentials(CredentialScheme.Bearer, "Authorization"),
        [],
        [],
        VendorLimits.None,
        static (_, _) => throw new NotSupportedException("no client: the test adapter runs a scripted flow"),
        static (_, _) => throw new NotSupportedException("no client: the test adapter runs a scripted flow"))
    {
        Pricing = new VendorPricing("credits", 1, BilledPer.Minute) { Rounding = PricingRounding.Up },
    };

    /// <summary>A vendor adapter whose whole flow is a script.</summary>
    private sealed class MeteredTranscriber(VendorDefinition definition, Func<TranscriptionRequest, CancellationToken, Task<Transcript>> flow) : TranscriberBase(definition, null)
    {
        public override TranscriberCapabilities Capabilities { get; } = new()
        {
            AcceptsFiles = true, AcceptsUrls = true, Timings = false, WordTimestamps = false,
            AcceptsLanguage = false, ReportsProgress = false, ResumableJobs = false,
        };

        protected override string HowToCheckSubmission => "nowhere (a test vendor)";

        protected override Task<Transcript> TranscribeCoreAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress, Activity? activity, CancellationToken cancellationToken) =>
            flow(request, cancellationToken);
    }

    /// <summary>Every measurement of the TranscriptKit meter tagged with one vendor, as (value, other tags sorted).</summary>
    private sealed class Recorded : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<(string Instrument, double Value, string Tags)> _measurements = [];

        public Recorded(string vendor)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == TranscriptKitDiagnostics.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(vendor, i, v, tags));
            _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(vendor, i, v, tags));
            _listener.Start();
        }

        public IReadOnlyList<(double Value, string Tags)> Of(string instrument)
        {
            lock (_measurements)
            {
                return _measurements.Where(m => m.Instrument == instrument).Select(m => (m.Value, m.Tags)).ToList();
            }
        }

        public void Dispose() => _listener.Dispose();

        private void Add(string vendor, Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var all = tags.ToArray();
            if (!all.Any(t => t.Key == "transcriptkit.vendor" && Equals(t.Value, vendor)))
            {
                return;
            }

            var others = string.Join(",", all.Where(t => t.Key != "transcriptkit.vendor").Select(t => $"{t.Key.Replace("transcriptkit.", "").Replace("charge.", "")}={t.Value}").Order());
            lock (_measurements)
            {
                _measurements.Add((instrument.Name, value, others));
            }
        }
    }
}
