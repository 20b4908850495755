using System;

namespace TranscriptKit.Cli.Progress;

/// <summary>A live bar when stderr is a terminal; plain lines when it is a file or a pipe (logs, CI, tests).</summary>
internal static class ProgressDisplay
{
    public static IProgressDisplay Create() =>
        Console.IsErrorRedirected || string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal)
            ? new PlainProgressDisplay(Console.Error)
            : new SpectreProgressDisplay();

    /// <summary>The stage in words, with the vendor's own state when it gave one.</summary>
    public static string Describe(TranscriptionProgress progress) => progress.Stage switch
    {
        TranscriptionStage.Uploading => "uploading",
        TranscriptionStage.Submitting => "submitting",
        TranscriptionStage.Processing => progress.VendorState is { Length: > 0 } state && !state.Equals("processing", StringComparison.OrdinalIgnoreCase)
            ? $"processing ({state})"
            : "processing",
        TranscriptionStage.Downloading => "fetching the transcript",
        _ => "done",
    };
}
