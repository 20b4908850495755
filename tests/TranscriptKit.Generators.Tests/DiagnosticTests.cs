using System.Linq;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace TranscriptKit.Generators.Tests;

/// <summary>Each TK diagnostic points at the spec file, line and column of the mistake, and nothing throws into the compiler.</summary>
public class DiagnosticTests
{
    private const string Path = "/repo/specs/broken.yaml";

    private const string Header = """
        openapi: 3.1.0
        info: { title: Broken, version: "1" }
        x-tk-client: { name: Broken, vendor: broken }
        servers:
          - url: https://api.example.com/v1
        """;

    private static Diagnostic Single(string yaml)
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Spec(Path, yaml.Replace("\r\n", "\n")));
        Assert.That(result.Results.Single().Exception, Is.Null, "the generator must not throw into the compiler");
        Assert.That(result.Diagnostics, Has.Length.EqualTo(1), string.Join("\n", result.Diagnostics));
        return result.Diagnostics[0];
    }

    private static void AssertAt(Diagnostic diagnostic, string id, int line, int column)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Id, Is.EqualTo(id));
            Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
            Assert.That(span.Path, Is.EqualTo(Path));
            Assert.That(span.StartLinePosition.Line + 1, Is.EqualTo(line), "line (1-based)");
            Assert.That(span.StartLinePosition.Character + 1, Is.EqualTo(column), "column (1-based)");
        });
    }

    [Test]
    public void TK0001_malformed_yaml_points_at_the_bad_token()
    {
        var diagnostic = Single(Header + "\npaths:\n  /a: [unclosed\n");
        AssertAt(diagnostic, "TK0001", 8, 1);
    }

    [Test]
    public void TK0002_operation_without_operationId_points_at_the_method()
    {
        var diagnostic = Single(Header + """

            paths:
              /balance:
                get:
                  responses:
                    "200": { description: ok }
            """);
        AssertAt(diagnostic, "TK0002", 8, 5);
        Assert.That(diagnostic.GetMessage(), Does.Contain("GET /balance"));
    }

    [Test]
    public void TK0003_duplicate_operationId_points_at_the_second_one()
    {
        var diagnostic = Single(Header + """

            paths:
              /a:
                get:
                  operationId: getThing
                  responses: { "200": { description: ok } }
              /b:
                get:
                  operationId: getThing
                  responses: { "200": { description: ok } }
            """);
        AssertAt(diagnostic, "TK0003", 13, 20);
        Assert.That(diagnostic.GetMessage(), Does.Contain("getThing").And.Contain("line 9"));
    }

    [Test]
    public void TK0004_unresolved_ref_points_at_the_ref()
    {
        var diagnostic = Single(Header + """

            paths:
              /a:
                get:
                  operationId: getThing
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: { $ref: "#/components/schemas/Missing" }
            """);
        AssertAt(diagnostic, "TK0004", 15, 31);
        Assert.That(diagnostic.GetMessage(), Does.Contain("#/components/schemas/Missing"));
    }

    [Test]
    public void TK0005_unsupported_construct_points_at_it()
    {
        var diagnostic = Single(Header + """

            paths: {}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    value:
                      allOf: [{ $ref: "#/components/schemas/Other" }]
            """);
        AssertAt(diagnostic, "TK0005", 13, 18);
        Assert.That(diagnostic.GetMessage(), Does.Contain("allOf"));
    }

    [Test]
    public void TK0006_invalid_extension_points_at_the_bad_value()
    {
        var diagnostic = Single(Header + """

            paths:
              /jobs/{id}:
                get:
                  operationId: getJob
                  parameters:
                    - { name: id, in: path, required: true, schema: { type: string } }
                  x-tk-poll:
                    name: Job
                    succeeded-when: { field: state, equals: [done] }
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: { $ref: "#/components/schemas/Job" }
            components:
              schemas:
                Job:
                  type: object
                  properties:
                    status: { type: string }
            """);
        AssertAt(diagnostic, "TK0006", 14, 34);
        Assert.That(diagnostic.GetMessage(), Does.Contain("x-tk-poll.succeeded-when").And.Contain("state"));
    }

    [Test]
    public void TK0006_missing_client_extension_is_reported()
    {
        var diagnostic = Single("openapi: 3.1.0\ninfo: { title: T, version: \"1\" }\nservers: [{ url: \"https://x.example\" }]\npaths: {}\n");
        Assert.That(diagnostic.Id, Is.EqualTo("TK0006"));
        Assert.That(diagnostic.GetMessage(), Does.Contain("x-tk-client"));
    }

    [Test]
    public void TK0007_undeclared_path_parameter_points_at_the_operation()
    {
        var diagnostic = Single(Header + """

            paths:
              /jobs/{id}:
                get:
                  operationId: getJob
                  responses: { "200": { description: ok } }
            """);
        AssertAt(diagnostic, "TK0007", 9, 7);
        Assert.That(diagnostic.GetMessage(), Does.Contain("{id}"));
    }

    [TestCase("")]
    [TestCase("\0\u0001binary")]
    [TestCase("- just\n- a list\n")]
    [TestCase("openapi: 3.0.0\n")]
    [TestCase("openapi: 3.1.0\npaths: 12\n")]
    [TestCase("openapi: 3.1.0\nx-tk-client: { name: A, vendor: a }\nservers: [{ url: \"https://x.example\" }]\npaths:\n  /a:\n    get:\n      operationId: a\n      responses: 5\n")]
    public void Garbage_input_gives_diagnostics_never_an_exception(string yaml)
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Spec(Path, yaml));
        Assert.That(result.Results.Single().Exception, Is.Null);
        Assert.That(result.Diagnostics, Is.Not.Empty);
        Assert.That(result.Diagnostics.Select(d => d.Id), Is.All.StartsWith("TK"));

        // What is recovered (here: a client without the unreadable operation) must compile; garbage recovers nothing.
        Assert.That(GeneratedCode.Generate(yaml).CompilerProblems.Select(d => d.ToString()), Is.Empty);
    }
}
