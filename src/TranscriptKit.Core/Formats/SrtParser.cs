using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace TranscriptKit;

/// <summary>
/// Reads SubRip text from vendors that return SRT into segments. Lenient the way subtitle players are: CRLF or LF,
/// a BOM, missing or wrong cue numbers, '.' or ',' before the milliseconds, and extra blank lines are all accepted.
/// </summary>
internal static class SrtParser
{
    /// <summary>Parses <paramref name="srt"/>; returns false with a reason when a cue's timing line is malformed.</summary>
    public static bool TryParse(string srt, out IReadOnlyList<TranscriptSegment> segments, out string? error)
    {
        var result = new List<TranscriptSegment>();
        segments = result;
        error = null;
        var lines = srt.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var i = 0;
        while (i < lines.Length)
        {
            if (lines[i].Trim().Length == 0)
            {
                i++;
                continue;
            }

            // The cue number is optional: the timing line is what defines a cue.
            if (!lines[i].Contains("-->", StringComparison.Ordinal))
            {
                i++;
                if (i >= lines.Length || !lines[i].Contains("-->", StringComparison.Ordinal))
                {
                    error = $"line {i + 1}: expected a timing line ('00:00:01,000 --> 00:00:02,000').";
                    return false;
                }
            }

            if (!TryParseTiming(lines[i], out var start, out var end))
            {
                error = $"line {i + 1}: '{lines[i].Trim()}' is not an SRT timing line.";
                return false;
            }

            i++;
            var text = new StringBuilder();
            while (i < lines.Length && lines[i].Trim().Length > 0)
            {
                if (text.Length > 0)
                {
                    text.Append('\n');
                }

                text.Append(lines[i].Trim());
                i++;
            }

            result.Add(new TranscriptSegment(start, end, text.ToString()));
        }

        return true;
    }

    private static bool TryParseTiming(string line, out TimeSpan start, out TimeSpan end)
    {
        start = end = default;
        var arrow = line.IndexOf("-->", StringComparison.Ordinal);
        var right = line[(arrow + 3)..].Trim();
        // Positioning hints may follow the end time ("X1:… Y1:…"); keep only the time.
        var space = right.IndexOf(' ');
        if (space > 0)
        {
            right = right[..space];
        }

        return TryParseTime(line[..arrow].Trim(), out start) && TryParseTime(right, out end) && end >= start;
    }

    private static bool TryParseTime(string text, out TimeSpan time)
    {
        time = default;
        var parts = text.Replace(',', '.').Split(':');
        if (parts.Length is < 2 or > 3)
        {
            return false;
        }

        var hours = 0;
        if (parts.Length == 3 && !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out hours))
        {
            return false;
        }

        if (!int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || !double.TryParse(parts[^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            || minutes >= 60 || seconds >= 60)
        {
            return false;
        }

        time = new TimeSpan(hours, minutes, 0) + TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));
        return true;
    }
}
