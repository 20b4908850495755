using NUnit.Framework;

namespace TranscriptKit.Generators.Tests.Parsing;

/// <summary>
/// An open set of values — <c>anyOf: [$ref to a string enum, {type: string}]</c>, the JSON Schema idiom every validator
/// reads as "these or any other string" — is the enum's extensible type, and the drift report does not flag a value the
/// spec does not list. A bare <c>enum</c> is closed to other readers: Prism refused a TranscriptGenerate platform the
/// docs' "DOUYIN, XHS, KUAISHOU, etc." did not name.
/// </summary>
public class OpenValueSetTests
{
    private static string Envelope(string data) => ProbeSpec.WithSchemas(
        "Thing:\n  type: object\n  required: [code, data]\n  properties:\n    code: { type: integer, format: int32 }\n    data:\n" + ProbeSpec.Indent(data, 6)
        + "\nInner:\n  type: object\n  required: [id]\n  properties:\n    id: { type: string }\nKind:\n  type: string\n  enum: [a, b]");

    [Test]
    public void A_ref_to_an_enum_or_any_string_is_the_enum_type()
    {
        var models = GeneratedCode.AssertCompiles(Envelope("anyOf:\n  - $ref: \"#/components/schemas/Kind\"\n  - type: string")).AllSources;

        Assert.That(models, Does.Contain("public required Kind Data { get; init; }"));
    }

    [Test]
    public void With_a_null_alternative_it_is_nullable_and_not_required()
    {
        var models = GeneratedCode.AssertCompiles(Envelope("anyOf:\n  - type: string\n  - $ref: \"#/components/schemas/Kind\"\n  - type: \"null\"")).AllSources;

        Assert.That(models, Does.Contain("public Kind? Data { get; init; }"));
    }

    [Test]
    public void The_drift_table_lists_no_values_for_an_open_set_but_does_for_a_closed_enum()
    {
        var open = GeneratedCode.AssertCompiles(Envelope("anyOf:\n  - $ref: \"#/components/schemas/Kind\"\n  - type: string")).AllSources;
        var closed = GeneratedCode.AssertCompiles(Envelope("$ref: \"#/components/schemas/Kind\"")).AllSources;

        Assert.That(open, Does.Contain("SchemaProperty(\"data\", new global::TranscriptKit.SchemaNode(global::TranscriptKit.SchemaKind.String), true)"));
        Assert.That(closed, Does.Contain("SchemaProperty(\"data\", new global::TranscriptKit.SchemaNode(global::TranscriptKit.SchemaKind.String, EnumValues: new string[] { \"a\", \"b\" }), true)"));
    }

    [Test]
    public void An_open_set_of_an_object_is_TK0005()
    {
        var diagnostic = GeneratedCode.AssertReports(Envelope("anyOf:\n  - $ref: \"#/components/schemas/Inner\"\n  - type: string"), "TK0005", 26, 15);

        Assert.That(diagnostic.GetMessage(), Does.Contain("must name a string enum"));
    }

    [Test]
    public void OneOf_an_enum_or_any_string_stays_TK0005()
    {
        // Under oneOf a documented value matches both alternatives, so no value is valid: not an open set.
        GeneratedCode.AssertReports(Envelope("oneOf:\n  - $ref: \"#/components/schemas/Kind\"\n  - type: string"), "TK0005", 26, 13);
    }
}
