using System.Diagnostics;

namespace TranscriptKit;

/// <summary>The names TranscriptKit's telemetry uses, to subscribe with OpenTelemetry (<c>AddSource(TranscriptKitDiagnostics.ActivitySourceName)</c>).</summary>
public static class TranscriptKitDiagnostics
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name: one span per transcriber call (<c>transcriptkit.transcribe</c>, <c>.start</c>, <c>.wait</c>, <c>.batch</c>).</summary>
    public const string ActivitySourceName = "TranscriptKit";

    /// <summary>
    /// The <see cref="System.Diagnostics.Metrics.Meter"/> name (<c>AddMeter(TranscriptKitDiagnostics.MeterName)</c>):
    /// <c>transcriptkit.jobs</c> (counter, <c>{job}</c>; tags <c>transcriptkit.vendor</c>, <c>transcriptkit.outcome</c>:
    /// <c>succeeded</c>, <c>failed</c>, <c>timed_out</c>, <c>cancelled</c>, <c>submission_unknown</c>),
    /// <c>transcriptkit.media.duration</c> (histogram, <c>s</c>, per transcript whose length is known; tag
    /// <c>transcriptkit.vendor</c>) and <c>transcriptkit.charge</c> (counter in the vendor's own unit; tags
    /// <c>transcriptkit.vendor</c>, <c>transcriptkit.charge.unit</c>, <c>transcriptkit.charge.basis</c>).
    /// </summary>
    public const string MeterName = "TranscriptKit";

    internal static ActivitySource ActivitySource { get; } = new(ActivitySourceName, typeof(TranscriptKitDiagnostics).Assembly.GetName().Version?.ToString());
}
