using System;
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TranscriptKit.Testing;

/// <summary>Renders values for mismatch messages: quoted, on one line, and short.</summary>
internal static class DiffText
{
    private const int MaxLength = 120;
    private static readonly JsonWriterOptions s_compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>A string as a JSON literal, so newlines and quotes show, shortened if long.</summary>
    public static string Quote(string value) =>
        "\"" + Shorten(JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value) + "\"";

    /// <summary>A JSON value on one line, shortened if long.</summary>
    public static string Show(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return Quote(element.GetString()!);
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, s_compact))
        {
            element.WriteTo(writer);
        }

        return Shorten(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>Where two texts first differ, each shown from a little before that point.</summary>
    public static string FirstDifference(string expected, string actual)
    {
        var index = 0;
        var shortest = Math.Min(expected.Length, actual.Length);
        while (index < shortest && expected[index] == actual[index])
        {
            index++;
        }

        var from = Math.Max(0, index - 20);
        var prefix = from > 0 ? "…" : string.Empty;
        return $"body differs at character {index + 1}: expected {prefix}{Quote(expected[from..])}, actual {prefix}{Quote(actual[from..])}";
    }

    /// <summary>A JSON path step for a property: <c>.name</c>, or <c>['odd name']</c> when it is not an identifier.</summary>
    public static string Property(string name)
    {
        var plain = name.Length > 0 && !char.IsAsciiDigit(name[0]);
        foreach (var c in name)
        {
            plain &= char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$';
        }

        return plain ? "." + name : "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }

    private static string Shorten(string text) => text.Length <= MaxLength ? text : text[..MaxLength] + "…";
}
