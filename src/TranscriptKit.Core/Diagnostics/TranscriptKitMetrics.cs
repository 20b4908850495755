using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace TranscriptKit;

/// <summary>The instruments of <see cref="TranscriptKitDiagnostics.MeterName"/>; names and tags are documented there.</summary>
internal static class TranscriptKitMetrics
{
    private const string VendorTag = "transcriptkit.vendor";

    private static readonly Meter s_meter = new(TranscriptKitDiagnostics.MeterName, typeof(TranscriptKitMetrics).Assembly.GetName().Version?.ToString());

    private static readonly Counter<long> s_jobs = s_meter.CreateCounter<long>("transcriptkit.jobs", "{job}", "Transcription jobs that ended, by vendor and outcome.");

    private static readonly Histogram<double> s_media = s_meter.CreateHistogram<double>("transcriptkit.media.duration", "s", "The media length of each finished transcript whose length is known.");

    // The unit differs by vendor (credits, quota seconds), so it is a tag: sum only series of one unit.
    private static readonly Counter<double> s_charge = s_meter.CreateCounter<double>("transcriptkit.charge", null, "What vendors charged (or, by basis, are expected to have charged), in each vendor's own unit.");

    public static void Succeeded(string vendor, TranscriptUsage usage)
    {
        s_jobs.Add(1, new KeyValuePair<string, object?>(VendorTag, vendor), new KeyValuePair<string, object?>("transcriptkit.outcome", "succeeded"));
        if (usage.MediaDuration is { } duration)
        {
            s_media.Record(duration.TotalSeconds, new KeyValuePair<string, object?>(VendorTag, vendor));
        }

        if (usage is { Charge: { } charge, Unit: { } unit, Basis: { } basis })
        {
            s_charge.Add(
                (double)charge,
                new KeyValuePair<string, object?>(VendorTag, vendor),
                new KeyValuePair<string, object?>("transcriptkit.charge.unit", unit),
                new KeyValuePair<string, object?>("transcriptkit.charge.basis", Basis(basis)));
        }
    }

    public static void Ended(string vendor, Exception exception) =>
        s_jobs.Add(1, new KeyValuePair<string, object?>(VendorTag, vendor), new KeyValuePair<string, object?>("transcriptkit.outcome", Outcome(exception)));

    private static string Outcome(Exception exception) => exception switch
    {
        // Checked first: it can wrap a cancellation, and the job may exist (and be paid for) at the vendor.
        TranscriptionSubmissionUnknownException => "submission_unknown",
        TranscriptKitTimeoutException => "timed_out",
        OperationCanceledException => "cancelled",
        _ => "failed",
    };

    private static string Basis(ChargeBasis basis) => basis switch
    {
        ChargeBasis.Reported => "reported",
        ChargeBasis.VendorEstimate => "vendor_estimate",
        ChargeBasis.Documented => "documented",
        _ => "inferred",
    };
}
