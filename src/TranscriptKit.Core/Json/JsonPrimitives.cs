using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace TranscriptKit.Runtime;

/// <summary>
/// The reading and writing steps generated JSON code is built from. No reflection: each model's reader and
/// writer is emitted by the TranscriptKit generator and calls only these.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonPrimitives
{
    /// <summary>Reader options for vendor bodies: the vendors' own examples end objects with trailing commas.</summary>
    public static JsonReaderOptions ReaderOptions { get; } = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    /// <summary>Parses a whole document with <paramref name="read"/>.</summary>
    /// <exception cref="JsonException">The body does not match; <see cref="JsonException.Path"/> names the field (<c>$.data.duration</c>).</exception>
    public static T Parse<T>(ReadOnlySpan<byte> utf8Json, JsonReadFunc<T> read)
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                throw new JsonException("The body is empty.");
            }

            var value = read(ref reader);
            if (reader.Read())
            {
                throw new JsonException($"Unexpected {reader.TokenType} after the JSON value.");
            }

            return value;
        }
        catch (Exception ex) when (IsMismatch(ex))
        {
            // The reader still stands on the token that failed: name its field, so every mismatch says where.
            var offset = reader.TokenType == JsonTokenType.None ? reader.BytesConsumed : reader.TokenStartIndex;
            throw new JsonException(ex.Message, JsonPath.At(utf8Json, offset), lineNumber: null, bytePositionInLine: offset, ex);
        }
    }

    /// <summary>
    /// Whether an exception from reading a body means the body does not match the spec (and is reported as a response
    /// error), rather than a fault of the program: wrong token types, invalid UTF-8, numbers out of range, bad formats.
    /// </summary>
    public static bool IsMismatch(Exception exception) =>
        exception is JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException or System.Text.DecoderFallbackException;

    /// <summary>Throws unless the reader is on the start of an object.</summary>
    public static void ExpectStartObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {typeName} but found {reader.TokenType}.");
        }
    }

    /// <summary>Moves from a property name to its value.</summary>
    public static void ReadValue(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The body ended inside an object.");
        }
    }

    /// <summary>Skips the value after a property name the model does not know (vendors add fields).</summary>
    public static void SkipValue(ref Utf8JsonReader reader)
    {
        ReadValue(ref reader);
        reader.Skip();
    }

    /// <summary>The error for a required property the body lacks.</summary>
    public static JsonException MissingProperty(string typeName, string jsonName) =>
        new($"The {typeName} object has no '{jsonName}' property, which the spec marks required.");

    /// <summary>The error for a required property whose value is null.</summary>
    public static JsonException NullProperty(string typeName, string jsonName) =>
        new($"The {typeName} property '{jsonName}' is null, which the spec does not allow.");

    /// <summary>Reads a string or null.</summary>
    public static string? ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        _ => throw Unexpected(ref reader, "a string"),
    };

    /// <summary>Reads a boolean or null.</summary>
    public static bool? ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Unexpected(ref reader, "a boolean"),
    };

    /// <summary>Reads a 32-bit integer or null; an integral float (<c>3600.0</c>, <c>3.6e3</c>) is that integer.</summary>
    public static int? ReadInt32(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number when reader.TryGetInt32(out var value) => value,
        JsonTokenType.Number when Integral(ref reader) is { } value && value >= int.MinValue && value <= int.MaxValue => (int)value,
        _ => throw Unexpected(ref reader, "a 32-bit integer"),
    };

    /// <summary>Reads a 64-bit integer or null; an integral float (<c>3600.0</c>, <c>3.6e3</c>) is that integer.</summary>
    public static long? ReadInt64(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number when reader.TryGetInt64(out var value) => value,
        JsonTokenType.Number when Integral(ref reader) is { } value && value >= long.MinValue && value <= long.MaxValue => (long)value,
        _ => throw Unexpected(ref reader, "an integer"),
    };

    // Many servers write every number as a float (JavaScript's JSON.stringify of 3600 is 3600, but Python's of
    // 3600.0 is 3600.0): an integral value is the integer the spec means; 3599.5 is not, and stays an error.
    private static decimal? Integral(ref Utf8JsonReader reader) =>
        reader.TryGetDecimal(out var value) && decimal.Truncate(value) == value ? value : null;

    /// <summary>Reads a number or null.</summary>
    /// <remarks>A number beyond a double's range (<c>1e400</c>) is refused, not read as infinity.</remarks>
    public static double? ReadDouble(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number => Finite(ref reader, reader.GetDouble()),
        _ => throw Unexpected(ref reader, "a number"),
    };

    private static double Finite(ref Utf8JsonReader reader, double value) => double.IsFinite(value)
        ? value
        : throw new JsonException($"The number at byte {reader.TokenStartIndex} is {(value > 0 ? "above" : "below")} a double's range (±1.8e308).");

    /// <summary>Reads any value as a detached <see cref="JsonElement"/>, or null for a JSON null.</summary>
    public static JsonElement? ReadElement(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader);

    /// <summary>Reads an array of values with <paramref name="readItem"/>, or null.</summary>
    public static IReadOnlyList<T>? ReadArray<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readItem)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(ref reader, "an array");
        }

        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(readItem(ref reader));
        }

        return items;
    }

    /// <summary>Reads a non-null item for arrays of non-nullable items.</summary>
    public static T Required<T>(T? value, string what)
        where T : class => value ?? throw new JsonException($"Unexpected null for {what}.");

    /// <summary>Reads a non-null item for arrays of non-nullable value items.</summary>
    public static T Required<T>(T? value, string what)
        where T : struct => value ?? throw new JsonException($"Unexpected null for {what}.");

    /// <summary>Writes an array with <paramref name="writeItem"/>.</summary>
    public static void WriteArray<T>(Utf8JsonWriter writer, IReadOnlyList<T> items, JsonWriteAction<T> writeItem)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            writeItem(writer, item);
        }

        writer.WriteEndArray();
    }

    // A number or literal is quoted, so a drifted value (3599.5 for an integer) is named in the error; a string is not, as it
    // may be a transcript or a signed URL.
    private static JsonException Unexpected(ref Utf8JsonReader reader, string expected) =>
        new($"Expected {expected} but found {reader.TokenType}{(reader.TokenType is JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False && reader.ValueSpan.Length <= 40 ? " " + System.Text.Encoding.UTF8.GetString(reader.ValueSpan) : string.Empty)} at byte {reader.TokenStartIndex}.");
}
