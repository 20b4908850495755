using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;
using YamlDotNet.RepresentationModel;

namespace TranscriptKit.SpecTools.Tests;

/// <summary>
/// The five real specs against mutated copies of themselves: each edit is reported under its rule with its class,
/// so the rules hold on specs as large and varied as the ones we ship, not only on the small ones in <see cref="RuleTests"/>.
/// </summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class RealSpecMutationTests
{
    private static readonly string s_specs = Path.Combine(AppContext.BaseDirectory, "specs");

    private static IEnumerable<string> Specs() => Directory.GetFiles(s_specs, "*.yaml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    private static IEnumerable<TestCaseData> Cases() =>
        from spec in Specs()
        from mutation in SpecMutation.All
        where Mutate(spec, mutation) is not null
        select new TestCaseData(spec, mutation).SetArgDisplayNames(spec, mutation.Name);

    private static string Read(string spec) => File.ReadAllText(Path.Combine(s_specs, spec));

    private static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Save(YamlMappingNode root) => SpecMutation.Save(root);

    /// <summary>The mutated copy, or null when the mutation does not apply to this spec.</summary>
    private static string? Mutate(string spec, SpecMutation mutation)
    {
        var text = Read(spec);
        var root = Load(text);
        return mutation.Apply(root, text) ? Save(root) : null;
    }

    [Test]
    public void The_five_specs_are_here()
    {
        Assert.That(Specs(), Is.EqualTo(new[] { "captioncat.yaml", "cliptext.yaml", "soscripted.yaml", "subclip.yaml", "transcriptgenerate.yaml" }));
    }

    [TestCaseSource(nameof(Specs))]
    public void A_spec_rewritten_by_the_yaml_library_has_no_changes(string spec)
    {
        // The baseline for every mutation below: what changes is the edit, never the rewriting.
        var text = Read(spec);
        Assert.That(SpecDiff.Compare(text, Save(Load(text)), spec, "rewritten").Changes, Is.Empty);
    }

    [TestCaseSource(nameof(Cases))]
    public void A_mutation_is_reported_under_its_rule_and_class(string spec, SpecMutation mutation)
    {
        var result = SpecDiff.Compare(Read(spec), Mutate(spec, mutation)!, spec, "mutated");
        var found = result.Changes.Where(c => c.Rule == mutation.Rule).ToList();
        Assert.That(found, Is.Not.Empty, $"{mutation.Name} in {spec}: got\n{string.Join("\n", result.Changes)}");
        Assert.Multiple(() =>
        {
            Assert.That(found.Select(c => c.CSharp), Is.All.EqualTo(mutation.CSharp), "C#");
            if (mutation.Wire is { } wire)
            {
                Assert.That(found.Select(c => c.Wire), Is.All.EqualTo(wire), "wire");
            }

            // What CI gates on (exit code 5): an additive edit must not fail the gate, a breaking one must.
            Assert.That(result.IsBreaking, Is.EqualTo(mutation.CSharp == ChangeImpact.Breaking || mutation.Wire == ChangeImpact.Breaking), "breaking overall");
        });
    }

    [Test]
    public void Every_mutation_applies_to_at_least_two_specs_and_every_spec_takes_at_least_six()
    {
        // A mutation that silently stops applying would leave its rule untested on real specs.
        var applied = Specs().SelectMany(spec => SpecMutation.All.Where(m => Mutate(spec, m) is not null).Select(m => (spec, m.Name))).ToList();
        Assert.Multiple(() =>
        {
            foreach (var mutation in SpecMutation.All)
            {
                Assert.That(applied.Count(a => a.Name == mutation.Name), Is.GreaterThanOrEqualTo(2), $"{mutation.Name}: {string.Join(", ", applied.Where(a => a.Name == mutation.Name).Select(a => a.spec))}");
            }

            foreach (var spec in Specs())
            {
                Assert.That(applied.Count(a => a.spec == spec), Is.GreaterThanOrEqualTo(6), spec);
            }
        });
    }
}
