using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace TranscriptKit.Runtime;

/// <summary>The steps generated operation invokers (<see cref="OperationInvoker"/>) are built from: wire text in, JSON text out.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OperationInvocation
{
    /// <summary>A required value, or an <see cref="ArgumentException"/> naming it and where it was expected.</summary>
    public static string Required(IReadOnlyDictionary<string, string> values, string name, string where) =>
        values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"The {where} value '{name}' is required.", "arguments");

    /// <summary>An optional value, or <see langword="null"/>.</summary>
    public static string? Optional(IReadOnlyDictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var value) ? value : null;

    /// <summary>Wire text as a 32-bit integer.</summary>
    public static int Int32(string text, string name) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw NotA(text, name, "a whole number");

    /// <summary>Wire text as a 64-bit integer.</summary>
    public static long Int64(string text, string name) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw NotA(text, name, "a whole number");

    /// <summary>Wire text as a number.</summary>
    public static double Double(string text, string name) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw NotA(text, name, "a number");

    /// <summary>Wire text as a boolean (<c>true</c> or <c>false</c>).</summary>
    public static bool Boolean(string text, string name) => text switch
    {
        "true" => true,
        "false" => false,
        _ => throw NotA(text, name, "true or false"),
    };

    /// <summary>Wire text as free-form JSON.</summary>
    public static JsonElement Any(string text, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw NotA(text, name, "JSON");
        }
    }

    /// <summary>The JSON body, or an <see cref="ArgumentException"/> when a required one is missing.</summary>
    public static ReadOnlySpan<byte> Body(OperationArguments arguments, string operationId) =>
        arguments.Body is { } body ? body.Span : throw new ArgumentException($"{operationId} needs a JSON body.", nameof(arguments));

    /// <summary>The file of a multipart body or an upload helper.</summary>
    public static UploadFile File(OperationArguments arguments, string name) =>
        arguments.File ?? throw new ArgumentException($"The file '{name}' is required.", nameof(arguments));

    /// <summary>Refuses <see cref="OperationArguments.Stream"/> for an operation without an event-stream variant.</summary>
    public static void NoStream(OperationArguments arguments, string operationId)
    {
        if (arguments.Stream)
        {
            throw new ArgumentException($"{operationId} has no event-stream variant (x-tk-sse).", nameof(arguments));
        }
    }

    /// <summary>Writes a value with a generated writer and returns the JSON text.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static ArgumentException NotA(string text, string name, string what) =>
        new($"The value '{text}' of '{name}' is not {what}.", "arguments");
}
