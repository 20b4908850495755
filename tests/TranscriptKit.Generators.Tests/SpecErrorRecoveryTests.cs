using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;

namespace TranscriptKit.Generators.Tests;

/// <summary>
/// A spec error is reported once, as a TK diagnostic, and does not bury the user in follow-on CS errors: the
/// readable rest of the spec is still generated when it is whole, so the user's own code (partial files, calls to
/// the operations that did parse) keeps compiling. When what remains is not whole, nothing is generated, as before.
/// </summary>
public sealed class SpecErrorRecoveryTests
{
    private const string Path = "/repo/specs/acme.yaml";

    private const string Spec = """
        openapi: 3.1.0
        info: { title: Acme, version: "1" }
        x-tk-client: { name: Acme, vendor: acme }
        servers:
          - url: https://api.example.com/v1
        paths:
          /balance:
            get:
              operationId: getBalance
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Balance" }
          /upload:
            post:
              operationId: upload
              requestBody:
                content:
                  BROKEN
              responses:
                "200": { description: ok }
        components:
          schemas:
            Balance:
              type: object
              required: [minutes]
              properties:
                minutes: { type: integer }
        """;

    // The user's code: a partial file extending the client and a call to the operation that parsed.
    private const string UserCode = """
        namespace TranscriptKit.Vendor;

        public partial class AcmeClient
        {
            public async System.Threading.Tasks.Task<long> MinutesAsync() => (await GetBalanceAsync()).Minutes;
        }

        public static class UserCode
        {
            public static AcmeClient Create() => new(new AcmeClientOptions());
        }
        """;

    [Test]
    public void An_error_in_one_operation_leaves_only_the_TK_error_and_the_rest_of_the_client()
    {
        var (diagnostics, compilerErrors, sources) = Run(Spec.Replace("BROKEN", "text/csv: { schema: { type: string } }"));

        Assert.That(diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "TK0005" }));
        Assert.That(compilerErrors, Is.Empty, "the user's code that uses the readable part of the spec compiles");
        Assert.That(sources, Does.Contain("GetBalanceAsync").And.Not.Contain("UploadAsync"));
    }

    [Test]
    public void An_error_in_a_schema_drops_what_uses_it_and_keeps_the_rest_whole()
    {
        // Balance cannot be read; getBalance returns it, so both go, and the user's call to it is the only CS error.
        var broken = Spec.Replace("BROKEN", "application/json: { schema: { type: object } }").Replace("minutes: { type: integer }", "minutes: { type: integer, format: int128 }");
        var (diagnostics, compilerErrors, _) = Run(broken);

        Assert.That(diagnostics.Select(d => d.Id), Is.Not.Empty.And.All.StartsWith("TK"));
        Assert.That(compilerErrors.All(e => e.Location.SourceTree?.FilePath == "user.cs"), Is.True, "no error inside generated code: " + string.Join("; ", compilerErrors));
    }

    [Test]
    public void A_name_clash_generates_nothing_because_both_names_are_still_in_the_model()
    {
        var clash = Spec.Replace("BROKEN", "application/json: { schema: { type: object } }") + "\n    AcmeClient:\n      type: object\n      properties: { a: { type: string } }\n";
        var (diagnostics, _, sources) = Run(clash, userCode: null);

        Assert.That(diagnostics.Select(d => d.Id), Does.Contain("TK0009"));
        Assert.That(sources, Is.Empty);
    }

    private static (Diagnostic[] Diagnostics, Diagnostic[] CompilerErrors, string Sources) Run(string yaml, string? userCode = UserCode)
    {
        var trees = userCode is null ? System.Array.Empty<SyntaxTree>() : new[] { CSharpSyntaxTree.ParseText(userCode, GeneratorHarness.ParseOptions, "user.cs") };
        var driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.Spec(Path, yaml) })
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(trees), out var output, out _);
        var run = driver.GetRunResult();
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        return (run.Diagnostics.ToArray(), errors, string.Concat(run.Results.Single().GeneratedSources.Select(s => s.SourceText.ToString())));
    }
}
