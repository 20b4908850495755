using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

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

/// <summary>Waits for work running on other threads without real time passing: only yields, a bounded number of times.</summary>
internal static class Eventually
{
    private const int MaxYields = 200_000;

    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < MaxYields; i++)
        {
            if (condition())
            {
                // Let the code under test finish the synchronous part it is in (for example arming its next timer).
                for (var j = 0; j < 20; j++)
                {
                    await Task.Yield();
                }

                return;
            }

            await Task.Yield();
        }

        Assert.Fail($"Timed out (without real time passing) waiting for {what}.");
    }

    public static int Count(StubHandler handler)
    {
        lock (handler.Requests)
        {
            return handler.Requests.Count;
        }
    }

    public static Task RequestsAsync(StubHandler handler, int count) =>
        WaitUntilAsync(() => Count(handler) >= count, $"{count} request(s) (saw {Count(handler)})");

    /// <summary>Yields a while, so that anything that was going to happen without the clock moving has happened.</summary>
    public static async Task SettleAsync()
    {
        for (var i = 0; i < 500; i++)
        {
            await Task.Yield();
        }
    }
}

/// <summary>A synchronous <see cref="IProgress{T}"/> (unlike <see cref="Progress{T}"/>, which posts to the thread pool).</summary>
internal sealed class RecordingProgress<T> : IProgress<T>
{
    private readonly List<T> _reports = [];

    public IReadOnlyList<T> Reports
    {
        get
        {
            lock (_reports)
            {
                return _reports.ToArray();
            }
        }
    }

    public void Report(T value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }
    }
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

/// <summary>HTTP helpers for stubbed answers.</summary>
internal static class Http
{
    public static HttpResponseMessage Json(string body, System.Net.HttpStatusCode status = System.Net.HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}

/// <summary>A transport that never answers: each request waits until it is cancelled (by the caller or an attempt timeout).</summary>
internal sealed class HangingHandler : HttpMessageHandler
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
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

/// <summary>Produces <see cref="Length"/> bytes on the fly (byte at position p is p mod 251); never holds them.</summary>
internal sealed class GeneratedStream(long length) : Stream
{
    private const int Period = 251;
    private static readonly byte[] s_pattern = BuildPattern();
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value is >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public static byte At(long position) => (byte)(position % Period);

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, Math.Max(0, length - _position));
        var written = 0;
        while (written < count)
        {
            var offset = (int)((_position + written) % Period);
            var chunk = Math.Min(count - written, s_pattern.Length - offset);
            s_pattern.AsSpan(offset, chunk).CopyTo(buffer[written..]);
            written += chunk;
        }

        _position += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static byte[] BuildPattern()
    {
        var pattern = new byte[Period * 512];
        for (var i = 0; i < pattern.Length; i++)
        {
            pattern[i] = (byte)(i % Period);
        }

        return pattern;
    }
}

/// <summary>Hides seeking, like a network or pipe stream: its size is unknown.</summary>
internal sealed class ForwardOnlyStream(Stream inner) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(buffer, cancellationToken);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
