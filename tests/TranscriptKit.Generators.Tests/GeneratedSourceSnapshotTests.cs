using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using NUnit.Framework;
using Snapshooter;
using Snapshooter.NUnit;

namespace TranscriptKit.Generators.Tests;

/// <summary>One committed snapshot per generated file of every spec: a spec edit shows as a reviewable diff.</summary>
public class GeneratedSourceSnapshotTests
{
    private static string[] Specs() => GeneratorHarness.AllSpecFiles().ToArray();

    [TestCaseSource(nameof(Specs))]
    public void Spec_generates_code_that_compiles_without_diagnostics(string specFile)
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.SpecFile(specFile));

        Assert.That(result.Diagnostics, Is.Empty, "generator diagnostics");
        Assert.That(result.Results.Single().Exception, Is.Null);
        var errors = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.That(errors, Is.Empty, "the generated code must compile cleanly against TranscriptKit.Core");
    }

    [TestCaseSource(nameof(Specs))]
    public void Spec_generated_source_matches_snapshot(string specFile)
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.SpecFile(specFile));
        var sources = result.Results.Single().GeneratedSources;
        Assert.That(sources, Is.Not.Empty);

        foreach (var source in sources.OrderBy(s => s.HintName, System.StringComparer.Ordinal))
        {
            Snapshot.Match(
                WithoutVersion(source.SourceText.ToString()),
                SnapshotNameExtension.Create(Path.GetFileNameWithoutExtension(specFile), source.HintName));
        }
    }

    // The attribute carries the package version: without this, every version bump would rewrite every snapshot.
    private static string WithoutVersion(string source) =>
        System.Text.RegularExpressions.Regex.Replace(source, @"GeneratedCode\(""TranscriptKit\.Generators"", ""[^""]*""\)", @"GeneratedCode(""TranscriptKit.Generators"", ""{version}"")");
}
