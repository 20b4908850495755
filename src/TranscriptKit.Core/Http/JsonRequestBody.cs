using System;
using System.Buffers;
using System.ComponentModel;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;

namespace TranscriptKit.Runtime;

/// <summary>A JSON body, serialized once by the generated writer and replayed from memory.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonRequestBody : RequestBody
{
    private const int InitialBufferBytes = 1024;
    private const int MaxKeptBufferBytes = 64 * 1024;
    internal static readonly MediaTypeHeaderValue ContentType = new("application/json") { CharSet = "utf-8" };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private readonly ArraySegment<byte> _utf8;

    private JsonRequestBody(ArraySegment<byte> utf8) => _utf8 = utf8;

    /// <summary>Serializes <paramref name="value"/> with its generated writer.</summary>
    public static JsonRequestBody Create<T>(T value, JsonWriteAction<T> write)
    {
        // One writer and buffer per thread, reused: a body costs one array of its exact size. Taken out while in use,
        // so a nested call (none today) would get its own pair instead of writing into this one.
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(InitialBufferBytes);
        var writer = t_writer ?? new Utf8JsonWriter(buffer);
        (t_buffer, t_writer) = (null, null);
        writer.Reset(buffer);
        try
        {
            write(writer, value);
            writer.Flush();
            return new JsonRequestBody(buffer.WrittenSpan.ToArray());
        }
        finally
        {
            // The writer stays on its buffer until the next body resets it (resetting it to a stream instead would
            // allocate a buffer inside the writer on every call). A rare large body lets both go rather than keep
            // them for the thread's lifetime.
            if (buffer.Capacity <= MaxKeptBufferBytes)
            {
                buffer.ResetWrittenCount();
                (t_buffer, t_writer) = (buffer, writer);
            }
        }
    }

    /// <summary>The serialized bytes.</summary>
    internal ArraySegment<byte> Utf8 => _utf8;

    /// <inheritdoc />
    public override bool IsReplayable => true;

    /// <inheritdoc />
    public override HttpContent CreateContent()
    {
        var content = new ByteArrayContent(_utf8.Array!, _utf8.Offset, _utf8.Count);
        content.Headers.ContentType = ContentType;
        return content;
    }
}
