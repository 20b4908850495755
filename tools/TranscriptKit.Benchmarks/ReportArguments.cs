using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TranscriptKit.Benchmarks;

/// <summary>
/// A report's command line: its verb (optional), <c>--name value</c> options and <c>--name</c> switches. One parser for
/// every report, so each refuses an unknown argument and a missing value the same way.
/// </summary>
internal sealed class ReportArguments
{
    private readonly Dictionary<string, string?> _given;

    private ReportArguments(Dictionary<string, string?> given) => _given = given;

    /// <summary>Reads <paramref name="args"/>.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="verb">The report's verb, which may stand among the arguments.</param>
    /// <param name="options">The names that take a value.</param>
    /// <param name="switches">The names that take none.</param>
    /// <exception cref="ArgumentException">An argument the report does not take, or an option without its value.</exception>
    public static ReportArguments Parse(string[] args, string verb, IEnumerable<string> options, IEnumerable<string>? switches = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var valued = options.ToHashSet(StringComparer.Ordinal);
        var flags = (switches ?? []).ToHashSet(StringComparer.Ordinal);
        var given = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == verb)
            {
                continue;
            }

            given[name] = flags.Contains(name) ? null
                : !valued.Contains(name) ? throw new ArgumentException($"Unknown argument '{name}'.")
                : ++i < args.Length ? args[i] : throw new ArgumentException($"{name} needs a value.");
        }

        return new ReportArguments(given);
    }

    /// <summary>Whether the option or switch was given.</summary>
    public bool Has(string name) => _given.ContainsKey(name);

    /// <summary>The option's value, or <paramref name="fallback"/>.</summary>
    public string? Text(string name, string? fallback = null) => _given.GetValueOrDefault(name) ?? fallback;

    /// <summary>The option's value as an integer, or <paramref name="fallback"/>.</summary>
    public int Int(string name, int fallback) => IntOrNull(name) ?? fallback;

    /// <summary>The option's value as an integer, or null when it was not given.</summary>
    public int? IntOrNull(string name) => Value(name, text => (int?)int.Parse(text, CultureInfo.InvariantCulture), null);

    /// <summary>The option's value read by <paramref name="parse"/>, or <paramref name="fallback"/>.</summary>
    public T Value<T>(string name, Func<string, T> parse, T fallback) =>
        _given.GetValueOrDefault(name) is { } text ? parse(text) : fallback;
}
