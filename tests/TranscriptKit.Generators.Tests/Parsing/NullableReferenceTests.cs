using System.Linq;
using NUnit.Framework;

namespace TranscriptKit.Generators.Tests.Parsing;

/// <summary>OpenAPI 3.1's nullable reference (<c>oneOf</c>/<c>anyOf</c> of a <c>$ref</c> and <c>type: "null"</c>) is in the generator's subset.</summary>
public class NullableReferenceTests
{
    private static string Envelope(string data) => ProbeSpec.WithSchemas(
        "Thing:\n  type: object\n  required: [code, data]\n  properties:\n    code: { type: integer, format: int32 }\n    data:\n" + ProbeSpec.Indent(data, 6)
        + "\nInner:\n  type: object\n  required: [id]\n  properties:\n    id: { type: string }\nKind:\n  type: string\n  enum: [a, b]");

    [TestCase("oneOf")]
    [TestCase("anyOf")]
    public void A_required_ref_or_null_is_a_nullable_property_that_is_not_required(string combinator)
    {
        var models = GeneratedCode.AssertCompiles(Envelope($"{combinator}:\n  - $ref: \"#/components/schemas/Inner\"\n  - type: \"null\"")).AllSources;
        Assert.That(models, Does.Contain("public Inner? Data { get; init; }").And.Not.Contain("public required Inner Data"));
    }

    [Test]
    public void The_null_alternative_may_come_first_and_an_enum_may_be_null_too()
    {
        var models = GeneratedCode.AssertCompiles(Envelope("oneOf:\n  - type: \"null\"\n  - $ref: \"#/components/schemas/Kind\"")).AllSources;
        Assert.That(models, Does.Contain("public Kind? Data { get; init; }"));
    }

    [Test]
    public void A_ref_without_the_null_alternative_stays_required()
    {
        var models = GeneratedCode.AssertCompiles(Envelope("$ref: \"#/components/schemas/Inner\"")).AllSources;
        Assert.That(models, Does.Contain("public required Inner Data { get; init; }"));
    }

    [Test]
    public void A_choice_between_two_refs_is_still_TK0005()
    {
        var diagnostic = GeneratedCode.AssertReports(Envelope("oneOf:\n  - $ref: \"#/components/schemas/Inner\"\n  - $ref: \"#/components/schemas/Kind\""), "TK0005", 26, 13);
        Assert.That(diagnostic.GetMessage(), Does.Contain("a $ref or null"));
    }

    [Test]
    public void A_null_alternative_with_other_keys_is_not_read_as_null()
    {
        GeneratedCode.AssertReports(Envelope("oneOf:\n  - $ref: \"#/components/schemas/Inner\"\n  - { type: \"null\", description: x, enum: [1] }"), "TK0005", 26, 13);
    }
}
