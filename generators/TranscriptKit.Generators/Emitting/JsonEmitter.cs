using System.Collections.Generic;
using System.Linq;
using TranscriptKit.Generators.Model;

namespace TranscriptKit.Generators.Emitting;

/// <summary>
/// Reflection-free JSON: a <c>Utf8JsonReader</c> reader and a <c>Utf8JsonWriter</c> writer per model and enum.
/// (System.Text.Json's own generator never sees types another generator emits, so we write the metadata's job here.)
/// </summary>
internal static class JsonEmitter
{
    private const string Reader = KnownTypes.Utf8JsonReader;
    private const string Writer = KnownTypes.Utf8JsonWriter;
    private const string Primitives = KnownTypes.JsonPrimitives;

    public static string Emit(ApiSpec spec)
    {
        var w = Emitter.Begin(spec);
        var json = Emitter.JsonClass(spec);
        w.Doc("summary", $"Reads and writes the {spec.DisplayName} models as JSON without reflection (trimming- and AOT-safe). Readers accept trailing commas and skip unknown fields.");
        w.Doc("remarks", "Plumbing of the generated client, hidden from IntelliSense. To serialize a model yourself, use System.Text.Json's JsonSerializer: every model names its converter here with [JsonConverter].");
        w.Line(Emitter.GeneratedCodeAttribute);
        w.Line(KnownTypes.HiddenFromEditor);
        w.Open($"public static partial class {json}");
        foreach (var schema in spec.Schemas)
        {
            if (schema.Kind == SchemaKind.Enum)
            {
                EmitEnum(w, schema);
            }
            else
            {
                EmitModelReader(w, json, schema);
                EmitModelWriter(w, json, schema);
            }
        }

        EmitParseMethods(w, spec);
        foreach (var schema in spec.Schemas)
        {
            EmitConverter(w, spec, schema);
        }

        w.Close();
        return w.ToString();
    }

    private static void EmitParseMethods(SourceWriter w, ApiSpec spec)
    {
        foreach (var schema in spec.Schemas.Where(s => s.Kind == SchemaKind.Object))
        {
            w.DocRaw($"<summary>Parses a whole JSON document as <see cref=\"{schema.Name}\"/>.</summary>");
            w.DocRaw("<param name=\"utf8Json\">The document's UTF-8 bytes.</param>");
            w.Line($"public static {schema.Name} {GeneratedNames.Parse(schema.Name)}(global::System.ReadOnlySpan<byte> utf8Json) => {Primitives}.Parse(utf8Json, {GeneratedNames.Read(schema.Name)});");
            w.Line();
        }
    }

    private static void EmitConverter(SourceWriter w, ApiSpec spec, SchemaSpec schema)
    {
        // Fully qualified: the converter's name may not shadow a model inside this class, but the model's may.
        var type = $"global::{spec.Namespace}.{schema.Name}";
        var converter = GeneratedNames.Converter(schema.Name);
        w.DocRaw($"<summary>Lets System.Text.Json read and write <see cref=\"{type}\"/> the way the client does (named by the model's <c>[JsonConverter]</c>).</summary>");
        w.Line(KnownTypes.HiddenFromEditor);
        w.Open($"public sealed class {converter} : {KnownTypes.JsonConverter}<{type}>");
        w.DocRaw("<inheritdoc />");
        w.Line($"public override {type} Read(ref {Reader} reader, global::System.Type typeToConvert, {KnownTypes.JsonSerializerOptions} options) => {GeneratedNames.Read(schema.Name)}(ref reader);");
        w.Line();
        w.DocRaw("<inheritdoc />");
        w.Line($"public override void Write({Writer} writer, {type} value, {KnownTypes.JsonSerializerOptions} options) => {GeneratedNames.Write(schema.Name)}(writer, value);");
        w.Close();
        w.Line();
    }

    private static void EmitEnum(SourceWriter w, SchemaSpec schema)
    {
        w.DocRaw($"<summary>Reads a <see cref=\"{schema.Name}\"/> or null; unknown values are kept.</summary>");
        w.Line($"public static {schema.Name}? {GeneratedNames.ReadNullable(schema.Name)}(ref {Reader} reader) => {Primitives}.ReadString(ref reader) is {{ }} value ? new {schema.Name}(value) : ({schema.Name}?)null;");
        w.Line();
        w.DocRaw($"<summary>Reads a <see cref=\"{schema.Name}\"/>; null is an error.</summary>");
        w.Line($"public static {schema.Name} {GeneratedNames.Read(schema.Name)}(ref {Reader} reader) => {Primitives}.Required({GeneratedNames.ReadNullable(schema.Name)}(ref reader), {CSharpText.Literal(schema.SpecName)});");
        w.Line();
        w.DocRaw($"<summary>Writes a <see cref=\"{schema.Name}\"/>.</summary>");
        w.Line($"public static void {GeneratedNames.Write(schema.Name)}({Writer} writer, {schema.Name} value) => writer.WriteStringValue(value.{GeneratedNames.EnumWireValue});");
        w.Line();
    }

