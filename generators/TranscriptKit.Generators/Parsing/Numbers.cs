using System.Globalization;

namespace TranscriptKit.Generators.Parsing;

/// <summary>Numbers in x-tk values: finite doubles only (NaN, ±Infinity and overflowing literals such as 1e400 are not numbers a spec means).</summary>
internal static class Numbers
{
    public static bool TryParseFinite(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsNaN(value) && !double.IsInfinity(value);
}
