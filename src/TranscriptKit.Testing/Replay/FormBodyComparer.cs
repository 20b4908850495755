using System;
using System.Collections.Generic;

namespace TranscriptKit.Testing;

/// <summary>Compares <c>application/x-www-form-urlencoded</c> bodies as decoded fields; field order does not matter.</summary>
internal static class FormBodyComparer
{
    /// <summary>Adds a line to <paramref name="differences"/> for every field that differs.</summary>
    public static void Compare(string expected, string actual, List<string> differences)
    {
        var expectedFields = Group(UrlQuery.Pairs(expected));
        var actualFields = Group(UrlQuery.Pairs(actual));
        foreach (var (name, expectedValues) in expectedFields)
        {
            actualFields.TryGetValue(name, out var actualValues);
            actualValues ??= [];
            for (var i = 0; i < Math.Max(expectedValues.Count, actualValues.Count); i++)
            {
                var expectedText = i < expectedValues.Count ? DiffText.Quote(expectedValues[i]) : "missing";
                var actualText = i < actualValues.Count ? DiffText.Quote(actualValues[i]) : "missing";
                if (i >= expectedValues.Count || i >= actualValues.Count || !Redaction.ValueMatches(expectedValues[i], actualValues[i]))
                {
                    differences.Add($"body form field {name}: expected {expectedText}, actual {actualText}");
                }
            }
        }

        foreach (var (name, actualValues) in actualFields)
        {
            if (!expectedFields.ContainsKey(name))
            {
                foreach (var value in actualValues)
                {
                    differences.Add($"body form field {name}: expected missing, actual {DiffText.Quote(value)}");
                }
            }
        }
    }

    private static Dictionary<string, List<string>> Group(List<KeyValuePair<string, string>> pairs)
    {
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
        {
            if (!fields.TryGetValue(name, out var values))
            {
                fields[name] = values = [];
            }

            values.Add(value);
        }

        return fields;
    }
}
