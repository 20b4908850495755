using System;
using System.Buffers;
using System.ComponentModel;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace TranscriptKit.Runtime;

/// <summary>A JSON body, serialized once by the generated writer and replayed from memory.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonRequestBody : RequestBody
{
    private static readonly MediaTypeHeaderValue s_contentType = new("application/json") { CharSet = "utf-8" };
    private readonly ArraySegment<byte> _utf8;

    private JsonRequestBody(ArraySegment<byte> utf8) => _utf8 = utf8;

    /// <summary>Serializes <paramref name="value"/> with its generated writer.</summary>
    public static JsonRequestBody Create<T>(T value, JsonWriteAction<T> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer, value);
        }

        // The writer's own array, not a copy of it (ArrayBufferWriter always keeps one array).
        return new JsonRequestBody(MemoryMarshal.TryGetArray(buffer.WrittenMemory, out var written) ? written : buffer.WrittenSpan.ToArray());
    }

    /// <inheritdoc />
    public override bool IsReplayable => true;

    /// <inheritdoc />
    public override HttpContent CreateContent()
    {
        var content = new ByteArrayContent(_utf8.Array!, _utf8.Offset, _utf8.Count);
        content.Headers.ContentType = s_contentType;
        return content;
    }
}
