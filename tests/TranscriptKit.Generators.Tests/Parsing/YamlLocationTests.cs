using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace TranscriptKit.Generators.Tests.Parsing;

/// <summary>
/// YAML the representation model cannot take (non-scalar keys, tabs, undefined anchors, duplicate keys, corrupt
/// bytes) is reported at the offending line and column, never as TK0008 or at 1:1.
/// </summary>
public class YamlLocationTests
{
    [Test]
    public void A_flow_mapping_used_as_a_key_is_TK0005_at_the_key()
    {
        GeneratedCode.AssertReports(ProbeSpec.WithSchemas("Thing:\n  type: object\n  properties:\n    { a: 1 }: { type: string }"), "TK0005", 22, 9);
    }

    [Test]
    public void A_block_sequence_used_as_a_key_is_TK0005_at_the_key()
    {
        GeneratedCode.AssertReports(ProbeSpec.WithSchemas("Thing:\n  type: object\n  properties:\n    ? - a\n      - b\n    : { type: string }"), "TK0005", 22, 11);
    }

    [Test]
    public void An_alias_used_as_a_key_is_TK0005_at_the_alias()
    {
        GeneratedCode.AssertReports(ProbeSpec.WithSchemas("Thing:\n  type: object\n  x-a: &k { b: c }\n  properties:\n    *k : { type: string }"), "TK0005", 23, 9);
    }

    [Test]
    public void Tab_indentation_is_TK0001_at_the_tab()
    {
        GeneratedCode.AssertReports(ProbeSpec.WithSchemas("Thing:\n  type: object\n  properties:\n\t  value: { type: string }"), "TK0001", 22, 5);
    }

    [Test]
    public void An_undefined_anchor_is_TK0001_at_the_alias()
    {
        var diagnostic = GeneratedCode.AssertReports(ProbeSpec.WithSchemas("Thing:\n  type: object\n  properties:\n    value: *nowhere"), "TK0001", 22, 16);
        Assert.That(diagnostic.GetMessage(), Does.Contain("nowhere"));
    }

    [Test]
    public void A_duplicate_key_is_TK0001_at_the_second_key()
    {
        var diagnostic = GeneratedCode.AssertReports(ProbeSpec.WithSchemas("Thing:\n  type: object\n  properties:\n    value: { type: string }\n    value: { type: number }"), "TK0001", 23, 9);
        Assert.That(diagnostic.GetMessage(), Does.Contain("'value' appears twice"));
    }

    [TestCase("openapi: 3.1.0\ninfo: { title: x ]\n", 2, 18)]
    [TestCase("openapi: 3.1.0\ninfo: { title: x\n", 3, 1)]
    [TestCase("openapi: 3.1.0\ninfo: \"unterminated\n", 2, 7)]
    [TestCase("openapi: 3.1.0\n  info: x\n", 2, 7)]
    public void Corrupt_files_are_TK0001_where_the_damage_is(string yaml, int line, int column)
    {
        GeneratedCode.AssertReports(yaml, "TK0001", line, column);
    }

    [Test]
    public void A_next_line_character_that_breaks_the_scanner_is_TK0001_after_the_last_good_token_not_TK0008()
    {
        // Found by the spec fuzzer (seed 1830417141): YamlDotNet throws a bare InvalidOperationException here.
        GeneratedCode.AssertReports(ProbeSpec.WithSchemas("Thing:\n  type: object\n  properties:\n    tags: {type: array, items:\u0085 {type: string}}"), "TK0001", 22, 37);
    }

    [Test]
    public void A_truncated_file_reports_missing_parts_against_the_whole_file_not_at_an_empty_1_1()
    {
        // Found by the spec fuzzer (seed 1836571834): the root mapping's end mark equalled its start.
        var outcome = GeneratedCode.Generate("openapi: 3.1.0\ninfo:\n  title: T\nx-tk-client:\n  name: T\n  vendor: t\n#");
        Assert.That(outcome.GeneratorDiagnostics, Is.Not.Empty);
        Assert.That(outcome.GeneratorDiagnostics.Select(d => d.Location.SourceSpan.Length), Is.All.GreaterThan(0));
    }

    [Test]
    public void A_file_of_comments_only_is_reported_against_the_whole_file()
    {
        // Found by the spec fuzzer (master seed 7, seed 7817633): it was an empty span at 1:1.
        var outcome = GeneratedCode.Generate("# openapi: 3.1.0\n# nothing else\n");
        Assert.That(outcome.GeneratorDiagnostics.Select(d => (d.Id, d.Location.SourceSpan.Length)), Is.EqualTo(new[] { ("TK0007", 32) }));
    }

    [Test]
    public void A_warning_alone_does_not_stop_generation()
    {
        var outcome = GeneratedCode.Generate(ProbeSpec.WithSchemas("Thing:\n  type: object\n  x-tk-inferd: true\n  properties:\n    value: { type: string }"));
        Assert.That(outcome.GeneratorDiagnostics.Select(d => (d.Id, d.Severity)), Is.EqualTo(new[] { ("TK0012", DiagnosticSeverity.Warning) }));
        Assert.That(outcome.Sources, Is.Not.Empty);
        Assert.That(outcome.CompilerProblems.Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
    }

    [Test]
    public void A_reported_diagnostic_is_the_descriptor_the_parser_chose()
    {
        // The parser's diagnostics carry their descriptor: none is looked up again by id, so a descriptor missing
        // from a lookup table can no longer come out as TK0008 "Generator failure".
        var outcome = GeneratedCode.Generate(ProbeSpec.WithSchemas("Thing:\n  type: object\n  x-tk-inferd: true\n  properties:\n    value: { type: string }"));
        Assert.That(
            outcome.GeneratorDiagnostics.Select(d => (d.Id, d.Descriptor.Title.ToString(CultureInfo.InvariantCulture), d.Severity)),
            Is.EqualTo(new[] { ("TK0012", "Unknown x-tk-* key", DiagnosticSeverity.Warning) }));
    }
}
