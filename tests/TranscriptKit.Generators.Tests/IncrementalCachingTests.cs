using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;

namespace TranscriptKit.Generators.Tests;

/// <summary>The pipeline caches: an edit unrelated to the specs re-runs nothing; a spec edit re-runs only that spec.</summary>
public class IncrementalCachingTests
{
    private static readonly string[] s_trackedSteps = { ClientGenerator.Steps.SpecFiles, ClientGenerator.Steps.ParsedSpecs };

    [Test]
    public void Unrelated_source_edit_leaves_every_tracked_step_cached_or_unchanged()
    {
        var specs = GeneratorHarness.AllSpecFiles().Select(GeneratorHarness.SpecFile).ToArray();
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", GeneratorHarness.ParseOptions));
        driver = driver.RunGenerators(edited);

        var result = driver.GetRunResult().Results.Single();
        foreach (var step in s_trackedSteps)
        {
            Assert.That(result.TrackedSteps.ContainsKey(step), Is.True, $"step {step} is tracked");
            var reasons = result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.That(reasons, Is.Not.Empty);
            Assert.That(reasons, Is.All.AnyOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged), step);
        }

        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason);
        Assert.That(outputs, Is.All.AnyOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged));
    }

    [Test]
    public void Editing_one_spec_reparses_only_that_spec()
    {
        var path = GeneratorHarness.SpecPath("captioncat.yaml");
        var text = System.IO.File.ReadAllText(path);
        var edited = GeneratorHarness.Spec(path, text);
        var other = GeneratorHarness.Spec("/specs/othercat.yaml", text.Replace("name: CaptionCat", "name: OtherCat").Replace("vendor: captioncat", "vendor: othercat"));
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(new[] { edited, other }).RunGenerators(compilation);

        var changed = GeneratorHarness.Spec(path, text.Replace("Retrieves current balance.", "Retrieves the current balance."));
        driver = driver.ReplaceAdditionalText(edited, changed).RunGenerators(compilation);

        var parsed = driver.GetRunResult().Results.Single().TrackedSteps[ClientGenerator.Steps.ParsedSpecs].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.That(parsed.Count(r => r == IncrementalStepRunReason.Modified), Is.EqualTo(1), "only the edited spec is re-parsed into a new model");
        Assert.That(parsed.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged), Is.EqualTo(1));
    }
}
