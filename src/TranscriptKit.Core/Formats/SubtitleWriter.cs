using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace TranscriptKit;

/// <summary>Writes segments as SRT or WebVTT.</summary>
internal static class SubtitleWriter
{
    public static string WriteSrt(IReadOnlyList<TranscriptSegment> segments)
    {
        var text = new StringBuilder();
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            text.Append(i + 1).Append('\n')
                .Append(Time(segment.Start, ',')).Append(" --> ").Append(Time(segment.End, ',')).Append('\n')
                .Append(CueText(segment.Text)).Append("\n\n");
        }

        return text.ToString();
    }

    public static string WriteWebVtt(IReadOnlyList<TranscriptSegment> segments)
    {
        var text = new StringBuilder("WEBVTT\n\n");
        foreach (var segment in segments)
        {
            text.Append(Time(segment.Start, '.')).Append(" --> ").Append(Time(segment.End, '.')).Append('\n')
                // "-->" would end the cue timing line early in WebVTT readers.
                .Append(CueText(segment.Text).Replace("-->", "->", StringComparison.Ordinal)).Append("\n\n");
        }

        return text.ToString();
    }

    // A blank line ends a cue in both formats, so a segment's own blank lines are dropped.
    private static string CueText(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var kept = new List<string>(lines.Length);
        foreach (var line in lines)
        {
            if (line.Trim().Length > 0)
            {
                kept.Add(line.TrimEnd());
            }
        }

        return kept.Count == 0 ? " " : string.Join('\n', kept);
    }

    private static string Time(TimeSpan time, char millisecondSeparator)
    {
        if (time < TimeSpan.Zero)
        {
            time = TimeSpan.Zero;
        }

        var hours = (long)time.TotalHours;
        return string.Create(CultureInfo.InvariantCulture, $"{hours:00}:{time.Minutes:00}:{time.Seconds:00}{millisecondSeparator}{time.Milliseconds:000}");
    }
}
