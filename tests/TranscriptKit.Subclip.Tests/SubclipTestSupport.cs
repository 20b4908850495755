using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace TranscriptKit.Subclip.Tests;

/// <summary>Builds clients on the in-memory transport and a fake clock.</summary>
internal static class TestClients
{
    public const string ApiKey = "test-key";

    public static readonly Uri Endpoint = new("https://www.subclip.app/api/v1");

    /// <summary>Retries off, so a test about something else never waits on a backoff.</summary>
    public static readonly RetryOptions NoRetries = new() { MaxRetries = 0 };

    public static SubclipClientOptions Options(FakeTimeProvider time, RetryOptions? retry = null, Uri? endpoint = null) => new()
    {
        ApiKey = ApiKey,
        Endpoint = endpoint ?? Endpoint,
        TimeProvider = time,
        Retry = retry ?? NoRetries,
    };

    public static SubclipClient Create(HttpMessageHandler handler, FakeTimeProvider time, RetryOptions? retry = null, Uri? endpoint = null) =>
        new(new HttpClient(handler), Options(time, retry, endpoint));
}

/// <summary>Compares JSON as the wire sees it: property order and values, not whitespace.</summary>
internal static class JsonText
{
    /// <summary>The document without insignificant whitespace, properties in their written order, numbers as written.</summary>
    public static string Compact(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            document.RootElement.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Asserts a request body is exactly a documented example (same properties, same order, same values).</summary>
    public static void AssertSameAs(string sent, string documented)
    {
        Assert.That(sent, Is.EqualTo(Compact(documented)), "the body sent is the documented example");
    }

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

/// <summary>A seekable stream that only claims a length: it must never be read (the size check comes first).</summary>
internal sealed class LengthOnlyStream(long length) : Stream
{
    public bool WasRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position { get; set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        WasRead = true;
        throw new AssertionException("The fake file was read, but it should have been refused or streamed unread.");
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        WasRead = true;
        throw new AssertionException("The fake file was read, but it should have been refused or streamed unread.");
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => Position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
