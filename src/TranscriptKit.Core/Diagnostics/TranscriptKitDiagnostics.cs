using System.Diagnostics;

namespace TranscriptKit;

/// <summary>The names TranscriptKit's telemetry uses, to subscribe with OpenTelemetry (<c>AddSource(TranscriptKitDiagnostics.ActivitySourceName)</c>).</summary>
public static class TranscriptKitDiagnostics
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name: one span per transcriber call (<c>transcriptkit.transcribe</c>, <c>.start</c>, <c>.wait</c>, <c>.batch</c>).</summary>
    public const string ActivitySourceName = "TranscriptKit";

    internal static ActivitySource ActivitySource { get; } = new(ActivitySourceName, typeof(TranscriptKitDiagnostics).Assembly.GetName().Version?.ToString());
}
