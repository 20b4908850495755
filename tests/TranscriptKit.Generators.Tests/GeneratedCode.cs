using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;

namespace TranscriptKit.Generators.Tests;

/// <summary>
/// Runs the generator over small inline specs and compiles what it wrote against TranscriptKit.Core, so a test can
/// say "this spec gives code that compiles" or "this spec gives this located TK diagnostic".
/// </summary>
internal static class GeneratedCode
{
    public const string SpecPath = "/repo/specs/probe.yaml";

    // Loading the framework references is the slow part of a compilation: do it once for every inline spec.
    private static readonly Lazy<CSharpCompilation> s_empty = new(() => GeneratorHarness.CreateCompilation());

    public sealed record Outcome(ImmutableArray<Diagnostic> GeneratorDiagnostics, IReadOnlyList<Diagnostic> CompilerProblems, Exception? Exception, IReadOnlyList<(string HintName, string Text)> Sources)
    {
        public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).Text;

        public string AllSources => string.Join("\n", Sources.Select(s => s.Text));
    }

    public static Outcome Generate(params (string Path, string Yaml)[] specs) => GenerateIn("TranscriptKit.Vendor", specs);

    public static Outcome GenerateIn(string rootNamespace, params (string Path, string Yaml)[] specs)
    {
        var texts = specs.Select(s => GeneratorHarness.Spec(s.Path, s.Yaml)).ToArray();
        var driver = GeneratorHarness.CreateDriver(texts, rootNamespace).RunGeneratorsAndUpdateCompilation(s_empty.Value, out var output, out _);
        var run = driver.GetRunResult();
        var result = run.Results.Single();
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        return new Outcome(run.Diagnostics, problems, result.Exception, result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).ToList());
    }

    public static Outcome Generate(string yaml) => Generate((SpecPath, yaml));

    /// <summary>The spec generates code, without a TK diagnostic, that compiles with no warning.</summary>
    public static Outcome AssertCompiles(string yaml)
    {
        var outcome = Generate(yaml);
        Assert.That(outcome.Exception, Is.Null, "the generator must not throw into the compiler");
        Assert.That(outcome.GeneratorDiagnostics, Is.Empty, "TK diagnostics");
        Assert.That(outcome.Sources, Is.Not.Empty, "generated sources");
        Assert.That(outcome.CompilerProblems.Select(d => d.ToString()), Is.Empty, "the generated code must compile cleanly against TranscriptKit.Core");
        return outcome;
    }

    /// <summary>The spec is refused with <paramref name="id"/> at the given 1-based line and column, and nothing else fails.</summary>
    public static Diagnostic AssertReports(string yaml, string id, int line, int column)
    {
        var outcome = Generate(yaml);
        Assert.That(outcome.Exception, Is.Null, "the generator must not throw into the compiler");
        Assert.That(outcome.CompilerProblems.Select(d => d.ToString()), Is.Empty, "a refused spec must not leave C# errors behind");
        var diagnostic = outcome.GeneratorDiagnostics.FirstOrDefault(d => d.Id == id);
        Assert.That(diagnostic, Is.Not.Null, $"expected {id}, got: " + string.Join("; ", outcome.GeneratorDiagnostics));
        var span = diagnostic!.Location.GetLineSpan();
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
            Assert.That(span.Path, Is.EqualTo(SpecPath));
            Assert.That(span.StartLinePosition.Line + 1, Is.EqualTo(line), "line (1-based) of " + diagnostic);
            Assert.That(span.StartLinePosition.Character + 1, Is.EqualTo(column), "column (1-based) of " + diagnostic);
        });
        return diagnostic;
    }

    /// <summary>
    /// Either compiles cleanly, or is refused by a TK diagnostic with a location and leaves no C# problem: never a
    /// raw CS error and never an exception. Returns a description of the failure, or null.
    /// </summary>
    public static string? CompilesOrIsRefused(Outcome outcome)
    {
        if (outcome.Exception is not null)
        {
            return "generator threw " + outcome.Exception;
        }

        if (outcome.CompilerProblems.Count > 0)
        {
            return "C# problems without a TK diagnostic: " + string.Join("\n", outcome.CompilerProblems.Take(5));
        }

        if (outcome.GeneratorDiagnostics.Any(d => d.Id == "TK0008"))
        {
            return "generator failure: " + outcome.GeneratorDiagnostics.First(d => d.Id == "TK0008");
        }

        return outcome.GeneratorDiagnostics.IsEmpty && outcome.Sources.Count == 0 ? "no output and no diagnostic" : null;
    }

    /// <summary>A YAML double-quoted scalar holding exactly <paramref name="value"/>, whatever characters it has.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c == '"' || c == '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c >= ' ' && c <= '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return builder.Append('"').ToString();
    }
}
