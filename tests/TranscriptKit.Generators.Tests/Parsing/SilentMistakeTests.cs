using System.Linq;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace TranscriptKit.Generators.Tests.Parsing;

/// <summary>Spec mistakes that used to be accepted without a word now get a located TK diagnostic.</summary>
public class SilentMistakeTests
{
    [Test]
    public void A_scalar_required_is_TK0007_at_the_scalar()
    {
        var diagnostic = GeneratedCode.AssertReports(ProbeSpec.WithSchemas("Thing:\n  type: object\n  required: url\n  properties:\n    url: { type: string }"), "TK0007", 21, 17);
        Assert.That(diagnostic.GetMessage(), Does.Contain("'required' must be a list").And.Contain("[url]"));
    }

    [Test]
    public void A_mapping_inside_required_is_TK0007_at_the_entry()
    {
        GeneratedCode.AssertReports(ProbeSpec.WithSchemas("Thing:\n  type: object\n  required: [url, { a: b }]\n  properties:\n    url: { type: string }"), "TK0007", 21, 23);
    }

    [Test]
    public void A_nested_type_list_is_TK0005_at_the_inner_list()
    {
        GeneratedCode.AssertReports(ProbeSpec.WithSchemas("Thing:\n  type: object\n  properties:\n    value: { type: [[string]] }"), "TK0005", 22, 25);
    }

    [Test]
    public void A_misspelt_x_tk_key_is_a_TK0012_warning_that_names_the_known_key()
    {
        var outcome = GeneratedCode.Generate(ProbeSpec.Head.Replace("      operationId: getThing", "      operationId: getThing\n      x-tk-pol: { name: Thing }") + "    Thing: { type: object, properties: { id: { type: string } } }\n");
        var diagnostic = outcome.GeneratorDiagnostics.Single();
        var span = diagnostic.Location.GetLineSpan();
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Id, Is.EqualTo("TK0012"));
            Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
            Assert.That((span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1), Is.EqualTo((10, 7)));
            Assert.That(diagnostic.GetMessage(), Does.Contain("'x-tk-pol'").And.Contain("did you mean 'x-tk-poll'"));
        });
    }

    [Test]
    public void A_poll_failure_message_that_is_not_text_is_TK0006_at_the_field_name()
    {
        // Found by the spec fuzzer (seed 1833716581): an array field here generated CS1501.
        var yaml = ProbeSpec.Head.Replace("      responses:", "      x-tk-poll:\n        name: Thing\n        succeeded-when: { field: status, equals: [done] }\n        failure-message: errors\n      responses:")
            + "    Thing: { type: object, properties: { status: { type: string }, errors: { type: array, items: { type: string } } } }\n";
        GeneratedCode.AssertReports(yaml, "TK0006", 14, 26);
    }

    [Test]
    public void A_null_error_code_path_is_TK0006_at_the_null()
    {
        GeneratedCode.AssertReports(ProbeSpec.Head.Replace("servers:", "x-tk-errors: { message: [error], code: ~ }\nservers:") + "    Thing: { type: object, properties: { id: { type: string } } }\n", "TK0006", 4, 40);
    }

    private static string UploadSpec(string upload, string complete) => $$"""
        openapi: 3.1.0
        info: { title: Probe, version: "1" }
        x-tk-client: { name: Probe, vendor: probe }
        servers:
          - url: https://api.example.com/v1
        paths:
          /uploads:
            post:
              operationId: createUpload
              x-tk-upload:
                name: File
                url: upload_url
                file-name: file_name
                complete: completeUpload
                complete-fields: { upload_id: id }
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/NewUpload" }
              responses:
                "201":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Upload" }
          /uploads/complete:
            post:
              operationId: completeUpload
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/Complete" }
              responses:
                "200": { description: ok }
        components:
          schemas:
            NewUpload: { type: object, properties: { file_name: { type: string } } }
            Upload: { type: object, required: [id, upload_url], properties: { id: {{upload}}, upload_url: { type: string } } }
            Complete: { type: object, required: [upload_id], properties: { upload_id: {{complete}} } }
            Left: { type: object, properties: { a: { type: string } } }
            Right: { type: object, properties: { b: { type: string } } }
        """;

    [TestCase("{ $ref: \"#/components/schemas/Left\" }", "{ $ref: \"#/components/schemas/Right\" }")]
    [TestCase("{ type: array, items: { type: string } }", "{ type: array, items: { type: integer } }")]
    [TestCase("{ type: string }", "{ type: integer }")]
    public void Complete_fields_of_different_types_are_TK0006_at_the_mapping(string source, string target)
    {
        var diagnostic = GeneratedCode.AssertReports(UploadSpec(source, target), "TK0006", 15, 28);
        Assert.That(diagnostic.GetMessage(), Does.Contain("x-tk-upload.complete-fields"));
    }

    [Test]
    public void Complete_fields_of_the_same_type_generate()
    {
        GeneratedCode.AssertCompiles(UploadSpec("{ $ref: \"#/components/schemas/Left\" }", "{ $ref: \"#/components/schemas/Left\" }"));
    }
}
