using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace TranscriptKit.Sandbox.Media;

/// <summary>A timed segment of a transcript, in seconds.</summary>
internal sealed record TranscriptSegment(double Start, double End, string Text);

/// <summary>A word with estimated timing: words are spread evenly over their segment, since nothing was recognised.</summary>
internal sealed record SandboxWord(string Word, double Start, double End);

/// <summary>A transcript as the sandbox serves it: from an SRT sidecar, or plainly labelled as simulated.</summary>
internal sealed class SandboxTranscript
{
    public const string SimulatedText = "[simulated transcript: the TranscriptKit sandbox does not recognise speech]";

    public SandboxTranscript(IReadOnlyList<TranscriptSegment> segments, bool simulated, string? sourceName)
    {
        Segments = segments;
        IsSimulated = simulated;
        SourceName = sourceName;
    }

    public IReadOnlyList<TranscriptSegment> Segments { get; }

    public bool IsSimulated { get; }

    /// <summary>The sample's file name, when the transcript comes from a sidecar.</summary>
    public string? SourceName { get; }

    public string Text => string.Join(" ", Segments.Select(s => s.Text));

    public double Duration => Segments.Count == 0 ? 0 : Segments.Max(s => s.End);

    public static SandboxTranscript Simulated(double durationSeconds) =>
        new([new TranscriptSegment(0, Math.Round(durationSeconds, 3), SimulatedText)], simulated: true, sourceName: null);

    public IReadOnlyList<SandboxWord> WordsOf(TranscriptSegment segment)
    {
        var words = segment.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return [];
        }

        var step = (segment.End - segment.Start) / words.Length;
        return words.Select((w, i) => new SandboxWord(w, Round(segment.Start + (i * step)), Round(segment.Start + ((i + 1) * step)))).ToArray();
    }

    public IReadOnlyList<SandboxWord> Words() => Segments.SelectMany(WordsOf).ToArray();

    public string ToSrt()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < Segments.Count; i++)
        {
            builder.Append(i + 1).Append('\n')
                .Append(SrtTime(Segments[i].Start)).Append(" --> ").Append(SrtTime(Segments[i].End)).Append('\n')
                .Append(Segments[i].Text).Append("\n\n");
        }

        return builder.ToString();
    }

    /// <summary>Parses SRT leniently (CRLF or LF, dot or comma before milliseconds); multi-line cues are joined with spaces.</summary>
    public static IReadOnlyList<TranscriptSegment> ParseSrt(string srt)
    {
        var segments = new List<TranscriptSegment>();
        var blocks = srt.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        foreach (var block in blocks)
        {
            var lines = block.Split('\n', StringSplitOptions.TrimEntries).Where(l => l.Length > 0).ToList();
            var timing = lines.FindIndex(l => l.Contains("-->", StringComparison.Ordinal));
            if (timing < 0)
            {
                continue;
            }

            var parts = lines[timing].Split("-->", StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !TryParseTime(parts[0], out var start) || !TryParseTime(parts[1].Split(' ')[0], out var end))
            {
                continue;
            }

            var text = string.Join(" ", lines.Skip(timing + 1));
            segments.Add(new TranscriptSegment(start, end, text));
        }

        return segments;
    }

    private static bool TryParseTime(string value, out double seconds)
    {
        seconds = 0;
        if (!TimeSpan.TryParseExact(value.Replace('.', ','), @"hh\:mm\:ss\,fff", CultureInfo.InvariantCulture, out var time))
        {
            return false;
        }

        seconds = time.TotalSeconds;
        return true;
    }

    private static string SrtTime(double seconds) =>
        TimeSpan.FromMilliseconds(Math.Round(seconds * 1000)).ToString(@"hh\:mm\:ss\,fff", CultureInfo.InvariantCulture);

    private static double Round(double value) => Math.Round(value, 3);
}
