using System;
using System.Net;
using System.Net.Http;
using System.Text;

namespace TranscriptKit.Testing;

/// <summary>Turns a recorded response back into an <see cref="HttpResponseMessage"/>, for both replayers.</summary>
internal static class RecordedResponses
{
    public static HttpResponseMessage Create(CassetteResponse recorded, HttpRequestMessage request, ReplayTiming timing, TimeProvider time)
    {
        var bytes = recorded.Body is null ? [] : Encoding.UTF8.GetBytes(recorded.Body);
        HttpContent content = timing == ReplayTiming.Original && recorded.EventOffsetsMs is { Count: > 0 } offsets
            ? new StreamContent(new PacedEventStream(bytes, offsets, time))
            : new ByteArrayContent(bytes);
        var response = new HttpResponseMessage((HttpStatusCode)recorded.Status) { Content = content, RequestMessage = request };
        foreach (var (name, value) in recorded.Headers)
        {
            // The length comes from the body served; a recorded one may predate redaction.
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // Content headers are refused by the response's collection and belong on the content.
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }
}
