using System;
using System.Linq;

namespace TranscriptKit.Generators.Parsing;

/// <summary>
/// The one table of x-tk-* keys the parser reads (documented in specs/README.md). Any other x-tk-* key is a typo
/// until proven otherwise: <c>x-tk-pol</c> would silently drop a WaitFor…Async method, so it gets a warning.
/// </summary>
internal static class KnownExtensions
{
    public const string Prefix = "x-tk-";

    public static readonly string[] Keys =
    {
        "x-tk-client",
        "x-tk-errors",
        "x-tk-envelope",
        "x-tk-poll",
        "x-tk-upload",
        "x-tk-sse",
        "x-tk-idempotent",
        "x-tk-timeout",
        "x-tk-inferred",
        "x-tk-paid",
        "x-tk-limits",
        "x-tk-pricing",
        "x-tk-method",
    };

    public static bool IsUnknown(string key) =>
        key.StartsWith(Prefix, StringComparison.Ordinal) && !Keys.Contains(key, StringComparer.Ordinal);

    /// <summary>The known key nearest to a misspelt one, or null when none is close (edit distance ≤ 2).</summary>
    public static string? Nearest(string key)
    {
        // Spec keys are short; a key longer than any known one by far is not a typo of one.
        if (key.Length > 40)
        {
            return null;
        }

        return Keys.Select(k => (Key: k, Distance: Distance(k, key))).Where(p => p.Distance <= 2).OrderBy(p => p.Distance).Select(p => p.Key).FirstOrDefault();
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
