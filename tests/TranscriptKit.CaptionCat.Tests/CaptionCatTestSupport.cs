using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

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
