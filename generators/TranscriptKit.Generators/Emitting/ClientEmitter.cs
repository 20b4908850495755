using System.Collections.Generic;
using System.Linq;
using TranscriptKit.Generators.Model;

namespace TranscriptKit.Generators.Emitting;

/// <summary>The client options, the client interface, and the client class with one async method per operation.</summary>
internal static class ClientEmitter
{
    public static string EmitOptions(ApiSpec spec)
    {
        var w = Emitter.Begin(spec);
        var options = Emitter.OptionsClass(spec);
        w.DocRaw($"<summary>Settings for <see cref=\"{Emitter.ClientClass(spec)}\"/>: endpoint, credentials, timeouts, retries, clock.</summary>");
        w.Line(Emitter.GeneratedCodeAttribute);
        w.Open($"public sealed partial class {options} : {KnownTypes.ClientOptions}");
        w.DocRaw($"<summary>The documented base URL, <c>{CSharpText.XmlDoc(spec.DefaultEndpoint)}</c>.</summary>");
        w.Line($"public static {KnownTypes.Uri} DefaultEndpoint {{ get; }} = new({CSharpText.Literal(spec.DefaultEndpoint)});");
        w.Line();
        w.DocRaw("<summary>Creates options that target <see cref=\"DefaultEndpoint\"/>.</summary>");
        w.Line($"public {options}()");
        w.Line("    : base(DefaultEndpoint)");
        w.Line("{");
        w.Line("}");
        switch (spec.Auth.Kind)
        {
            case AuthKind.Bearer:
                w.Line();
                w.Doc("summary", $"The {spec.DisplayName} API key, sent as a bearer token. Never logged or shown in errors.");
                w.Line("public string? ApiKey { get; set; }");
                break;
            case AuthKind.ApiKeyHeaders:
                w.Line();
                w.Doc("summary", $"The {spec.DisplayName} API key, sent in the {spec.Auth.KeyHeader} header. Never logged or shown in errors.");
                w.Line("public string? ApiKey { get; set; }");
                w.Line();
                w.Doc("summary", $"The {spec.DisplayName} API secret, sent in the {spec.Auth.SecretHeader} header. Never logged or shown in errors.");
                w.Line("public string? ApiSecret { get; set; }");
                break;
        }

        w.Close();
        return w.ToString();
    }

    public static string EmitInterface(ApiSpec spec)
    {
        var w = Emitter.Begin(spec);
        w.Doc("summary", $"The {spec.DisplayName} API: one method per operation of its spec. Implemented by {Emitter.ClientClass(spec)}; mock it in tests.");
        w.Line(Emitter.GeneratedCodeAttribute);
        w.Open($"public partial interface {Emitter.Interface(spec)}");
        var first = true;
        foreach (var operation in spec.Operations.SelectMany(o => o.Variants().Select(v => (Variant: v, Several: o.OtherBodies.Count > 0))))
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            WriteDocs(w, operation.Variant, operation.Several);
            w.Line($"{ReturnType(operation.Variant)} {operation.Variant.MethodName}({string.Join(", ", Parameters(operation.Variant).Select(p => p.Declaration))});");
        }