    private static void EmitModelReader(SourceWriter w, string json, SchemaSpec schema)
    {
        var properties = schema.Properties;
        w.DocRaw($"<summary>Reads a <see cref=\"{schema.Name}\"/>; null is an error.</summary>");
        w.Line($"public static {schema.Name} {GeneratedNames.Read(schema.Name)}(ref {Reader} reader) => {Primitives}.Required({GeneratedNames.ReadNullable(schema.Name)}(ref reader), {CSharpText.Literal(schema.SpecName)});");
        w.Line();
        w.DocRaw($"<summary>Reads a <see cref=\"{schema.Name}\"/> or null.</summary>");
        w.Open($"public static {schema.Name}? {GeneratedNames.ReadNullable(schema.Name)}(ref {Reader} reader)");
        w.Open($"if (reader.TokenType == {KnownTypes.JsonTokenType}.Null)");
        w.Line("return null;");
        w.Close();
        w.Line();
        w.Line($"{Primitives}.ExpectStartObject(ref reader, {CSharpText.Literal(schema.SpecName)});");
        for (var i = 0; i < properties.Count; i++)
        {
            w.Line($"{TypeNames.Of(properties[i].Type, nullable: true)} {Local("p", i)} = default;");
            if (properties[i].Required)
            {
                w.Line($"var {Local("has", i)} = false;");
            }
        }

        w.Open($"while (reader.Read() && reader.TokenType == {KnownTypes.JsonTokenType}.PropertyName)");
        for (var i = 0; i < properties.Count; i++)
        {
            w.Open($"{(i == 0 ? "if" : "else if")} (reader.ValueTextEquals({CSharpText.Utf8Literal(properties[i].JsonName)}))");
            w.Line($"{Primitives}.ReadValue(ref reader);");
            w.Line($"{Local("p", i)} = {ReadExpression(json, properties[i].Type, "reader", GeneratedNames.ArrayReader(ArrayOwner(schema, properties[i]), 1))};");
            if (properties[i].Required)
            {
                w.Line($"{Local("has", i)} = true;");
            }

            w.Close();
        }

        if (properties.Count == 0)
        {
            w.Line($"{Primitives}.SkipValue(ref reader);");
        }
        else
        {
            w.Open("else");
            w.Line($"{Primitives}.SkipValue(ref reader);");
            w.Close();
        }

        w.Close();
        w.Line();
        w.Open($"return new {schema.Name}");
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            var type = CSharpText.Literal(schema.SpecName);
            var name = CSharpText.Literal(p.JsonName);
            var (read, has) = (Local("p", i), Local("has", i));
            var value =
                p.IsNonNull ? $"{has} ? ({read} ?? throw {Primitives}.NullProperty({type}, {name})) : throw {Primitives}.MissingProperty({type}, {name})" :
                p.Required ? $"{has} ? {read} : throw {Primitives}.MissingProperty({type}, {name})" :
                read;
            w.Line($"{p.Name} = {value},");
        }

        w.Close(";");
        w.Close();
        foreach (var property in properties.Where(p => p.Type.Kind == TypeKind.Array))
        {
            EmitArrayReaders(w, json, property.Type, ArrayOwner(schema, property), $"{schema.SpecName}.{property.JsonName}");
        }

