using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace TranscriptKit.Cli;

/// <summary>
/// Finds the command-line tokens that are, or may be, credentials, so nothing the CLI prints can show them: the value
/// after any credential-looking option (a real one, a misspelt one such as <c>--api-kye</c>, one a command does not
/// take, or any option naming a key, secret, token or password; <c>--opt value</c>, <c>--opt=value</c> and
/// <c>--opt:value</c>), and the values of credential environment variables wherever they turn up.
/// </summary>
internal static class SecretArguments
{
    private static readonly string[] s_credentialWords = ["key", "secret", "token", "password", "passwd", "pwd", "auth", "credential"];

    /// <summary>The secrets in <paramref name="args"/> and <paramref name="environment"/>, longest first (so a longer one is masked whole).</summary>
    /// <param name="args">The process arguments.</param>
    /// <param name="environment">The process environment (<see cref="Environment.GetEnvironmentVariables()"/>).</param>
    /// <param name="credentialOptions">The CLI's own credential options, for example <c>--api-key</c>.</param>
    public static IReadOnlyList<string> Find(IReadOnlyList<string> args, IDictionary environment, IEnumerable<string> credentialOptions)
    {
        var known = credentialOptions.Select(Bare).ToList();
        var secrets = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.Length < 2 || arg[0] != '-' || arg == "--")
            {
                continue;
            }

            var delimiter = arg.IndexOfAny(['=', ':']);
            var name = delimiter < 0 ? arg : arg[..delimiter];
            if (!LooksLikeCredential(Bare(name), known))
            {
                continue;
            }

            if (delimiter >= 0)
            {
                secrets.Add(arg[(delimiter + 1)..]);
            }
            else if (i + 1 < args.Count)
            {
                secrets.Add(args[++i]);
            }
        }

        foreach (DictionaryEntry variable in environment)
        {
            if (variable.Key is string key && variable.Value is string value &&
                key.StartsWith("TRANSCRIPTKIT_", StringComparison.OrdinalIgnoreCase) &&
                s_credentialWords.Any(w => key.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                secrets.Add(value);
            }
        }

        // A <vendor>=<key> value hides its key alone too, wherever it is echoed without the prefix.
        return secrets
            .SelectMany(VendorScopedValue.SecretParts)
            .SelectMany(s => new[] { s, s.Trim() })
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToList();
    }

    /// <summary>
    /// Replaces every secret in <paramref name="text"/> with <c>***</c>: a long one wherever it occurs, a short one
    /// (under <see cref="AnywhereLength"/> characters, a test key such as <c>k</c>) only as a whole token, so
    /// "Check the network" keeps its letters.
    /// </summary>
    public static string Redact(string text, IReadOnlyList<string> secrets)
    {
        foreach (var secret in secrets)
        {
            text = secret.Length >= AnywhereLength
                ? text.Replace(secret, "***", StringComparison.Ordinal)
                : Regex.Replace(text, $@"(?<![\w-]){Regex.Escape(secret)}(?![\w-])", "***", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        return text;
    }

    private const int AnywhereLength = 8;

    /// <summary>
    /// A credential option, a near miss of one (two edits: a swap, a dropped or doubled letter), or any option whose
    /// name says it carries a credential. Erring towards masking costs a <c>***</c> in an error message; erring the
    /// other way prints a key to a terminal, a CI log or a shell history screenshot.
    /// </summary>
    private static bool LooksLikeCredential(string name, IReadOnlyList<string> known) =>
        name.Length > 0 &&
        (s_credentialWords.Any(w => name.Contains(w, StringComparison.Ordinal)) ||
         known.Any(k => Distance(name, k) <= 2 || Distance(name.Replace("-", "", StringComparison.Ordinal), k.Replace("-", "", StringComparison.Ordinal)) <= 2));

    private static string Bare(string option) => option.TrimStart('-', '/').ToLowerInvariant();

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