        w.Close();
        return w.ToString();
    }

    public static string EmitClient(ApiSpec spec)
    {
        var w = Emitter.Begin(spec);
        var client = Emitter.ClientClass(spec);
        var options = Emitter.OptionsClass(spec);
        w.Doc("summary", $"A client for the {spec.Title}. Thread-safe: create one and reuse it.");
        if (spec.Description is not null)
        {
            w.Doc("remarks", spec.Description);
        }

        w.Line(Emitter.GeneratedCodeAttribute);
        w.Open($"public partial class {client} : {Emitter.Interface(spec)}, global::System.IDisposable");
        w.DocRaw("<summary>The vendor id used in errors, job tokens and configuration.</summary>");
        w.Line($"public const string VendorId = {CSharpText.Literal(spec.VendorId)};");
        w.Line();
        var messages = string.Join(", ", spec.ErrorMessagePaths.Select(CSharpText.Literal));
        var codes = string.Join(", ", spec.ErrorCodePaths.Select(CSharpText.Literal));
        w.Line($"private static readonly {KnownTypes.VendorDescriptor} s_vendor = new(VendorId, {CSharpText.Literal(spec.DisplayName)}, new string[] {{ {messages} }}, new string[] {{ {codes} }}, {EnvelopeExpression(spec.Envelope)}, {GeneratedNames.ResponseSchema(spec.ClientName)}.Create);");
        foreach (var operation in spec.Operations)
        {
            var timeout = operation.TimeoutSeconds is { } seconds ? $"{KnownTypes.TimeSpan}.FromSeconds({CSharpText.Number(seconds)})" : "null";
            w.Line($"private static readonly {KnownTypes.OperationDescriptor} {DescriptorField(operation)} = new({CSharpText.Literal(operation.OperationId)}, {(operation.Idempotent ? "true" : "false")}, {timeout});");
        }

        w.Line($"private readonly {KnownTypes.ClientPipeline} _pipeline;");
        w.Line();
        w.DocRaw("<summary>Creates a client with its own <see cref=\"global::System.Net.Http.HttpClient\"/>.</summary>");
        w.DocRaw("<param name=\"options\">Endpoint, credentials and behaviour.</param>");
        w.Line($"public {client}({options} options)");
        w.Line("    : this(options, httpClient: null)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.DocRaw("<summary>Creates a client on a caller's <see cref=\"global::System.Net.Http.HttpClient\"/> (for example from <c>IHttpClientFactory</c>). Its <c>BaseAddress</c> is ignored: requests go to <c>options.Endpoint</c>.</summary>");
        w.DocRaw("<param name=\"httpClient\">The client to send with; not disposed by this client.</param>");
        w.DocRaw("<param name=\"options\">Endpoint, credentials and behaviour.</param>");
        w.Line($"public {client}({KnownTypes.HttpClient} httpClient, {options} options)");
        w.Line($"    : this(options, httpClient ?? throw new {KnownTypes.ArgumentNullException}(nameof(httpClient)))");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.DocRaw("<summary>For mocking frameworks only: every method of an instance made this way must be overridden.</summary>");
        w.Open($"protected {client}()");
        w.Line("_pipeline = null!;");
        w.Close();
        w.Line();
        w.Open($"private {client}({options} options, {KnownTypes.HttpClient}? httpClient)");
        w.Line($"{KnownTypes.ArgumentNullException}.ThrowIfNull(options);");
        w.Line($"_pipeline = new {KnownTypes.ClientPipeline}(s_vendor{LimitsArgument(spec)}, options, CreateAuthentication(options), httpClient);");
        w.Close();
        w.Line();
        EmitCreateAuthentication(w, spec, options);

        foreach (var operation in spec.Operations)
        {
            foreach (var variant in operation.Variants())
            {
                w.Line();
                EmitOperation(w, spec, variant);
            }

            if (operation.Response is { Kind: ResponseKind.Json, Type: { Kind: TypeKind.Array } array })
            {
                JsonEmitter.EmitArrayReaders(w, Emitter.JsonClass(spec), array, ResponseOwner(operation), operation.OperationId + " response");
            }
        }

        foreach (var operation in spec.Operations.Select(o => o.Variants().FirstOrDefault(v => v.Body is { Kind: BodyKind.Json })).OfType<OperationSpec>())
        {
            w.Line();
            w.Line($"partial void {ValidateMethod(operation)}({TypeNames.Of(operation.Body!.JsonType!, nullable: false)} body);");
        }

        w.Line();
        w.DocRaw("<summary>Releases the HTTP client this instance created (a caller's client is left alone).</summary>");
        w.Open("public void Dispose()");
        w.Line("Dispose(true);");
        w.Line("global::System.GC.SuppressFinalize(this);");
        w.Close();
        w.Line();
        w.DocRaw("<summary>Releases resources.</summary>");
        w.DocRaw("<param name=\"disposing\">True when called from <see cref=\"Dispose()\"/>.</param>");
        w.Open("protected virtual void Dispose(bool disposing)");
        w.Open("if (disposing)");
        w.Line("_pipeline?.Dispose();");
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static void EmitCreateAuthentication(SourceWriter w, ApiSpec spec, string options)
    {
        w.Open($"private static {KnownTypes.AuthenticationProvider} CreateAuthentication({options} options)");
        w.Open("if (options.AuthenticationProvider is { } custom)");
        w.Line("return custom;");
        w.Close();
        w.Line();
        switch (spec.Auth.Kind)
        {
            case AuthKind.Bearer:
                w.Open("if (string.IsNullOrWhiteSpace(options.ApiKey))");
                w.Line($"throw new {KnownTypes.ArgumentException}({CSharpText.Literal($"{options}.ApiKey is required: set it to your {spec.DisplayName} API key (or set AuthenticationProvider).")}, nameof(options));");
                w.Close();
                w.Line();
                w.Line($"return new {KnownTypes.BearerAuth}(options.ApiKey);");
                break;
            case AuthKind.ApiKeyHeaders:
                w.Open("if (string.IsNullOrWhiteSpace(options.ApiKey) || string.IsNullOrWhiteSpace(options.ApiSecret))");
                w.Line($"throw new {KnownTypes.ArgumentException}({CSharpText.Literal($"{options}.ApiKey and ApiSecret are both required: set them to your {spec.DisplayName} key and secret (or set AuthenticationProvider).")}, nameof(options));");
                w.Close();
                w.Line();
                w.Line($"return new {KnownTypes.ApiKeyHeadersAuth}({CSharpText.Literal(spec.Auth.KeyHeader!)}, options.ApiKey, {CSharpText.Literal(spec.Auth.SecretHeader!)}, options.ApiSecret);");
                break;
            default:
                w.Line("return new global::Microsoft.Kiota.Abstractions.Authentication.AnonymousAuthenticationProvider();");
                break;
        }

        w.Close();
    }

    private static void EmitOperation(SourceWriter w, ApiSpec spec, OperationSpec operation)
    {
        var json = Emitter.JsonClass(spec);
        var parameters = Parameters(operation);
        w.DocRaw("<inheritdoc />");
        w.Open($"public virtual {ReturnType(operation)} {operation.MethodName}({string.Join(", ", parameters.Select(p => p.Declaration))})");
        var body = EmitRequest(w, spec, operation);
        var call = $"request, {body}, {DescriptorField(operation)}";

        // One pipeline call sends and reads: the body is parsed from a pooled buffer, and no response is handed out.
        // The method is not async: the pipeline's task is handed back as it is, so a vendor's error is rethrown at one
        // await fewer (each costs about 2 µs), and argument checks throw at the call, as the task-based pattern asks of
        // usage errors.
        switch (operation.Response.Kind)
        {
            case ResponseKind.Json when operation.Enveloped:
                w.Line($"return _pipeline.SendAndReadEnvelopeAsync({call}, {ReaderFunction(json, operation.Response.Type!, operation)}, cancellationToken).AsTask();");
                break;
            case ResponseKind.Json:
                w.Line($"return _pipeline.SendAndReadJsonAsync({call}, {ReaderFunction(json, operation.Response.Type!, operation)}, cancellationToken).AsTask();");
                break;
            case ResponseKind.Text:
                w.Line($"return _pipeline.SendAndReadTextAsync({call}, cancellationToken).AsTask();");
                break;
            default:
                w.Line($"return _pipeline.SendAndDiscardAsync({call}, cancellationToken).AsTask();");
                break;
        }

        w.Close();
    }

    /// <summary>Argument checks, the <c>RequestInformation</c> and the body; returns the body's variable (or <c>null</c>).</summary>
    internal static string EmitRequest(SourceWriter w, ApiSpec spec, OperationSpec operation)
    {
        var json = Emitter.JsonClass(spec);
        var parameters = Parameters(operation);
        foreach (var parameter in parameters.Where(p => p.Required))
        {
            // Path segments must not be empty; a body field may legitimately be an empty string.
            if (parameter.Type.Kind == TypeKind.String && operation.Parameters.Any(p => p.Name == parameter.Name && p.In == ParameterLocation.Path))
            {
                w.Line($"{KnownTypes.ArgumentException}.ThrowIfNullOrWhiteSpace({parameter.Name});");
            }
            else if (!parameter.Type.IsValueType || parameter.Type.Kind == TypeKind.String)
            {
                w.Line($"{KnownTypes.ArgumentNullException}.ThrowIfNull({parameter.Name});");
            }
        }

        w.Line($"var request = _pipeline.CreateRequest({KnownTypes.Method}.{operation.HttpMethod}, {CSharpText.Literal(operation.UrlTemplate)});");
        foreach (var parameter in operation.Parameters)
        {
            // Built by concatenation, never string.Format: a header name may hold braces.
            var target = parameter.In switch
            {
                ParameterLocation.Path => $"request.PathParameters[{CSharpText.Literal(parameter.WireName)}] = ",
                ParameterLocation.Query => $"request.QueryParameters[{CSharpText.Literal(parameter.WireName)}] = ",
                _ => $"request.Headers.Add({CSharpText.Literal(parameter.WireName)}, ",
            };
            var end = parameter.In == ParameterLocation.Header ? ");" : ";";
            if (parameter.Required)
            {
                w.Line(target + Wire(parameter.Type, parameter.Name) + end);
            }
            else
            {
                w.Open($"if ({parameter.Name} is not null)");
                w.Line(target + Wire(parameter.Type, PresentValue(parameter.Type, parameter.Name)) + end);
                w.Close();
            }
        }

        var body = "null";
        if (operation.Body is { } requestBody)
        {
            body = "content";
            switch (requestBody.Kind)
            {
                case BodyKind.Json:
                    // A vendor package may implement this partial method for rules the spec cannot state.
                    w.Line(requestBody.Required ? $"{ValidateMethod(operation)}(body);" : $"if (body is not null) {ValidateMethod(operation)}(body);");
                    var write = $"{json}.{GeneratedNames.Write(requestBody.JsonType!.SchemaName!)}";
                    w.Line(requestBody.Required
                        ? $"var content = {KnownTypes.JsonRequestBody}.Create(body, {write});"
                        : $"var content = body is null ? null : {KnownTypes.JsonRequestBody}.Create(body, {write});");
                    break;
                case BodyKind.Form:
                    var fields = requestBody.Fields.Select(f => $"new({CSharpText.Literal(f.WireName)}, {(f.Required ? Wire(f.Type, f.Name) : NullableWire(f.Type, f.Name))})");
                    w.Line($"var content = new {KnownTypes.FormRequestBody}(new {KnownTypes.KeyValuePair}<string, string?>[] {{ {string.Join(", ", fields)} }});");
                    break;
                case BodyKind.Multipart:
                    w.Line($"var content = new {KnownTypes.MultipartRequestBody}(progress);");
                    foreach (var field in requestBody.Fields)
                    {
                        if (field.Type.Kind == TypeKind.File)
                        {
                            w.Line(field.Required
                                ? $"content.AddFile({CSharpText.Literal(field.WireName)}, {field.Name});"
                                : $"if ({field.Name} is not null) content.AddFile({CSharpText.Literal(field.WireName)}, {field.Name});");
                        }
                        else
                        {
                            w.Line($"content.AddField({CSharpText.Literal(field.WireName)}, {(field.Required ? Wire(field.Type, field.Name) : NullableWire(field.Type, field.Name))});");
                        }
                    }

                    break;
            }
        }

        return body;
    }

    private static string EnvelopeExpression(EnvelopeSpec? envelope)
    {
        if (envelope is null)
        {
            return "null";
        }

        var codes = string.Join(", ", envelope.SuccessCodes.Select(c => CSharpText.Number(c) + "L"));
        var rules = string.Join(", ", envelope.Rules.Select(r =>
            $"new({CSharpText.Number(r.Code)}L, {(r.MessagePrefix is null ? "null" : CSharpText.Literal(r.MessagePrefix))}, {CSharpText.Literal(r.Reason)}, {KnownTypes.ErrorKindMember(r.Kind)})"));
        return $"new {KnownTypes.EnvelopeDescriptor}({CSharpText.Literal(envelope.CodeField)}, {CSharpText.Literal(envelope.MessageField)}, {CSharpText.Literal(envelope.DataField)}, new long[] {{ {codes} }}, new {KnownTypes.EnvelopeErrorRule}[] {{ {rules} }})";
    }

    /// <summary>
    /// The definition's limits for the pipeline's rate limiter, when the spec states a rate or plans (one source: the
    /// definition). Read when a client is built, not in a static initializer: the definition's own initializer reaches
    /// the client's, so a static reference would read it while still null.
    /// </summary>
    private static string LimitsArgument(ApiSpec spec) =>
        VendorDefinitionEmitter.HasDefinition(spec) && (spec.Limits.RateLimit is not null || spec.Limits.Plans.Count > 0)
            ? $" with {{ Limits = {GeneratedNames.Vendor(spec.ClientName)}.Definition.Limits }}"
            : string.Empty;

    /// <summary>A <c>JsonReadFunc</c> for a whole response body of <paramref name="type"/>.</summary>
    internal static string ReaderFunction(string json, TypeRef type, OperationSpec operation) =>
        type.Kind is TypeKind.Object or TypeKind.Enum
            ? $"{json}.{GeneratedNames.Read(type.SchemaName!)}"
            : $"static (ref {KnownTypes.Utf8JsonReader} reader) => {KnownTypes.JsonPrimitives}.Required({JsonEmitter.ReadExpression(json, type, "reader", GeneratedNames.ArrayReader(ResponseOwner(operation), 1))}, {CSharpText.Literal(operation.OperationId + " response")})";

    private static string ResponseOwner(OperationSpec operation) => GeneratedNames.ResponseArrayOwner(operation.Name);

    /// <summary>A non-null value as the text sent on the wire.</summary>
    private static string Wire(TypeRef type, string expression) => type.Kind switch
    {
        TypeKind.String => expression,
        TypeKind.Enum => expression + "." + GeneratedNames.EnumWireValue,
        TypeKind.Boolean => $"({expression} ? \"true\" : \"false\")",
        _ => $"{expression}.ToString({KnownTypes.InvariantCulture})",
    };

    /// <summary>
    /// A possibly-null value as wire text or null. No locals are declared, so no name the spec chooses can clash with
    /// one the emitter invents.
    /// </summary>
    private static string NullableWire(TypeRef type, string expression) => type.Kind switch
    {
        TypeKind.String => expression,
        TypeKind.Enum => expression + "?." + GeneratedNames.EnumWireValue,
        TypeKind.Boolean => $"({expression} is null ? null : ({expression}.Value ? \"true\" : \"false\"))",
        _ => $"{expression}?.ToString({KnownTypes.InvariantCulture})",
    };

    /// <summary>An optional parameter already tested for null, as its non-null value.</summary>
    private static string PresentValue(TypeRef type, string expression) => type.IsValueType ? expression + ".Value" : expression;

    /// <summary><c>ValidateCreateJob</c>: the hook a vendor package implements to check a body before it is sent.</summary>
    internal static string ValidateMethod(OperationSpec operation) => GeneratedNames.ValidateHook(operation.Name);

    internal static string DescriptorField(OperationSpec operation) => GeneratedNames.OperationDescriptor(operation.Name);

    internal static string ReturnType(OperationSpec operation) => operation.Response.Kind switch
    {
        ResponseKind.Json => $"{KnownTypes.Task}<{TypeNames.Of(operation.Response.Type!, nullable: false)}>",
        ResponseKind.Text => $"{KnownTypes.Task}<string>",
        _ => KnownTypes.Task,
    };

    internal sealed record MethodParameter(string Name, TypeRef Type, bool Required, string Declaration, string? Description);

    /// <summary>Required parameters first (path, query, body), then optional ones, then progress and the token.</summary>
    internal static List<MethodParameter> Parameters(OperationSpec operation)
    {
        var required = new List<MethodParameter>();
        var optional = new List<MethodParameter>();
        foreach (var p in operation.Parameters)
        {
            Add(p.Name, p.Type, p.Required, p.Description);
        }

        if (operation.Body is { } body)
        {
            if (body.Kind == BodyKind.Json)
            {
                Add("body", body.JsonType!, body.Required, body.Description ?? "The request body.");
            }
            else
            {
                foreach (var f in body.Fields)
                {
                    Add(f.Name, f.Type, f.Required, f.Description);
                }
            }
        }

        var all = required.Concat(optional).ToList();
        if (operation.Body?.Kind == BodyKind.Multipart)
        {
            all.Add(new MethodParameter("progress", new TypeRef(TypeKind.Any), false, $"{KnownTypes.Progress}<{KnownTypes.UploadProgress}>? progress = null", "Receives the number of bytes sent as the upload streams."));
        }

        all.Add(new MethodParameter("cancellationToken", new TypeRef(TypeKind.Any), false, $"{KnownTypes.CancellationToken} cancellationToken = default", "Cancels the request."));
        return all;

        void Add(string name, TypeRef type, bool isRequired, string? description)
        {
            if (isRequired)
            {
                required.Add(new MethodParameter(name, type, true, $"{TypeNames.Of(type, nullable: false)} {name}", description));
            }
            else
            {
                optional.Add(new MethodParameter(name, type, false, $"{TypeNames.Of(type, nullable: true)} {name} = null", description));
            }
        }
    }

    private static void WriteDocs(SourceWriter w, OperationSpec operation, bool several)
    {
        w.Doc("summary", operation.Summary ?? $"Calls {operation.HttpMethod} {operation.Path}.");
        var remarks = new List<string>();
        if (operation.Description is not null)
        {
            remarks.Add(CSharpText.XmlDoc(operation.Description));
        }

        remarks.Add($"<c>{operation.HttpMethod} {CSharpText.XmlDoc(operation.Path)}</c> (operationId <c>{CSharpText.XmlDoc(operation.OperationId)}</c>)." + (operation.Idempotent ? string.Empty : " Not retried after a 5xx or a timeout, because the vendor may already have acted on it."));
        if (several)
        {
            remarks.Add($"Sends the request body as <c>{CSharpText.XmlDoc(operation.Body!.MediaType)}</c>; the operation has one method per request content type.");
        }

        if (operation.Inferred)
        {
            remarks.Add("Inferred: the vendor's documentation does not show this operation's details (x-tk-inferred).");
        }

        w.DocRaw("<remarks>" + string.Join(" ", remarks) + "</remarks>");
        foreach (var parameter in Parameters(operation))
        {
            w.DocRaw($"<param name=\"{GeneratedNames.DocParameter(parameter.Name)}\">{CSharpText.XmlDoc(parameter.Description ?? "The '" + parameter.Name + "' value.")}</param>");
        }

        if (operation.Response.Kind != ResponseKind.None)
        {
            w.DocRaw($"<returns>{CSharpText.XmlDoc(operation.Response.Description ?? "The response.")}</returns>");
        }

        var errors = operation.Errors.Count == 0
            ? "The vendor answered with an error status."
            : "The vendor answered with an error: " + string.Join("; ", operation.Errors.Select(e => CSharpText.XmlDoc($"{e.Status} {e.Description}".TrimEnd().TrimEnd('.')))) + ".";
        w.DocRaw($"<exception cref=\"{KnownTypes.TranscriptKitException}\">{errors}</exception>");
    }
}
