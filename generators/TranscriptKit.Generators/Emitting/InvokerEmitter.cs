using System.Collections.Generic;
using System.Linq;
using TranscriptKit.Generators.Model;

namespace TranscriptKit.Generators.Emitting;

/// <summary>
/// The operation invokers of <c>&lt;Name&gt;Vendor</c>: one private method per operation (<c>Call…</c>) and per upload
/// helper (<c>Upload…</c>) that turns wire text into the typed method's arguments and its result into JSON text.
/// </summary>
internal static class InvokerEmitter
{
    private const string Invocation = KnownTypes.OperationInvocation;
    private const string Arguments = KnownTypes.OperationArguments;
    private const string Result = KnownTypes.OperationResult;
    private const string Event = KnownTypes.OperationEvent;

    public static string CallName(OperationSpec operation) => "Call" + operation.Name;

    public static string UploadName(UploadSpec upload) => "Upload" + upload.Name + "Helper";

    /// <summary>Whether every argument of the operation has a wire-text form, so an invoker can be written.</summary>
    public static bool CanInvoke(OperationSpec operation) =>
        operation.Parameters.All(p => HasWireForm(p.Type))
        && operation.Variants().All(v => v.Body switch
        {
            null => true,
            { Kind: BodyKind.Json } body => body.JsonType!.Kind == TypeKind.Object,
            { } body => body.Fields.Count(f => f.Type.Kind == TypeKind.File) <= 1 && body.Fields.All(f => f.Type.Kind == TypeKind.File || HasWireForm(f.Type)),
        });

