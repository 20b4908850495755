using System;
using System.Collections.Generic;
using System.Text;

namespace TranscriptKit.Testing;

/// <summary>Query strings: redacting parameter values in place, and matching with redacted values as wildcards.</summary>
internal static class UrlQuery
{
    /// <summary>
    /// Replaces the values of the named query parameters (case-insensitive) with <c>[REDACTED]</c>, leaving every other
    /// character of <paramref name="url"/> as it was.
    /// </summary>
    public static string Redact(string url, ISet<string> parameterNames)
    {
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0 || parameterNames.Count == 0)
        {
            return url;
        }

        var fragmentStart = url.IndexOf('#', queryStart);
        var queryEnd = fragmentStart < 0 ? url.Length : fragmentStart;
        var result = new StringBuilder(url.Length);
        result.Append(url, 0, queryStart + 1);
        var changed = false;
        var position = queryStart + 1;
        while (position <= queryEnd)
        {
            var next = url.IndexOf('&', position, queryEnd - position);
            var segmentEnd = next < 0 ? queryEnd : next;
            var segment = url.AsSpan(position, segmentEnd - position);
            var equals = segment.IndexOf('=');
            if (equals > 0
                && parameterNames.Contains(Decode(segment[..equals].ToString()))
                && !segment[(equals + 1)..].SequenceEqual(Redaction.Marker))
            {
                result.Append(segment[..(equals + 1)]).Append(Redaction.Marker);
                changed = true;
            }
            else
            {
                result.Append(segment);
            }

            if (next < 0)
            {
                break;
            }

            result.Append('&');
            position = next + 1;
        }

        result.Append(url, queryEnd, url.Length - queryEnd);
        return changed ? result.ToString() : url;
    }

    /// <summary>
    /// Whether an actual URL or path matches a recorded one: the part before the query is equal, and the decoded query
    /// pairs are equal in order, a recorded <c>[REDACTED]</c> value matching any value.
    /// </summary>
    public static bool Matches(string expected, string actual)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return true;
        }

        var (expectedBase, expectedQuery) = Split(expected);
        var (actualBase, actualQuery) = Split(actual);
        if (!string.Equals(expectedBase, actualBase, StringComparison.Ordinal))
        {
            return false;
        }

        var expectedPairs = Pairs(expectedQuery);
        var actualPairs = Pairs(actualQuery);
        if (expectedPairs.Count != actualPairs.Count)
        {
            return false;
        }

        for (var i = 0; i < expectedPairs.Count; i++)
        {
            if (!string.Equals(expectedPairs[i].Key, actualPairs[i].Key, StringComparison.Ordinal)
                || !Redaction.ValueMatches(expectedPairs[i].Value, actualPairs[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Decoded <c>name=value</c> pairs of a query string or a form body, in order; <c>+</c> is a space.</summary>
    public static List<KeyValuePair<string, string>> Pairs(string query)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var segment in query.Split('&'))
        {
            if (segment.Length == 0)
            {
                continue;
            }

            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            pairs.Add(equals < 0
                ? new(Decode(segment), string.Empty)
                : new(Decode(segment[..equals]), Decode(segment[(equals + 1)..])));
        }

        return pairs;
    }

    /// <summary>Whether text is a URL whose query may carry a signature: absolute http(s), or a path with a query.</summary>
    public static bool LooksLikeUrl(string value) =>
        value.Contains('?', StringComparison.Ordinal)
        && (value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith('/'));

    private static (string Base, string Query) Split(string url)
    {
        var fragment = url.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
        {
            url = url[..fragment];
        }

        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        return queryStart < 0 ? (url, string.Empty) : (url[..queryStart], url[(queryStart + 1)..]);
    }

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}
