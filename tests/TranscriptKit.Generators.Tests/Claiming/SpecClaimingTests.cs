using System.Linq;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace TranscriptKit.Generators.Tests.Claiming;

/// <summary>
/// The generator claims only AdditionalFiles declared with <c>&lt;TranscriptKitSpec&gt;</c>, puts each client into the
/// namespace the item names, and refuses two specs in one namespace with TK0013.
/// </summary>
public class SpecClaimingTests
{
    private const string Probe = """
        openapi: 3.1.0
        info: { title: Probe, version: "1" }
        x-tk-client: { name: Probe, vendor: probe }
        servers:
          - url: https://api.example.com/v1
        paths:
          /balance:
            get:
              operationId: getBalance
              responses:
                "200": { description: ok }
        """;

    [Test]
    public void An_undeclared_yaml_in_AdditionalFiles_generates_nothing_and_reports_nothing()
    {
        // Neither a valid OpenAPI document nor broken YAML is the generator's business unless declared.
        var (result, _) = GeneratorHarness.Run(
            GeneratorHarness.UndeclaredFile("/repo/openapi/other-tool.yaml", Probe),
            GeneratorHarness.UndeclaredFile("/repo/.github/ci.yaml", "jobs: [unclosed\n"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics, Is.Empty);
            Assert.That(result.GeneratedTrees, Is.Empty);
        });
    }

    [Test]
    public void A_declared_spec_next_to_an_undeclared_one_is_the_only_one_generated()
    {
        var (result, _) = GeneratorHarness.Run(
            GeneratorHarness.Spec("/repo/specs/probe.yaml", Probe),
            GeneratorHarness.UndeclaredFile("/repo/.github/ci.yaml", "jobs: [unclosed\n"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics, Is.Empty);
            Assert.That(result.GeneratedTrees.Select(t => System.IO.Path.GetFileName(t.FilePath)), Has.Some.EqualTo("ProbeClient.g.cs"));
        });
    }

    [Test]
    public void The_Namespace_metadata_places_the_client_instead_of_the_root_namespace()
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Spec("/repo/specs/probe.yaml", Probe, "Contoso.Speech"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics, Is.Empty);
            Assert.That(output.GetTypeByMetadataName("Contoso.Speech.ProbeClient"), Is.Not.Null);
            Assert.That(output.GetTypeByMetadataName("TranscriptKit.Vendor.ProbeClient"), Is.Null);
            Assert.That(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
        });
    }

    [Test]
    public void Two_specs_in_one_namespace_are_TK0013_at_the_later_spec_naming_the_earlier()
    {
        var (result, _) = GeneratorHarness.Run(
            GeneratorHarness.Spec("/repo/specs/b.yaml", Probe.Replace("name: Probe", "name: Other"), "Contoso.Speech"),
            GeneratorHarness.Spec("/repo/specs/a.yaml", Probe, "Contoso.Speech"));

        var clash = result.Diagnostics.Single(d => d.Id == "TK0013");
        Assert.Multiple(() =>
        {
            Assert.That(clash.Severity, Is.EqualTo(DiagnosticSeverity.Error));
            Assert.That(clash.Location.GetLineSpan().Path, Is.EqualTo("/repo/specs/b.yaml"));
            Assert.That(clash.GetMessage(), Does.Contain("Contoso.Speech").And.Contain("/repo/specs/a.yaml"));
        });
    }

    [Test]
    public void Two_specs_in_their_own_namespaces_compile_side_by_side()
    {
        var (result, output) = GeneratorHarness.Run(
            GeneratorHarness.Spec("/repo/specs/a.yaml", Probe, "Contoso.A"),
            GeneratorHarness.Spec("/repo/specs/b.yaml", Probe.Replace("name: Probe", "name: Other"), "Contoso.B"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics, Is.Empty);
            Assert.That(output.GetTypeByMetadataName("Contoso.A.ProbeClient"), Is.Not.Null);
            Assert.That(output.GetTypeByMetadataName("Contoso.B.OtherClient"), Is.Not.Null);
        });
    }
}
