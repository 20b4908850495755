using System.Linq;
using TranscriptKit.Generators.Model;

namespace TranscriptKit.Generators.Emitting;

/// <summary>Models (records with init-only, nullable-annotated properties) and extensible enums.</summary>
internal static class ModelEmitter
{
    public static string Emit(ApiSpec spec)
    {
        var w = Emitter.Begin(spec);
        foreach (var schema in spec.Schemas)
        {
            if (schema.Kind == SchemaKind.Enum)
            {
                EmitEnum(w, spec, schema);
            }
            else
            {
                EmitModel(w, spec, schema);
            }

            w.Line();
        }

        return w.ToString();
    }

    private static void EmitModel(SourceWriter w, ApiSpec spec, SchemaSpec schema)
    {
        w.Doc("summary", schema.Description ?? $"The {schema.SpecName} object of the {spec.DisplayName} API.");
        if (schema.Inferred)
        {
            w.Doc("remarks", $"Inferred: {spec.DisplayName}'s documentation does not show this object (x-tk-inferred).");
        }

        w.Line(Emitter.GeneratedCodeAttribute);
        w.Line(ConverterAttribute(spec, schema));
        w.Open($"public sealed partial record {schema.Name}");
        var first = true;
        foreach (var property in schema.Properties)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            w.Doc("summary", property.Description ?? $"The '{property.JsonName}' field.");
            var remarks = $"JSON name: <c>{CSharpText.XmlDoc(property.JsonName)}</c>." + (property.Inferred ? " Inferred: not shown in the vendor's documentation (x-tk-inferred)." : string.Empty);
            w.DocRaw($"<remarks>{remarks}</remarks>");
            var required = property.IsNonNull ? "required " : string.Empty;
            w.Line($"public {required}{TypeNames.Member(property.Type, property.IsNonNull)} {property.Name} {{ get; init; }}");
        }

        w.Close();
    }

    // System.Text.Json then reads and writes a model exactly as the client does, reflection-free: directly with
    // JsonSerializer, or through the user's own JsonSerializerContext (its generator honours the attribute).
    private static string ConverterAttribute(ApiSpec spec, SchemaSpec schema) =>
        $"[{KnownTypes.JsonConverter}(typeof({Emitter.JsonClass(spec)}.{GeneratedNames.Converter(schema.Name)}))]";

    private static void EmitEnum(SourceWriter w, ApiSpec spec, SchemaSpec schema)
    {
        var name = schema.Name;
        w.Doc("summary", schema.Description ?? $"The {schema.SpecName} values.");
        w.DocRaw("<remarks>An extensible enum: values the spec does not list are kept as they are, never rejected. Compared case-insensitively.</remarks>");
        w.Line(Emitter.GeneratedCodeAttribute);
        w.Line(ConverterAttribute(spec, schema));
        w.Open($"public readonly partial struct {name} : global::System.IEquatable<{name}>");
        w.Line("private readonly string? _value;");
        w.Line();
        w.DocRaw($"<summary>Creates a value, known or not.</summary>");
        w.DocRaw("<param name=\"value\">The wire value.</param>");
        w.Line($"public {name}(string value) => _value = value ?? throw new {KnownTypes.ArgumentNullException}(nameof(value));");
        foreach (var value in schema.Values)
        {
            w.Line();
            w.DocRaw($"<summary>The value <c>{CSharpText.XmlDoc(value.Value)}</c>.</summary>");
            w.Line($"public static {name} {value.Name} {{ get; }} = new({CSharpText.Literal(value.Value)});");
        }

        w.Line();
        w.DocRaw("<summary>The wire value.</summary>");
        w.Line("public string Value => _value ?? string.Empty;");
        w.Line();
        // Read values stay as the vendor wrote them (a raw status is reported as it came); only what is sent is normalised.
        w.DocRaw("<summary>What is sent: a known value in the spelling the spec documents, whatever case it was given in (values compare case-insensitively, vendors do not: Subclip refuses \"EN\"); any other value as it is.</summary>");
        w.Open($"internal string {GeneratedNames.EnumWireValue}");
        w.Open("get");
        w.Open($"foreach (var documented in {GeneratedNames.EnumDocumentedValues})");
        w.Open($"if (string.Equals(documented, Value, {KnownTypes.StringComparison}.OrdinalIgnoreCase))");
        w.Line("return documented;");
        w.Close();
        w.Close();
        w.Line();
        w.Line("return Value;");
        w.Close();
        w.Close();
        w.Line();
        w.Line($"private static readonly string[] {GeneratedNames.EnumDocumentedValues} = new string[] {{ {string.Join(", ", schema.Values.Select(v => CSharpText.Literal(v.Value)))} }};");
        w.Line();
        w.DocRaw("<summary>Whether the spec lists this value.</summary>");
        var known = schema.Values.Count == 0 ? "false" : string.Join(" || ", schema.Values.Select(v => $"Equals({v.Name})"));
        w.Line($"public bool IsKnown => {known};");
        w.Line();
        w.DocRaw("<inheritdoc />");
        w.Line($"public bool Equals({name} other) => string.Equals(Value, other.Value, {KnownTypes.StringComparison}.OrdinalIgnoreCase);");
        w.Line();
        w.DocRaw("<inheritdoc />");
        w.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
        w.Line();
        w.DocRaw("<inheritdoc />");
        w.Line("public override int GetHashCode() => global::System.StringComparer.OrdinalIgnoreCase.GetHashCode(Value);");
        w.Line();
        w.DocRaw("<summary>The wire value.</summary>");
        w.Line("public override string ToString() => Value;");
        w.Line();
        w.DocRaw("<summary>Compares two values case-insensitively.</summary>");
        w.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
        w.Line();
        w.DocRaw("<summary>Compares two values case-insensitively.</summary>");
        w.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
        w.Line();
        w.DocRaw("<summary>Wraps a wire value.</summary>");
        w.Line($"public static implicit operator {name}(string value) => new(value);");
        w.Close();
    }
}
