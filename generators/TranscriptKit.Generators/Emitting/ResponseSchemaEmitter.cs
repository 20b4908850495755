using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TranscriptKit.Generators.Model;

namespace TranscriptKit.Generators.Emitting;

/// <summary>
/// Emits <c>&lt;Name&gt;ResponseSchema</c>: the spec's documented status codes and response models, compact enough for the
/// drift check to compare live answers with the spec at run time without the YAML. The client's vendor descriptor
/// points at <c>Create</c>, which runs only when a client turns drift checking on.
/// </summary>
internal static class ResponseSchemaEmitter
{
    public static string Emit(ApiSpec spec)
    {
        var enums = spec.Schemas.Where(s => s.Kind == SchemaKind.Enum).ToDictionary(s => s.Name, s => s.Values);
        var w = Emitter.Begin(spec);
        w.DocRaw($"<summary>The response schemas of {CSharpText.XmlDoc(spec.DisplayName)}'s spec, for the drift check.</summary>");
        w.Line(Emitter.GeneratedCodeAttribute);
        w.Open($"internal static class {GeneratedNames.ResponseSchema(spec.ClientName)}");
        w.DocRaw("<summary>Builds the schema table; called once per client that checks drift.</summary>");
        w.Line($"public static {KnownTypes.ResponseSchema} Create() => new(");
        w.Line($"    {CSharpText.Literal(spec.VendorId)},");
        w.Line($"    new {KnownTypes.ResponseModel}[]");
        w.Line("    {");
        foreach (var model in spec.Schemas.Where(s => s.Kind == SchemaKind.Object))
        {
            var properties = string.Join(", ", model.Properties.Select(p => $"new {KnownTypes.SchemaProperty}({CSharpText.Literal(p.JsonName)}, {Node(p.Type, enums)}, {(p.Required ? "true" : "false")})"));
            w.Line($"        new({CSharpText.Literal(model.Name)}, new {KnownTypes.SchemaProperty}[] {{ {properties} }}),");
        }

        w.Line("    },");
        w.Line($"    new {KnownTypes.OperationResponse}[]");
        w.Line("    {");
        foreach (var operation in spec.Operations)
        {
            var statuses = Statuses(operation);
            var statusList = statuses is null ? string.Empty : string.Join(", ", statuses.Select(s => s.ToString(CultureInfo.InvariantCulture)));

            // An enveloped body is checked whole ({code, msg, data}), so drift inside data has a path under $.data; a text body has no schema.
            var body = operation.Response is { Kind: ResponseKind.Json, Type: { } type } ? Node(operation.Response.Envelope ?? type, enums) : "null";
            var stream = spec.Streams.FirstOrDefault(s => s.OperationId == operation.OperationId);
            var events = stream is null
                ? string.Empty
                : $", new global::System.Collections.Generic.Dictionary<string, {KnownTypes.SchemaNode}>(global::System.StringComparer.Ordinal) {{ {string.Join(", ", stream.Events.Select(e => $"[{CSharpText.Literal(e.EventName)}] = new {KnownTypes.SchemaNode}({KnownTypes.SchemaKind}.Object, Model: {CSharpText.Literal(e.SchemaName)})"))} }}";
            w.Line($"        new({CSharpText.Literal(operation.OperationId)}, new int[] {{ {statusList} }}, {body}{events}),");
        }

        w.Line("    });");
        w.Close();
        return w.ToString();
    }

    // Null when a range (4XX) or 'default' is documented: then every status is documented and none is reported.
    private static List<int>? Statuses(OperationSpec operation)
    {
        var result = new List<int>();
        foreach (var status in new[] { operation.Response.Status }.Concat(operation.Errors.Select(e => e.Status)))
        {
            if (!int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                return null;
            }

            result.Add(code);
        }

        return result;
    }

    private static string Node(TypeRef type, Dictionary<string, EquatableArray<EnumValueSpec>> enums)
    {
        var nullable = type.Nullable ? ", Nullable: true" : string.Empty;
        return type.Kind switch
        {
            TypeKind.String => $"new {KnownTypes.SchemaNode}({KnownTypes.SchemaKind}.String{nullable})",
            TypeKind.Enum when type.Open => $"new {KnownTypes.SchemaNode}({KnownTypes.SchemaKind}.String{nullable})",
            TypeKind.Int32 or TypeKind.Int64 => $"new {KnownTypes.SchemaNode}({KnownTypes.SchemaKind}.Integer{nullable})",
            TypeKind.Double => $"new {KnownTypes.SchemaNode}({KnownTypes.SchemaKind}.Number{nullable})",
            TypeKind.Boolean => $"new {KnownTypes.SchemaNode}({KnownTypes.SchemaKind}.Boolean{nullable})",
            TypeKind.Object => $"new {KnownTypes.SchemaNode}({KnownTypes.SchemaKind}.Object, Model: {CSharpText.Literal(type.SchemaName ?? string.Empty)}{nullable})",
            TypeKind.Enum => $"new {KnownTypes.SchemaNode}({KnownTypes.SchemaKind}.String{nullable}, EnumValues: new string[] {{ {EnumValues(type, enums)} }})",
            TypeKind.Array when type.Item is { } item => $"new {KnownTypes.SchemaNode}({KnownTypes.SchemaKind}.Array, Item: {Node(item, enums)}{nullable})",
            _ => $"new {KnownTypes.SchemaNode}({KnownTypes.SchemaKind}.Any)",
        };
    }

    private static string EnumValues(TypeRef type, Dictionary<string, EquatableArray<EnumValueSpec>> enums) =>
        type.SchemaName is { } name && enums.TryGetValue(name, out var values) ? string.Join(", ", values.Select(v => CSharpText.Literal(v.Value))) : string.Empty;
}
