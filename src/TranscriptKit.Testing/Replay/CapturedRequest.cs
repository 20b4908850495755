using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Testing;

/// <summary>A request as the replayer received it, unredacted, for comparing with a recording.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path and query.</param>
/// <param name="Headers">Message and content headers, case-insensitive.</param>
/// <param name="Body">The body text, or <see langword="null"/> when there was none or it was not text.</param>
/// <param name="BinaryMediaType">The media type of a body that was streamed past unread, else <see langword="null"/>.</param>
internal sealed record CapturedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string? Body, string? BinaryMediaType)
{
    // Big enough for any API payload; an upload larger than this is drained, not read into memory.
    private const long MaxTextBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Reads a request: text bodies into memory (the content keeps a buffer, so it can still be sent); anything else
    /// drained so upload progress runs, unless <paramref name="drainBinary"/> is false because it may yet go to a vendor.
    /// </summary>
    public static async Task<CapturedRequest> ReadAsync(HttpRequestMessage request, bool drainBinary, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri;
        var path = uri is null ? "/" : uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in HeaderValues.Of(request))
        {
            headers[name] = value;
        }

        string? body = null;
        string? binary = null;
        // A declared zero length is no body on the wire (the runtime gives a bodiless job-starting POST an empty one).
        if (request.Content is { } content && content.Headers.ContentLength != 0)
        {
            if (HttpBodies.MayBuffer(content, MaxTextBytes))
            {
                body = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                binary = content.Headers.ContentType?.MediaType ?? "untyped";
                if (drainBinary)
                {
                    await HttpBodies.DrainAsync(content, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return new CapturedRequest(request.Method.Method, path, headers, string.IsNullOrEmpty(body) ? null : body, binary);
    }

    /// <summary>The request as a mismatch reports it: credentials and URL signatures redacted.</summary>
    public CassetteRequest ToRedacted()
    {
        var redactor = Redactor.Default;
        var request = new CassetteRequest
        {
            Method = Method,
            Path = redactor.Path(Path),
            Body = Body is null ? null : redactor.Body(Body),
            BodyMatch = BinaryMediaType is not null ? BodyMatch.Ignore
                : Body is not null && Headers.TryGetValue("Content-Type", out var contentType) ? HttpBodies.MatchFor(contentType.Split(';')[0].Trim())
                : BodyMatch.Json,
        };
        foreach (var (name, value) in Headers)
        {
            request.Headers[name] = redactor.Header(name, value);
        }

        return request;
    }
}