    public static void EmitClientCast(SourceWriter w, ApiSpec spec)
    {
        var client = Emitter.Interface(spec);
        w.Open($"private static {client} Client(object client)");
        w.Line($"return client as {client} ?? throw new {KnownTypes.ArgumentException}({CSharpText.Literal($"{spec.DisplayName}'s operations need an {client}, not ")} + (client?.GetType().Name ?? \"null\") + \".\", nameof(client));");
        w.Close();
    }

    public static void EmitOperation(SourceWriter w, ApiSpec spec, OperationSpec operation)
    {
        var json = Emitter.JsonClass(spec);
        var stream = spec.Streams.FirstOrDefault(s => s.OperationId == operation.OperationId);
        w.Open($"private static async {KnownTypes.Task}<{Result}> {CallName(operation)}(object client, {Arguments} arguments, {KnownTypes.CancellationToken} cancellationToken)");
        w.Line("var target = Client(client);");
        var variant = 0;
        foreach (var other in operation.Variants().Skip(1))
        {
            // The arguments say which content type the caller means: a JSON body → JSON, else a file → multipart, else
            // text fields → the form; none of them → the first (primary) content type.
            var when = other.Body!.Kind switch
            {
                BodyKind.Json => "arguments.Body is not null",
                BodyKind.Multipart => "arguments.Body is null && arguments.File is not null",
                _ => "arguments.Body is null && arguments.File is null && arguments.Form.Count > 0",
            };
            var prefix = "v" + CSharpText.Number(++variant);
            w.Open($"if ({when})");
            var otherCall = EmitArguments(w, json, other, prefix + "a");
            w.Line($"{Invocation}.NoStream(arguments, {CSharpText.Literal(operation.OperationId)});");
            EmitReturn(w, json, other, otherCall, prefix + "Result");
            w.Close();
            w.Line();
        }

        var call = EmitArguments(w, json, operation, "a");

        if (stream is not null)
        {
            EmitStream(w, json, stream, call);
        }
        else
        {
            w.Line($"{Invocation}.NoStream(arguments, {CSharpText.Literal(operation.OperationId)});");
        }

        EmitReturn(w, json, operation, call, "result");
        w.Close();
        w.Line();
    }

    /// <summary>One local per method argument, named <paramref name="prefix"/>0, 1…; returns the call's argument list.</summary>
    private static string EmitArguments(SourceWriter w, string json, OperationSpec operation, string prefix)
    {
        var names = new List<string>();
        var index = 0;
        foreach (var parameter in ClientEmitter.Parameters(operation).Where(p => p.Name is not ("progress" or "cancellationToken")))
        {
            var local = prefix + CSharpText.Number(index++);
            names.Add(local);
            w.Line($"var {local} = {ArgumentExpression(json, operation, parameter, local)};");
        }

        return string.Join(", ", names.Concat(new[] { "cancellationToken: cancellationToken" }));
    }

    private static void EmitReturn(SourceWriter w, string json, OperationSpec operation, string call, string result)
    {
        switch (operation.Response.Kind)
        {
            case ResponseKind.None:
                w.Line($"await target.{operation.MethodName}({call}).ConfigureAwait(false);");
                w.Line($"return {Result}.None;");
                break;
            case ResponseKind.Text:
                w.Line($"return {Result}.FromText(await target.{operation.MethodName}({call}).ConfigureAwait(false));");
                break;
            default:
                w.Line($"var {result} = await target.{operation.MethodName}({call}).ConfigureAwait(false);");
                w.Line($"return {Result}.FromText({WriteExpression(w, json, operation.Response.Type!, result)});");
                break;
        }
    }

    public static void EmitUpload(SourceWriter w, ApiSpec spec, UploadSpec upload)
    {
        var json = Emitter.JsonClass(spec);
        w.Open($"private static async {KnownTypes.Task}<{Result}> {UploadName(upload)}(object client, {Arguments} arguments, {KnownTypes.CancellationToken} cancellationToken)");
        w.Line($"{Invocation}.NoStream(arguments, {CSharpText.Literal("x-tk-upload " + upload.Name)});");
        w.Line($"var result = await Client(client).{GeneratedNames.Upload(upload.Name)}({Invocation}.File(arguments, \"file\"), cancellationToken: cancellationToken).ConfigureAwait(false);");
        var type = upload.Result is { } member ? member.Type : new TypeRef(TypeKind.Object, upload.CreateResponseType);
        w.Line($"return {Result}.FromText({WriteExpression(w, json, type, "result")});");
        w.Close();
        w.Line();
    }

    private static void EmitStream(SourceWriter w, string json, SseSpec stream, string call)
    {
        w.Open("if (arguments.Stream)");
        w.Line($"var events = new global::System.Collections.Generic.List<{Event}>();");
        w.Open("try");
        w.Open($"await foreach (var item in global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait(target.{GeneratedNames.Stream(stream.Name)}({call}), false))");
        w.Line("string? data = null;");
        var index = 0;
        foreach (var item in stream.Events)
        {
            var local = "d" + CSharpText.Number(index);
            w.Open($"{(index++ == 0 ? string.Empty : "else ")}if (item.{item.PropertyName} is {{ }} {local})");
            w.Line($"data = {WriteExpression(w, json, new TypeRef(TypeKind.Object, item.SchemaName), local)};");
            w.Close();
        }

        w.Line();
        w.Line($"events.Add(new {Event}(item.EventType, data));");
        w.Close();
        w.Close();
        // Events that arrived before a failure are part of what happened; a failure before any event is simply thrown.
        w.Open($"catch ({KnownTypes.TranscriptKitException} failure) when (events.Count > 0)");
        w.Line($"return {Result}.FromEvents(events, failure);");
        w.Close();
        w.Line();
        w.Line($"return {Result}.FromEvents(events, null);");
        w.Close();
        w.Line();
    }

    /// <summary>A string as is; anything else through the generated writers.</summary>
    private static string WriteExpression(SourceWriter w, string json, TypeRef type, string value)
    {
        if (type.Kind == TypeKind.String)
        {
            return value;
        }

        var inner = new SourceWriter();
        JsonEmitter.WriteValue(inner, json, type, value, 0);
        return $"{Invocation}.Write(writer => {{ {string.Join(" ", inner.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))} }})";
    }

    private static string ArgumentExpression(string json, OperationSpec operation, ClientEmitter.MethodParameter parameter, string local)
    {
        if (operation.Body is { Kind: BodyKind.Json } body && parameter.Name == "body")
        {
            var parse = $"{json}.{GeneratedNames.Parse(body.JsonType!.SchemaName!)}";
            return body.Required
                ? $"{parse}({Invocation}.Body(arguments, {CSharpText.Literal(operation.OperationId)}))"
                : $"arguments.Body is {{ }} {local}Body ? {parse}({local}Body.Span) : null";
        }

        if (operation.Parameters.FirstOrDefault(p => p.Name == parameter.Name) is { } spec)
        {
            var (source, where) = spec.In switch
            {
                ParameterLocation.Path => ("arguments.Path", "path"),
                ParameterLocation.Query => ("arguments.Query", "query"),
                _ => ("arguments.Headers", "header"),
            };
            return Text(source, where, spec.WireName, spec.Type, spec.Required, local);
        }

        var field = operation.Body!.Fields.First(f => f.Name == parameter.Name);
        if (field.Type.Kind == TypeKind.File)
        {
            return field.Required ? $"{Invocation}.File(arguments, {CSharpText.Literal(field.WireName)})" : "arguments.File";
        }

        return Text("arguments.Form", "form", field.WireName, field.Type, field.Required, local);
    }

    private static string Text(string source, string where, string wireName, TypeRef type, bool required, string local)
    {
        var name = CSharpText.Literal(wireName);
        if (required)
        {
            return Convert(type, $"{Invocation}.Required({source}, {name}, {CSharpText.Literal(where)})", name);
        }

        // Optional values keep their nullable type, so the method sees "absent" rather than a default.
        return $"{Invocation}.Optional({source}, {name}) is {{ }} {local}Text ? ({TypeNames.Of(type, nullable: true)}){Convert(type, local + "Text", name)} : null";
    }

    private static string Convert(TypeRef type, string text, string name) => type.Kind switch
    {
        TypeKind.String => text,
        TypeKind.Int32 => $"{Invocation}.Int32({text}, {name})",
        TypeKind.Int64 => $"{Invocation}.Int64({text}, {name})",
        TypeKind.Double => $"{Invocation}.Double({text}, {name})",
        TypeKind.Boolean => $"{Invocation}.Boolean({text}, {name})",
        TypeKind.Any => $"{Invocation}.Any({text}, {name})",
        TypeKind.Enum => $"new {type.SchemaName}({text})",
        _ => throw new System.ArgumentOutOfRangeException(nameof(type), type.Kind, "no wire-text form"),
    };

    private static bool HasWireForm(TypeRef type) => type.Kind is TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Boolean or TypeKind.Any or TypeKind.Enum;
}
