using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.CaptionCat.Tests;

/// <summary>Builds clients on the in-memory transport and a fake clock.</summary>
internal static class TestClients
{
    public const string ApiKey = "test-key";

    public static readonly Uri Endpoint = new("https://api.captioncat.net/v1");

    /// <summary>Retries off, so a test about something else never waits on a backoff.</summary>
    public static readonly RetryOptions NoRetries = new() { MaxRetries = 0 };

    public static CaptionCatClientOptions Options(FakeTimeProvider time, RetryOptions? retry = null, Uri? endpoint = null) => new()
    {
        ApiKey = ApiKey,
        Endpoint = endpoint ?? Endpoint,
        TimeProvider = time,
        Retry = retry ?? NoRetries,
    };

    public static CaptionCatClient Create(HttpMessageHandler handler, FakeTimeProvider time, RetryOptions? retry = null, Uri? endpoint = null) =>
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

/// <summary>One part of a <c>multipart/form-data</c> body.</summary>
internal sealed record MultipartPart(IReadOnlyDictionary<string, string> Headers, byte[] Content)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : string.Empty;
}

/// <summary>A minimal multipart parser for asserting what the client sent.</summary>
internal static class Multipart
{
    public static IReadOnlyList<MultipartPart> Parse(string contentType, byte[] body)
    {
        var boundary = ReadBoundary(contentType);

        // Latin-1 maps every byte to one char, so offsets in the text are offsets in the bytes.
        var text = Encoding.Latin1.GetString(body);
        var delimiter = "--" + boundary;
        var parts = new List<MultipartPart>();
        var position = text.IndexOf(delimiter, StringComparison.Ordinal);
        Assert.That(position, Is.GreaterThanOrEqualTo(0), "the body does not contain its boundary");
        while (true)
        {
            position += delimiter.Length;
            if (string.CompareOrdinal(text, position, "--", 0, 2) == 0)
            {
                break;
            }

            position += 2; // CRLF after the delimiter
            var headersEnd = text.IndexOf("\r\n\r\n", position, StringComparison.Ordinal);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in text[position..headersEnd].Split("\r\n"))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }

            var contentStart = headersEnd + 4;
            var next = text.IndexOf("\r\n" + delimiter, contentStart, StringComparison.Ordinal);
            Assert.That(next, Is.GreaterThanOrEqualTo(0), "a part is not closed by the boundary");
            parts.Add(new MultipartPart(headers, body.AsSpan(contentStart, next - contentStart).ToArray()));
            position = next + 2;
        }

        return parts;
    }

    /// <summary>The value of a <c>Content-Disposition</c> parameter, unquoted.</summary>
    public static string? DispositionParameter(MultipartPart part, string name)
    {
        foreach (var piece in part.Header("Content-Disposition").Split(';'))
        {
            var trimmed = piece.Trim();
            var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && string.Equals(trimmed[..equals], name, StringComparison.OrdinalIgnoreCase))
            {
                return trimmed[(equals + 1)..].Trim('"');
            }
        }

        return null;
    }

    private static string ReadBoundary(string contentType)
    {
        foreach (var piece in contentType.Split(';'))
        {
            var trimmed = piece.Trim();
            if (trimmed.StartsWith("boundary=", StringComparison.OrdinalIgnoreCase))
            {
                return trimmed["boundary=".Length..].Trim('"');
            }
        }

        throw new AssertionException($"No boundary in content type '{contentType}'.");
    }
}
