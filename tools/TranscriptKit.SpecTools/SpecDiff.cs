using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TranscriptKit.Generators.Model;
using TranscriptKit.Generators.Parsing;

namespace TranscriptKit.SpecTools;

/// <summary>
/// Compares two versions of a vendor spec as the source generator reads them (its own parser and model), so a change
/// is reported exactly when it changes what gets generated or how the runtime talks to the vendor. The rules are listed
/// in docs/spec-workflow.md.
/// </summary>
public static class SpecDiff
{
    // Any valid namespace: the parser needs one, and it never appears in a change.
    private const string Namespace = "TranscriptKit.SpecDiff";

    /// <summary>Compares <paramref name="oldText"/> with <paramref name="newText"/>.</summary>
    /// <param name="oldText">The base version's YAML.</param>
    /// <param name="newText">The changed version's YAML.</param>
    /// <param name="oldLabel">How to name the base version in errors (a path, or <c>HEAD:specs/x.yaml</c>).</param>
    /// <param name="newLabel">How to name the changed version in errors.</param>
    /// <param name="cancellationToken">Stops the parse.</param>
    /// <returns>Every change, classified.</returns>
    /// <exception cref="SpecReadException">Either version has an error the generator would report.</exception>
    public static SpecDiffResult Compare(string oldText, string newText, string oldLabel, string newLabel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        var before = Read(oldText, oldLabel, cancellationToken);
        var after = Read(newText, newLabel, cancellationToken);
        return new SpecDiffResult(new SpecComparer(before, after).Compare());
    }

    private static ApiSpec Read(string text, string label, CancellationToken cancellationToken)
    {
        var result = SpecParser.Parse(new SpecInput(label, text, Namespace), cancellationToken);
        if (result.Spec is { } spec)
        {
            return spec;
        }

        var errors = result.Diagnostics.Where(d => d.IsError).Select(Describe).ToList();
        throw new SpecReadException(label, errors.Count > 0 ? errors : ["the generator produced no model"]);
    }

    private static string Describe(DiagnosticInfo diagnostic)
    {
        var message = string.Format(System.Globalization.CultureInfo.InvariantCulture, diagnostic.Descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), diagnostic.Arguments.Cast<object>().ToArray());
        var where = diagnostic.Location is { } l ? $" ({l.StartLine + 1}:{l.StartColumn + 1})" : string.Empty;
        return $"{diagnostic.Descriptor.Id}{where}: {message}";
    }
}