        w.Line();
    }

    /// <summary>A numbered local of the generated code (<c>p0</c>, <c>has0</c>), numbered the invariant way.</summary>
    private static string Local(string prefix, int index) => prefix + CSharpText.Number(index);

    private static string ArrayOwner(SchemaSpec schema, PropertySpec property) => GeneratedNames.PropertyArrayOwner(schema.Name, property.Name);

    /// <summary>
    /// An expression reading one value in its nullable form. An array is read by the named method
    /// <paramref name="arrayReader"/> (see <see cref="EmitArrayReaders"/>), never by a nested lambda.
    /// </summary>
    internal static string ReadExpression(string json, TypeRef type, string reader, string arrayReader) => type.Kind switch
    {
        TypeKind.String => $"{Primitives}.ReadString(ref {reader})",
        TypeKind.Int32 => $"{Primitives}.ReadInt32(ref {reader})",
        TypeKind.Int64 => $"{Primitives}.ReadInt64(ref {reader})",
        TypeKind.Double => $"{Primitives}.ReadDouble(ref {reader})",
        TypeKind.Boolean => $"{Primitives}.ReadBoolean(ref {reader})",
        TypeKind.Any => $"{Primitives}.ReadElement(ref {reader})",
        TypeKind.Object or TypeKind.Enum => $"{json}.{GeneratedNames.ReadNullable(type.SchemaName!)}(ref {reader})",
        TypeKind.Array => $"{arrayReader}(ref {reader})",
        _ => throw new System.ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>
    /// One named reader method per array level. Nested lambdas made compile time exponential in the nesting depth
    /// (each lambda's body is bound once per overload of the call around it); a method per level keeps it linear.
    /// </summary>
    internal static void EmitArrayReaders(SourceWriter w, string json, TypeRef array, string owner, string what)
    {
        var type = array;
        for (var level = 1; type.Kind == TypeKind.Array; level++)
        {
            var item = type.Item!;
            var itemType = TypeNames.Of(item, item.Nullable);
            var read = ReadExpression(json, item, "item", GeneratedNames.ArrayReader(owner, level + 1));
            if (!item.Nullable)
            {
                read = $"{Primitives}.Required({read}, {CSharpText.Literal(what + " item")})";
            }

            w.Line();
            w.DocRaw($"<summary>Reads the array <c>{CSharpText.XmlDoc(what)}</c>.</summary>");
            w.Line($"private static {KnownTypes.ReadOnlyList}<{itemType}>? {GeneratedNames.ArrayReader(owner, level)}(ref {Reader} reader) => {Primitives}.ReadArray<{itemType}>(ref reader, static (ref {Reader} item) => {read});");
            what += "[]";
            type = item;
        }
    }

    private static void EmitModelWriter(SourceWriter w, string json, SchemaSpec schema)
    {
        w.DocRaw($"<summary>Writes a <see cref=\"{schema.Name}\"/>; absent optional fields are left out.</summary>");
        w.Open($"public static void {GeneratedNames.Write(schema.Name)}({Writer} writer, {schema.Name} value)");
        w.Line($"{KnownTypes.ArgumentNullException}.ThrowIfNull(writer);");
        w.Line($"{KnownTypes.ArgumentNullException}.ThrowIfNull(value);");
        w.Line("writer.WriteStartObject();");
        var index = 0;
        foreach (var p in schema.Properties)
        {
            var name = CSharpText.Utf8Literal(p.JsonName);
            if (p.IsNonNull)
            {
                w.Line($"writer.WritePropertyName({name});");
                WriteValue(w, json, p.Type, $"value.{p.Name}", 0);
            }
            else
            {
                var local = Local("v", index++);
                w.Open($"if (value.{p.Name} is {{ }} {local})");
                w.Line($"writer.WritePropertyName({name});");
                WriteValue(w, json, p.Type, local, 0);
                w.Close();
                if (p.Required)
                {
                    w.Open("else");
                    w.Line($"writer.WritePropertyName({name});");
                    w.Line("writer.WriteNullValue();");
                    w.Close();
                }
            }
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
        w.Line();
    }

    /// <summary>Statements writing a non-null value.</summary>
    internal static void WriteValue(SourceWriter w, string json, TypeRef type, string expression, int depth)
    {
        switch (type.Kind)
        {
            case TypeKind.String:
                w.Line($"writer.WriteStringValue({expression});");
                break;
            case TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double:
                w.Line($"writer.WriteNumberValue({expression});");
                break;
            case TypeKind.Boolean:
                w.Line($"writer.WriteBooleanValue({expression});");
                break;
            case TypeKind.Any:
                w.Line($"{expression}.WriteTo(writer);");
                break;
            case TypeKind.Object or TypeKind.Enum:
                w.Line($"{json}.{GeneratedNames.Write(type.SchemaName!)}(writer, {expression});");
                break;
            case TypeKind.Array:
                var item = Local("i", depth);
                w.Line("writer.WriteStartArray();");
                w.Open($"foreach (var {item} in {expression})");
                if (type.Item!.Nullable)
                {
                    var present = Local("n", depth);
                    w.Open($"if ({item} is {{ }} {present})");
                    WriteValue(w, json, type.Item, present, depth + 1);
                    w.Close();
                    w.Open("else");
                    w.Line("writer.WriteNullValue();");
                    w.Close();
                }
                else
                {
                    WriteValue(w, json, type.Item, item, depth + 1);
                }

                w.Close();
                w.Line("writer.WriteEndArray();");
                break;
            default:
                throw new System.ArgumentOutOfRangeException(nameof(type));
        }
    }
}
