using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace TranscriptKit.Soscripted.Tests;

/// <summary>Builds clients on the in-memory transport and a fake clock.</summary>
internal static class TestClients
{
    /// <summary>The docs' key placeholder: an sk_ key as the vendor issues them.</summary>
    public const string ApiKey = SoscriptedDocExamples.ApiKey;

    public static readonly Uri Endpoint = new("https://soscripted.com/api/public");

    /// <summary>Retries off, so a test about something else never waits on a backoff.</summary>
    public static readonly RetryOptions NoRetries = new() { MaxRetries = 0 };

    /// <summary>Retries on, generously: for proving that a paid call is still sent only once.</summary>
    public static readonly RetryOptions Retries = new() { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };

    public static SoscriptedClientOptions Options(FakeTimeProvider time, RetryOptions? retry = null, Uri? endpoint = null) => new()
    {
        ApiKey = ApiKey,
        Endpoint = endpoint ?? Endpoint,
        TimeProvider = time,
        Retry = retry ?? NoRetries,
    };

    public static SoscriptedClient Create(HttpMessageHandler handler, FakeTimeProvider time, RetryOptions? retry = null, Uri? endpoint = null) =>
        new(new HttpClient(handler), Options(time, retry, endpoint));

    /// <summary>The request of every example in the docs.</summary>
    public static TranscribeRequest DocRequest => new() { Url = SoscriptedDocExamples.VideoUrl };
}

/// <summary>Answers for the stub transport.</summary>
internal static class Responses
{
    /// <summary>A 200 <c>text/event-stream</c> answer with a fixed body.</summary>
    public static HttpResponseMessage EventStream(string body, string mediaType = "text/event-stream") =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    /// <summary>A 200 <c>text/event-stream</c> answer whose body is <paramref name="body"/>.</summary>
    public static HttpResponseMessage EventStream(Stream body)
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}

/// <summary>Reads an event stream to its end.</summary>
internal static class Streams
{
    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source, CancellationToken cancellationToken = default)
    {
        var items = new List<T>();
        await foreach (var item in source.WithCancellation(cancellationToken))
        {
            items.Add(item);
        }

        return items;
    }
}

/// <summary>
/// A transport that never answers: each request waits until it is cancelled (by the caller or by the client's
/// per-attempt timeout). Counts the requests and records whether they were cancelled.
/// </summary>
internal sealed class SilentHandler : HttpMessageHandler
{
    private int _requests;
    private int _cancelled;

    public int Requests => Volatile.Read(ref _requests);

    public int Cancelled => Volatile.Read(ref _cancelled);

    public HttpRequestMessage? LastRequest { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LastRequest = request;
        Interlocked.Increment(ref _requests);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref _cancelled);
            throw;
        }

        throw new InvalidOperationException("unreachable");
    }
}

/// <summary>
/// A transport whose one answer is a 200 <c>text/event-stream</c> with a body the test writes piece by piece through a
/// <see cref="Pipe"/>: the test decides when each byte reaches the client, when the stream ends and how.
/// </summary>
internal sealed class PipeStreamHandler : HttpMessageHandler
{
    private readonly Pipe _pipe = new();
    private readonly string _mediaType;
    private int _requests;

    public PipeStreamHandler(string mediaType = "text/event-stream") => _mediaType = mediaType;

    public int Requests => Volatile.Read(ref _requests);

    public HttpRequestMessage? Request { get; private set; }

    public string? RequestBody { get; private set; }

    /// <summary>Sends <paramref name="text"/> to the client now (flushed).</summary>
    public async Task WriteAsync(string text)
    {
        await _pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Sends raw bytes to the client now (flushed).</summary>
    public async Task WriteAsync(byte[] bytes)
    {
        await _pipe.Writer.WriteAsync(bytes);
    }

    /// <summary>Ends the body normally.</summary>
    public Task CompleteAsync() => _pipe.Writer.CompleteAsync().AsTask();

    /// <summary>Breaks the body off: the client's next read throws <paramref name="error"/>.</summary>
    public Task FailAsync(Exception error) => _pipe.Writer.CompleteAsync(error).AsTask();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Request = request;
        RequestBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Interlocked.Increment(ref _requests);
        var content = new StreamContent(_pipe.Reader.AsStream());
        content.Headers.ContentType = new MediaTypeHeaderValue(_mediaType);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}

/// <summary>A body stream that hands out its bytes, then fails every read with <paramref name="failure"/> (a dropped connection).</summary>
internal sealed class BreakingStream(byte[] prefix, Exception failure) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= prefix.Length)
        {
            throw failure;
        }

        var n = Math.Min(buffer.Length, prefix.Length - _position);
        prefix.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
