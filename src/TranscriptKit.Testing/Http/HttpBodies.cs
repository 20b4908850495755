using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Testing;

/// <summary>Decides which bodies are text worth keeping and which are uploads to stream past untouched.</summary>
internal static class HttpBodies
{
    /// <summary>Whether a media type is text: JSON, forms, XML and <c>text/*</c>. Anything else is treated as bytes.</summary>
    public static bool IsText(string? mediaType)
    {
        if (string.IsNullOrEmpty(mediaType))
        {
            return false;
        }

        return mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/javascript", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether a media type is a Server-Sent Events stream, whose events a recorder times and a replayer may pace.</summary>
    public static bool IsEventStream(string? mediaType) =>
        string.Equals(mediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase);

    /// <summary>How a text body of this media type is best compared on replay.</summary>
    public static BodyMatch MatchFor(string? mediaType)
    {
        if (mediaType is null)
        {
            return BodyMatch.Exact;
        }

        if (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            return BodyMatch.Json;
        }

        return mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) ? BodyMatch.Form : BodyMatch.Exact;
    }

    /// <summary>
    /// Whether a request body may be read into memory: text whose declared length is within <paramref name="maxBytes"/>.
    /// Multipart, octet-stream and media uploads never are, so a 2 GB video streams through at constant memory.
    /// </summary>
    public static bool MayBuffer(HttpContent content, long maxBytes) =>
        IsText(content.Headers.ContentType?.MediaType) && (content.Headers.ContentLength is not { } length || length <= maxBytes);

    /// <summary>Reads a body to its end without keeping it, so the sender's progress reporting runs as it would on a wire.</summary>
    public static Task DrainAsync(HttpContent content, CancellationToken cancellationToken) =>
        content.CopyToAsync(Stream.Null, cancellationToken);
}
