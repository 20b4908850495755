using System;
using System.Collections.Generic;
using System.Text.Json;

namespace TranscriptKit.Testing;

/// <summary>Compares JSON bodies as values: property order and whitespace do not matter, each differing field is named by its path.</summary>
internal static class JsonBodyComparer
{
    private static readonly JsonDocumentOptions s_options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Adds a line to <paramref name="differences"/> for every field that differs.</summary>
    public static void Compare(string expected, string actual, List<string> differences)
    {
        JsonDocument expectedDocument;
        try
        {
            expectedDocument = JsonDocument.Parse(expected, s_options);
        }
        catch (JsonException)
        {
            // A hand-written cassette may say json for a body that is not; compare it as text rather than fail on the cassette.
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                differences.Add(DiffText.FirstDifference(expected, actual));
            }

            return;
        }

        using (expectedDocument)
        {
            JsonDocument actualDocument;
            try
            {
                actualDocument = JsonDocument.Parse(actual, s_options);
            }
            catch (JsonException)
            {
                differences.Add($"body: expected JSON, actual text that is not JSON: {DiffText.Quote(actual)}");
                return;
            }

            using (actualDocument)
            {
                CompareValues(expectedDocument.RootElement, actualDocument.RootElement, "$", differences);
            }
        }
    }

    private static void CompareValues(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        if (expected.ValueKind == JsonValueKind.Object && actual.ValueKind == JsonValueKind.Object)
        {
            CompareObjects(expected, actual, path, differences);
        }
        else if (expected.ValueKind == JsonValueKind.Array && actual.ValueKind == JsonValueKind.Array)
        {
            CompareArrays(expected, actual, path, differences);
        }
        else if (!ScalarsMatch(expected, actual))
        {
            differences.Add($"body {path}: expected {DiffText.Show(expected)}, actual {DiffText.Show(actual)}");
        }
    }

    private static void CompareObjects(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        var actualProperties = Properties(actual);
        var expectedProperties = Properties(expected);
        foreach (var (name, expectedValue) in expectedProperties)
        {
            if (actualProperties.TryGetValue(name, out var actualValue))
            {
                CompareValues(expectedValue, actualValue, path + DiffText.Property(name), differences);
            }
            else
            {
                differences.Add($"body {path}{DiffText.Property(name)}: expected {DiffText.Show(expectedValue)}, actual missing");
            }
        }

        foreach (var (name, actualValue) in actualProperties)
        {
            if (!expectedProperties.ContainsKey(name))
            {
                differences.Add($"body {path}{DiffText.Property(name)}: expected missing, actual {DiffText.Show(actualValue)}");
            }
        }
    }

    private static void CompareArrays(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        var expectedLength = expected.GetArrayLength();
        var actualLength = actual.GetArrayLength();
        for (var i = 0; i < Math.Max(expectedLength, actualLength); i++)
        {
            var itemPath = $"{path}[{i}]";
            if (i >= actualLength)
            {
                differences.Add($"body {itemPath}: expected {DiffText.Show(expected[i])}, actual missing");
            }
            else if (i >= expectedLength)
            {
                differences.Add($"body {itemPath}: expected missing, actual {DiffText.Show(actual[i])}");
            }
            else
            {
                CompareValues(expected[i], actual[i], itemPath, differences);
            }
        }
    }

    private static bool ScalarsMatch(JsonElement expected, JsonElement actual)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return false;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.String:
                var expectedText = expected.GetString()!;
                var actualText = actual.GetString()!;
                // A redacted value, or a URL whose signature was redacted, accepts whatever the client sends in its place.
                return Redaction.ValueMatches(expectedText, actualText)
                    || (expectedText.Contains(Redaction.Marker, StringComparison.Ordinal) && UrlQuery.Matches(expectedText, actualText));
            case JsonValueKind.Number:
                return expected.GetRawText() == actual.GetRawText()
                    || (expected.TryGetDecimal(out var expectedDecimal) && actual.TryGetDecimal(out var actualDecimal) && expectedDecimal == actualDecimal)
                    || (expected.TryGetDouble(out var expectedDouble) && actual.TryGetDouble(out var actualDouble) && expectedDouble.Equals(actualDouble));
            default:
                // true, false and null: the kinds are equal, so the values are.
                return true;
        }
    }

    private static Dictionary<string, JsonElement> Properties(JsonElement element)
    {
        // Ordinal, in document order; a repeated name keeps its last value, as most parsers do.
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            properties[property.Name] = property.Value;
        }

        return properties;
    }
}
