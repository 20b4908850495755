using System.Globalization;

namespace TranscriptKit.Generators.Parsing;

/// <summary>Reads the x-tk duration syntax: a number and a unit, <c>500ms</c>, <c>5s</c>, <c>30m</c>, <c>2h</c>.</summary>
internal static class Durations
{
    public static bool TryParseSeconds(string? text, out double seconds)
    {
        seconds = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text!.Trim();
        var (number, factor) =
            text.EndsWith("ms") ? (text.Substring(0, text.Length - 2), 0.001) :
            text.EndsWith("s") ? (text.Substring(0, text.Length - 1), 1.0) :
            text.EndsWith("m") ? (text.Substring(0, text.Length - 1), 60.0) :
            text.EndsWith("h") ? (text.Substring(0, text.Length - 1), 3600.0) :
            (string.Empty, 0.0);
        if (factor == 0 || !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            return false;
        }

        seconds = value * factor;
        return true;
    }
}
