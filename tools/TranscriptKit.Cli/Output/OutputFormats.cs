using System;

namespace TranscriptKit.Cli.Output;

/// <summary>Names of <see cref="OutputFormat"/> and the timings each needs from the vendor.</summary>
internal static class OutputFormats
{
    public static bool TryParse(string text, out OutputFormat format)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "text" or "txt": format = OutputFormat.Text; return true;
            case "srt": format = OutputFormat.Srt; return true;
            case "vtt" or "webvtt": format = OutputFormat.Vtt; return true;
            case "json": format = OutputFormat.Json; return true;
            default: format = OutputFormat.Text; return false;
        }
    }

    public static string Name(OutputFormat format) => format switch
    {
        OutputFormat.Srt => "SRT",
        OutputFormat.Vtt => "WebVTT",
        OutputFormat.Json => "JSON",
        _ => "text",
    };

    /// <summary>SRT and WebVTT need segments; JSON takes them when the vendor has them, so asking never refuses a text-only vendor.</summary>
    public static TimestampGranularity Timestamps(OutputFormat format, TranscriberCapabilities capabilities) => format switch
    {
        OutputFormat.Srt or OutputFormat.Vtt => TimestampGranularity.Segment,
        OutputFormat.Json when capabilities.Timings => TimestampGranularity.Segment,
        _ => TimestampGranularity.None,
    };

    /// <summary>The transcript in <paramref name="format"/>, ending with one newline.</summary>
    /// <exception cref="UsageException">SRT or WebVTT asked of a transcript without timings (a resumed job started as text).</exception>
    public static string Render(Transcript transcript, OutputFormat format)
    {
        if (format is OutputFormat.Srt or OutputFormat.Vtt && !transcript.HasTimings)
        {
            throw new UsageException(
                $"The {transcript.Vendor} transcript has no timings, so it cannot be written as {Name(format)}; use --format text or json" +
                " (a resumed job keeps the timings it was started with).");
        }

        var text = format switch
        {
            OutputFormat.Srt => transcript.ToSrt(),
            OutputFormat.Vtt => transcript.ToWebVtt(),
            OutputFormat.Json => TranscriptJsonWriter.Write(transcript),
            _ => transcript.Text,
        };
        return text.EndsWith('\n') ? text : text + "\n";
    }
}
