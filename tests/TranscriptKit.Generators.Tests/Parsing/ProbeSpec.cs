namespace TranscriptKit.Generators.Tests.Parsing;

/// <summary>A small valid spec whose <c>Thing</c> model the parsing tests extend; line numbers in the tests count from it.</summary>
internal static class ProbeSpec
{
    /// <summary>Lines 1–18; the schemas given start on line 19, indented four spaces.</summary>
    public const string Head = """
        openapi: 3.1.0
        info: { title: Probe, version: "1" }
        x-tk-client: { name: Probe, vendor: probe }
        servers:
          - url: https://api.example.com/v1
        paths:
          /things/{id}:
            get:
              operationId: getThing
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Thing" }
        components:
          schemas:

        """;

    /// <summary>The probe spec with <paramref name="schemas"/> (each line indented four spaces) under components/schemas.</summary>
    public static string WithSchemas(string schemas) => Head.Replace("\r\n", "\n").TrimEnd('\n') + "\n" + Indent(schemas, 4) + "\n";

    public static string Indent(string text, int spaces)
    {
        var pad = new string(' ', spaces);
        return pad + text.Replace("\r\n", "\n").Replace("\n", "\n" + pad);
    }
}
