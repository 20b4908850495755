using System.Linq;
using System.Text;
using NUnit.Framework;

namespace TranscriptKit.Generators.Tests.Parsing;

/// <summary>
/// <c>$ref</c> cycles and runaway nesting are located diagnostics, never a stack overflow that kills the compiler.
/// An object that contains itself through a property is a legitimate C# class and generates.
/// </summary>
[CancelAfter(60_000)]
public class ReferenceCycleTests
{
    [Test]
    public void Two_aliases_that_refer_to_each_other_report_TK0010_at_the_ref()
    {
        var diagnostic = GeneratedCode.AssertReports(ProbeSpec.WithSchemas("""
            Thing:
              type: object
              properties:
                value: { $ref: "#/components/schemas/A" }
            A: { $ref: "#/components/schemas/B" }
            B: { $ref: "#/components/schemas/A" }
            """), "TK0010", 24, 16);
        Assert.That(diagnostic.GetMessage(), Does.Contain("A → B → A"));
    }

    [Test]
    public void An_array_that_is_its_own_item_reports_TK0010()
    {
        var diagnostic = GeneratedCode.AssertReports(ProbeSpec.WithSchemas("""
            Thing:
              type: object
              properties:
                tree: { $ref: "#/components/schemas/Tree" }
            Tree: { type: array, items: { $ref: "#/components/schemas/Tree" } }
            """), "TK0010", 23, 41);
        Assert.That(diagnostic.GetMessage(), Does.Contain("Tree → Tree"));
    }

    [Test]
    public void An_array_that_is_its_own_item_through_a_yaml_anchor_reports_TK0011()
    {
        GeneratedCode.AssertReports(ProbeSpec.WithSchemas("""
            Thing:
              type: object
              properties:
                tree: &tree { type: array, items: *tree }
            """), "TK0011", 22, 15);
    }

    [Test]
    public void A_3000_long_ref_chain_reports_TK0011_instead_of_overflowing()
    {
        var schemas = new StringBuilder("Thing:\n  type: object\n  properties:\n    value: { $ref: \"#/components/schemas/A0\" }\n");
        for (var i = 0; i < 3000; i++)
        {
            schemas.Append($"A{i}: {{ $ref: \"#/components/schemas/A{i + 1}\" }}\n");
        }

        schemas.Append("A3000: { type: string }");
        var outcome = GeneratedCode.Generate(ProbeSpec.WithSchemas(schemas.ToString()));
        Assert.That(outcome.Exception, Is.Null);
        Assert.That(outcome.GeneratorDiagnostics.Select(d => d.Id), Is.EqualTo(new[] { "TK0011" }));
        Assert.That(outcome.GeneratorDiagnostics[0].Location.GetLineSpan().StartLinePosition.Line, Is.GreaterThan(20));
    }

    [Test]
    public void A_short_alias_chain_resolves()
    {
        GeneratedCode.AssertCompiles(ProbeSpec.WithSchemas("""
            Thing:
              type: object
              properties:
                value: { $ref: "#/components/schemas/A" }
            A: { $ref: "#/components/schemas/B" }
            B: { type: array, items: { type: string } }
            """));
    }

    [Test]
    public void An_object_that_contains_itself_generates_a_recursive_class()
    {
        var outcome = GeneratedCode.AssertCompiles(ProbeSpec.WithSchemas("""
            Thing:
              type: object
              properties:
                parent: { $ref: "#/components/schemas/Thing" }
                children: { type: array, items: { $ref: "#/components/schemas/Thing" } }
                other: { $ref: "#/components/schemas/Other" }
            Other:
              type: object
              properties:
                back: { $ref: "#/components/schemas/Thing" }
            """));
        Assert.That(outcome.Source("Probe.Models.g.cs"), Does.Contain("Thing? Parent"));
    }

    [Test]
    public void Yaml_nested_100000_deep_under_an_ignored_key_reports_TK0011()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);
        GeneratedCode.AssertReports(ProbeSpec.Head + "x-deep: " + deep + "\n", "TK0011", 19, 208);
    }

    [Test]
    public void Block_yaml_nested_2000_deep_reports_TK0011()
    {
        // Block nesting costs one more space per level: 2,000 levels is already 2 MB of indentation.
        var builder = new StringBuilder(ProbeSpec.Head).Append("x-deep:\n");
        for (var i = 1; i <= 2_000; i++)
        {
            builder.Append(' ', i).Append("a:\n");
        }

        var outcome = GeneratedCode.Generate(builder.ToString());
        Assert.That(outcome.Exception, Is.Null);
        Assert.That(outcome.GeneratorDiagnostics.Select(d => d.Id), Is.EqualTo(new[] { "TK0011" }));
    }

    [Test]
    public void Arrays_nested_64_deep_report_TK0011_at_the_innermost_items()
    {
        var schema = new StringBuilder("{ type: string }");
        for (var i = 0; i < 70; i++)
        {
            schema.Insert(0, "{ type: array, items: ").Append(" }");
        }

        var outcome = GeneratedCode.Generate(ProbeSpec.WithSchemas("Thing:\n  type: object\n  properties:\n    grid: " + schema));
        Assert.That(outcome.Exception, Is.Null);
        Assert.That(outcome.GeneratorDiagnostics.Select(d => d.Id), Is.EqualTo(new[] { "TK0011" }));
        Assert.That(outcome.GeneratorDiagnostics[0].Location.GetLineSpan().StartLinePosition.Line + 1, Is.EqualTo(22));
    }
}
