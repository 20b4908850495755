using System.Linq;
using NUnit.Framework;

namespace TranscriptKit.Generators.Tests.Emitting;

/// <summary>An <c>x-tk-envelope</c> rule's <c>kind</c> becomes the runtime's <c>ErrorKind</c> member, and nothing else.</summary>
public class EnvelopeErrorKindTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: { title: Kinds, version: "1" }
        x-tk-client: { name: Kinds, vendor: kinds }
        x-tk-envelope:
          code: code
          message: msg
          data: data
          success: [200]
          errors:
            - { code: 1, reason: Rule, kind: {{kind}} }
        servers:
          - url: https://api.example.com/v1
        paths:
          /things:
            get:
              operationId: getThing
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/ThingEnvelope" }
        components:
          schemas:
            ThingEnvelope:
              type: object
              properties:
                code: { type: integer }
                msg: { type: string }
                data: { $ref: "#/components/schemas/Thing" }
            Thing:
              type: object
              properties:
                id: { type: string }
        """;

    [TestCase("general", "General")]
    [TestCase("authentication", "Authentication")]
    [TestCase("forbidden", "Forbidden")]
    [TestCase("insufficient-credits", "InsufficientCredits")]
    [TestCase("rate-limit", "RateLimit")]
    [TestCase("not-found", "NotFound")]
    [TestCase("bad-request", "BadRequest")]
    [TestCase("server", "Server")]
    public void Each_documented_kind_becomes_its_runtime_ErrorKind(string kind, string member)
    {
        var outcome = GeneratedCode.AssertCompiles(Spec.Replace("{{kind}}", kind));
        Assert.That(outcome.Source("KindsClient.g.cs"), Does.Contain($"\"Rule\", global::TranscriptKit.Runtime.ErrorKind.{member})"));
    }

    [TestCase("teapot")]
    [TestCase("Server")]
    [TestCase("rate_limit")]
    public void An_undocumented_kind_is_TK0006(string kind)
    {
        var outcome = GeneratedCode.Generate(Spec.Replace("{{kind}}", kind));
        Assert.That(outcome.Exception, Is.Null);
        Assert.That(outcome.GeneratorDiagnostics.Select(d => d.Id), Is.EqualTo(new[] { "TK0006" }));
    }
}
