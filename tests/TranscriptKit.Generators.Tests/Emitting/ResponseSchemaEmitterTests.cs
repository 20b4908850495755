using System;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using NUnit.Framework;
using TranscriptKit.Generators.Tests.Definitions;
using TranscriptKit.Runtime;

namespace TranscriptKit.Generators.Tests.Emitting;

/// <summary>The generated response schema says what the spec says, so the drift check can run without the YAML.</summary>
public class ResponseSchemaEmitterTests
{
    private const string StatusPaths = """
        paths:
          /jobs/{jobId}:
            get:
              operationId: getJob
              parameters: [{ name: jobId, in: path, required: true, schema: { type: string } }]
              responses:
                "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Job" } } } }
                "404": { description: gone }
                "429": { description: slow down }
            delete:
              operationId: deleteJob
              parameters: [{ name: jobId, in: path, required: true, schema: { type: string } }]
              responses:
                "204": { description: deleted }
                "4XX": { description: any client error }
        """;

    private static ResponseSchema Load(string yaml, string client = "Probe")
    {
        var outcome = GeneratedCode.AssertCompiles(yaml);
        var compilation = GeneratorHarness.CreateCompilation(outcome.Sources.Select(s => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(s.Text, GeneratorHarness.ParseOptions)).ToArray());
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.That(emitted.Success, Is.True, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        var assembly = new AssemblyLoadContext("drift-" + Guid.NewGuid().ToString("N"), isCollectible: true).LoadFromStream(image);
        var table = assembly.GetType($"TranscriptKit.Vendor.{client}ResponseSchema", throwOnError: true)!;
        return (ResponseSchema)table.GetMethod("Create")!.Invoke(null, null)!;
    }

    [Test]
    public void Models_carry_json_names_kinds_required_flags_and_enum_values()
    {
        var schema = Load(DefinitionSpec.With());

        Assert.That(schema.Vendor, Is.EqualTo("probe"));
        Assert.That(schema.Models["Job"].Properties.Select(p => (p.Name, p.Type.Kind, p.Required)), Is.EqualTo(new[]
        {
            ("id", SchemaKind.String, true),
            ("status", SchemaKind.String, true),
            ("level", SchemaKind.String, false),
        }));
        var level = schema.Models["Job"].Properties.Single(p => p.Name == "level");
        Assert.That(level.Required, Is.False);
        Assert.That(level.Type.Kind, Is.EqualTo(SchemaKind.String));
        Assert.That(level.Type.EnumValues, Is.EqualTo(new[] { "low", "high" }));
    }

    [Test]
    public void Operations_carry_their_body_type_and_a_text_or_empty_answer_has_none()
    {
        var schema = Load(DefinitionSpec.With());

        Assert.That(schema.Operations["getJob"].Body, Is.EqualTo(new SchemaNode(SchemaKind.Object, Model: "Job")));
        Assert.That(schema.Operations["listJobs"].Body!.Kind, Is.EqualTo(SchemaKind.Array));
        Assert.That(schema.Operations["listJobs"].Body!.Item, Is.EqualTo(new SchemaNode(SchemaKind.Object, Model: "Job")));
        Assert.That(schema.Operations["getText"].Body, Is.Null);
        Assert.That(schema.Operations["charge"].Body, Is.Null);
        Assert.That(schema.Operations["charge"].DocumentedStatuses, Is.EqualTo(new[] { 204 }));
    }

    [Test]
    public void Documented_statuses_are_the_success_code_and_every_error_code_and_a_range_documents_them_all()
    {
        var schema = Load(DefinitionSpec.With(paths: StatusPaths));

        Assert.That(schema.Operations["getJob"].DocumentedStatuses, Is.EqualTo(new[] { 200, 404, 429 }));
        Assert.That(schema.Operations["deleteJob"].DocumentedStatuses, Is.Empty);
    }

    [Test]
    public void The_generated_schema_finds_drift_in_a_body_the_spec_did_not_show()
    {
        var schema = Load(DefinitionSpec.With());
        var report = new DriftReport();

        DriftCheck.CheckBody(schema, "getJob", Encoding.UTF8.GetBytes("""{"id":"j1","level":"medium","eta":12}"""), SecretMask.None, report);
        DriftCheck.CheckStatus(schema, "getJob", 202, report);

        Assert.That(report.Findings.Select(f => (f.Kind, f.Path)), Is.EquivalentTo(new[]
        {
            (DriftKind.UnknownEnumValue, "$.level"),
            (DriftKind.UnknownField, "$.eta"),
            (DriftKind.MissingRequiredField, "$.status"),
            (DriftKind.UndocumentedStatus, "$"),
        }));
    }

    [Test]
    public void An_enveloped_operations_body_is_the_whole_envelope_and_a_streams_events_carry_their_types()
    {
        var schema = Load(Fuzzing.InlineSpecs.Streams, "Inline");

        Assert.That(schema.Operations["getBalance"].Body, Is.EqualTo(new SchemaNode(SchemaKind.Object, Model: "BalanceEnvelope")), "the envelope, so paths run through $.data");
        Assert.That(schema.Operations["getBalance"].Events, Is.Null);
        Assert.That(schema.Operations["transcribe"].Body, Is.EqualTo(new SchemaNode(SchemaKind.Object, Model: "Done")), "x-tk-envelope: false keeps the plain body");
        Assert.That(schema.Operations["transcribe"].Events, Is.EqualTo(new System.Collections.Generic.Dictionary<string, SchemaNode>
        {
            ["progress"] = new(SchemaKind.Object, Model: "Progress"),
            ["done"] = new(SchemaKind.Object, Model: "Done"),
        }));

        var report = new DriftReport();
        DriftCheck.CheckBody(schema, "getBalance", Encoding.UTF8.GetBytes("""{"code":200,"msg":"ok","data":{"minutes":1.5,"plan":"pro"}}"""), SecretMask.None, report);
        DriftCheck.CheckEvent(schema, "transcribe", "progress", Encoding.UTF8.GetBytes("""{"percent":"half"}"""), SecretMask.None, report);
        Assert.That(report.Findings.Select(f => (f.Kind, f.Path)), Is.EquivalentTo(new[]
        {
            (DriftKind.TypeMismatch, "$.data.minutes"),
            (DriftKind.UnknownField, "$.data.plan"),
            (DriftKind.TypeMismatch, "event[progress].percent"),
        }));
    }
}
