using System;
using System.Globalization;

namespace TranscriptKit.Generators.Parsing;

/// <summary>Reads the x-tk duration syntax: a number and a unit, <c>500ms</c>, <c>5s</c>, <c>30m</c>, <c>2h</c>.</summary>
internal static class Durations
{
    /// <summary>The shortest duration a spec may state: below it a poll loop would spin.</summary>
    public const double MinSeconds = 0.001;

    /// <summary>The longest (7 days): far inside TimeSpan's range, and longer than any documented vendor job.</summary>
    public const double MaxSeconds = 7 * 24 * 3600;

    /// <summary>What a valid duration looks like, for diagnostics.</summary>
    public const string Expected = "a duration between 1ms and 168h such as '500ms', '5s', '30m' or '2h'";

    public static bool TryParseSeconds(string? text, out double seconds)
    {
        seconds = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text!.Trim();
        var (number, factor) =
            text.EndsWith("ms", StringComparison.Ordinal) ? (text.Substring(0, text.Length - 2), 0.001) :
            text.EndsWith("s", StringComparison.Ordinal) ? (text.Substring(0, text.Length - 1), 1.0) :
            text.EndsWith("m", StringComparison.Ordinal) ? (text.Substring(0, text.Length - 1), 60.0) :
            text.EndsWith("h", StringComparison.Ordinal) ? (text.Substring(0, text.Length - 1), 3600.0) :
            (string.Empty, 0.0);

        // "NaNs", "Infinitys" and "1e300s" all parse as doubles; the emitted TimeSpan.FromSeconds would throw
        // TypeInitializationException at first use, so they are rejected here.
        if (factor == 0 || !Numbers.TryParseFinite(number, out var value))
        {
            return false;
        }

        seconds = value * factor;
        return seconds >= MinSeconds && seconds <= MaxSeconds;
    }
}
