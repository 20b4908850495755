using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace TranscriptKit.Testing;

/// <summary>Reads headers as they go on the wire, message and content headers together.</summary>
internal static class HeaderValues
{
    /// <summary>The request's headers then its content's, each as one comma-joined value, unparsed.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Of(HttpRequestMessage request) => Of(request.Headers, request.Content?.Headers);

    /// <summary>The response's headers then its content's, each as one comma-joined value, unparsed.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Of(HttpResponseMessage response) => Of(response.Headers, response.Content?.Headers);

    /// <summary>
    /// A <c>Content-Type</c> without its multipart <c>boundary</c> parameter, which is random on every request and would
    /// never match a recording.
    /// </summary>
    public static string WithoutBoundary(string contentType)
    {
        if (!contentType.Contains("boundary", StringComparison.OrdinalIgnoreCase))
        {
            return contentType;
        }

        var kept = new List<string>();
        foreach (var part in contentType.Split(';'))
        {
            var trimmed = part.Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith("boundary", StringComparison.OrdinalIgnoreCase))
            {
                kept.Add(trimmed);
            }
        }

        return string.Join("; ", kept);
    }

    private static IEnumerable<KeyValuePair<string, string>> Of(HttpHeaders headers, HttpContentHeaders? contentHeaders)
    {
        // NonValidated gives the values as they were set, without parsing and re-formatting them.
        foreach (var header in headers.NonValidated)
        {
            yield return new(header.Key, header.Value.ToString());
        }

        if (contentHeaders is null)
        {
            yield break;
        }

        foreach (var header in contentHeaders.NonValidated)
        {
            yield return new(header.Key, header.Value.ToString());
        }
    }
}
