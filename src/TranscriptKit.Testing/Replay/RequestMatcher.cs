using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace TranscriptKit.Testing;

/// <summary>Compares a received request with a recorded one, field by field, in the words a mismatch message uses.</summary>
internal static partial class RequestMatcher
{
    /// <summary>Every difference between the recording and the request; empty when they match.</summary>
    public static List<string> Compare(CassetteRequest expected, CapturedRequest actual)
    {
        var differences = new List<string>();
        if (!string.Equals(expected.Method, actual.Method, StringComparison.OrdinalIgnoreCase))
        {
            differences.Add(TwoLines("method:", expected.Method, actual.Method));
        }

        if (!UrlQuery.Matches(expected.Path, actual.Path))
        {
            differences.Add(TwoLines("path:", expected.Path, Redactor.Default.Path(actual.Path)));
        }

        foreach (var (name, expectedValue) in expected.Headers)
        {
            CompareHeader(name, expectedValue, actual.Headers.TryGetValue(name, out var value) ? value : null, differences);
        }

        CompareBody(expected, actual, differences);
        return differences;
    }

    private static void CompareHeader(string name, string expected, string? actual, List<string> differences)
    {
        if (expected.EndsWith(Redaction.Marker, StringComparison.Ordinal))
        {
            // Redacted when recorded: the header must be there, with the same scheme if one was kept.
            var prefix = expected[..^Redaction.Marker.Length];
            if (actual is null)
            {
                differences.Add($"header {name}: expected present, actual missing");
            }
            else if (!actual.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                differences.Add($"header {name}: expected {DiffText.Quote(expected)}, actual a value not starting with {DiffText.Quote(prefix)}");
            }

            return;
        }

        if (actual is null)
        {
            differences.Add($"header {name}: expected {DiffText.Quote(expected)}, actual missing");
            return;
        }

        var isContentType = name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase);
        var actualValue = isContentType ? HeaderValues.WithoutBoundary(actual) : actual;
        if (isContentType && !expected.Contains(';', StringComparison.Ordinal))
        {
            // A cassette that records only the media type (as vendor docs show it) accepts any parameters, e.g. "; charset=utf-8".
            actualValue = actualValue.Split(';')[0];
        }

        // Media types are case-insensitive; other values are compared as sent, spacing around separators aside.
        var comparison = isContentType || name.Equals("Accept", StringComparison.OrdinalIgnoreCase) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (!string.Equals(Normalize(expected), Normalize(actualValue), comparison))
        {
            // A credential recorded in clear (a test key) is still never echoed back from the client's request.
            var shown = Redaction.IsSecretHeader(name) ? "a different value" : DiffText.Quote(actualValue);
            differences.Add($"header {name}: expected {DiffText.Quote(expected)}, actual {shown}");
        }
    }

    private static void CompareBody(CassetteRequest expected, CapturedRequest actual, List<string> differences)
    {
        if (expected.BodyMatch == BodyMatch.Ignore)
        {
            return;
        }

        var expectedBody = string.IsNullOrEmpty(expected.Body) ? null : expected.Body;
        if (actual.BinaryMediaType is { } mediaType)
        {
            differences.Add(expectedBody is null
                ? $"body: expected empty, actual a {mediaType} body"
                : $"body: expected {DiffText.Quote(expectedBody)}, actual a {mediaType} body, which is only accepted with bodyMatch ignore");
            return;
        }

        var actualBody = actual.Body;
        if (expectedBody is null || actualBody is null)
        {
            if (expectedBody is not null)
            {
                differences.Add($"body: expected {DiffText.Quote(expectedBody)}, actual empty");
            }
            else if (actualBody is not null)
            {
                differences.Add($"body: expected empty, actual {DiffText.Quote(actualBody)}");
            }

            return;
        }

        switch (expected.BodyMatch)
        {
            case BodyMatch.Json:
                JsonBodyComparer.Compare(expectedBody, actualBody, differences);
                break;
            case BodyMatch.Form:
                FormBodyComparer.Compare(expectedBody, actualBody, differences);
                break;
            default:
                if (!string.Equals(expectedBody, actualBody, StringComparison.Ordinal))
                {
                    differences.Add(DiffText.FirstDifference(expectedBody, actualBody));
                }

                break;
        }
    }

    // Lines up with the other differences: "path:   expected /v1/balance" over "        actual   /v1/balanc".
    private static string TwoLines(string label, string expected, string actual) =>
        $"{label,-8}expected {expected}\n{string.Empty,-8}actual   {actual}";

    private static string Normalize(string value) => Separators().Replace(value.Trim(), "$1");

    [GeneratedRegex(@"\s*([;,])\s*")]
    private static partial Regex Separators();
}
