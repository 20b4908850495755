using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using TranscriptKit.Generators.Model;
using YamlDotNet.RepresentationModel;

namespace TranscriptKit.Generators.Parsing;

/// <summary>paths → operations: parameters, request bodies, responses, and the operation-level x-tk-* keys.</summary>
internal sealed partial class SpecParser
{
    private static readonly string[] s_methods = { "get", "put", "post", "delete", "patch", "head", "options" };
    private static readonly Regex s_pathParameter = new(@"\{([^}]+)\}", RegexOptions.Compiled);
    private static readonly Regex s_templateName = new(@"^[A-Za-z0-9_.]+$", RegexOptions.Compiled);

    private sealed record ParsedOperation(OperationSpec Spec, YamlMappingNode Node);

    private List<ParsedOperation> ParseOperations(YamlMappingNode root, Dictionary<string, SchemaEntry> schemas, EnvelopeSpec? envelope)
    {
        var operations = new List<ParsedOperation>();
        var seen = new Dictionary<string, int>();
        if (Map(Get(root, "paths")) is not { } paths)
        {
            Report(Diagnostics.InvalidDocument, Get(root, "paths") ?? root, "The spec has no 'paths' mapping");
            return operations;
        }

        foreach (var pathEntry in paths.Children)
        {
            var path = KeyText(pathEntry.Key);
            if (Map(pathEntry.Value) is not { } pathItem)
            {
                continue;
            }

            foreach (var methodEntry in pathItem.Children)
            {
                ThrowIfCancelled();
                var method = KeyText(methodEntry.Key);
                if (!s_methods.Contains(method) || Map(methodEntry.Value) is not { } node)
                {
                    continue;
                }

                var idNode = Get(node, "operationId");
                var operationId = Str(idNode);
                if (string.IsNullOrWhiteSpace(operationId))
                {
                    Report(Diagnostics.MissingOperationId, methodEntry.Key, method.ToUpperInvariant(), path);
                    continue;
                }

                if (seen.TryGetValue(operationId!, out var firstLine))
                {
                    Report(Diagnostics.DuplicateOperationId, idNode, operationId!, firstLine.ToString(CultureInfo.InvariantCulture));
                    continue;
                }

                seen[operationId!] = (int)idNode!.Start.Line;
                var spec = ParseOperation(operationId!, method, path, pathItem, node, schemas, envelope);
                if (spec is not null)
                {
                    operations.Add(new ParsedOperation(spec, node));
                }
            }
        }

        return operations;
    }

    private OperationSpec? ParseOperation(string operationId, string method, string path, YamlMappingNode pathItem, YamlMappingNode node, Dictionary<string, SchemaEntry> schemas, EnvelopeSpec? envelope)
    {
        var ok = true;
        var parameters = new List<ParameterSpec>();
        var parameterNames = new HashSet<string>(ReservedNames.OperationParameters);
        foreach (var parameterNode in ParameterNodes(pathItem).Concat(ParameterNodes(node)))
        {
            var parameter = ParseParameter(parameterNode, schemas, operationId, parameterNames);
            if (parameter is null)
            {
                ok = false;
                continue;
            }

            parameters.RemoveAll(p => p.WireName == parameter.WireName && p.In == parameter.In);
            parameters.Add(parameter);
        }

        foreach (Match match in s_pathParameter.Matches(path))
        {
            if (!parameters.Any(p => p.In == ParameterLocation.Path && p.WireName == match.Groups[1].Value))
            {
                Report(Diagnostics.InvalidDocument, node, $"{operationId}: path parameter '{{{match.Groups[1].Value}}}' is not declared in 'parameters'");
                ok = false;
            }
        }

        var bodies = Get(node, "requestBody") is { } bodyNode ? ParseRequestBodies(bodyNode, schemas, operationId, parameterNames) : null;
        if (Get(node, "requestBody") is not null && bodies is null)
        {
            ok = false;
        }

        var body = bodies?[0];

        var (response, errors) = ParseResponses(node, schemas, operationId);
        if (response is null)
        {
            ok = false;
        }

        var enveloped = false;
        if (response is not null && envelope is not null && Bool(Get(node, "x-tk-envelope")) != false)
        {
            response = UnwrapEnvelope(response, envelope, schemas, operationId, node);
            enveloped = response is not null;
            ok &= enveloped;
        }

        var idempotentNode = Get(node, "x-tk-idempotent");
        var idempotent = method is "get" or "put" or "delete" or "head" or "options";
        if (idempotentNode is not null)
        {
            if (Bool(idempotentNode) is { } value)
            {
                idempotent = value;
            }
            else
            {
                Report(Diagnostics.InvalidExtension, idempotentNode, "x-tk-idempotent", "must be true or false");
            }
        }

        // Whether a poll's start is paid is known only once the polls are read: the document step settles it (SettlePaid).
        var paid = false;
        if (Get(node, "x-tk-paid") is { } paidNode)
        {
            if (Bool(paidNode) is { } value)
            {
                paid = value;
                if (paid && idempotent && idempotentNode is not null)
                {
                    // A retried paid call can charge twice: the sacred property outranks the maintainer's retry wish.
                    Report(Diagnostics.InvalidExtension, idempotentNode, "x-tk-idempotent", $"{operationId} is x-tk-paid, so it must not be retried; remove x-tk-idempotent: true");
                    ok = false;
                }

                // A paid GET or PUT is not retried either: the method's idempotence is the HTTP promise, not the bill's.
                idempotent &= !paid;
            }
            else
            {
                Report(Diagnostics.InvalidExtension, paidNode, "x-tk-paid", "must be true or false");
                ok = false;
            }
        }

        double? timeout = null;
        if (Get(node, "x-tk-timeout") is { } timeoutNode)
        {
            if (Durations.TryParseSeconds(Str(timeoutNode), out var seconds))
            {
                timeout = seconds;
            }
            else
            {
                Report(Diagnostics.InvalidExtension, timeoutNode, "x-tk-timeout", "must be " + Durations.Expected);
                ok = false;
            }
        }

        if (bodies is { Count: > 1 } && !DistinctOverloads(operationId, parameters, bodies, Get(Map(Get(node, "requestBody")), "content") ?? node))
        {
            ok = false;
        }

        if (!ok)
        {
            return null;
        }

        // operationIds with one C# name (getJob, get_job) are refused by the name-reservation step, not numbered.
        return new OperationSpec(
            operationId,
            Naming.Pascal(operationId),
            method.ToUpperInvariant(),
            path,
            UrlTemplate(path, parameters),
            Prose(Get(node, "summary")),
            Prose(Get(node, "description")),
            idempotent,
            paid,
            timeout,
            Bool(Get(node, "x-tk-inferred")) == true,
            parameters.ToEquatableArray(),
            body,
            response!,
            errors.ToEquatableArray(),
            enveloped)
        {
            OtherBodies = (bodies is null ? new List<RequestBodySpec>() : bodies.Skip(1).ToList()).ToEquatableArray(),
        };
    }

    private IEnumerable<YamlMappingNode> ParameterNodes(YamlMappingNode owner)
    {
        if (Get(owner, "parameters") is not YamlSequenceNode sequence)
        {
            yield break;
        }

        foreach (var item in sequence.Children)
        {
            if (Map(item) is { } map)
            {
                var resolved = ResolveComponent(map, "parameters");
                if (resolved is not null)
                {
                    yield return resolved;
                }
            }
        }
    }

    /// <summary>Follows a <c>$ref</c> into components/&lt;section&gt;; reports and returns null when it does not resolve.</summary>
    private YamlMappingNode? ResolveComponent(YamlMappingNode node, string section)
    {
        if (Get(node, "$ref") is not { } refNode)
        {
            return node;
        }

        var reference = Str(refNode) ?? string.Empty;
        var prefix = $"#/components/{section}/";
        if (reference.StartsWith(prefix, System.StringComparison.Ordinal) && Map(Get(Map(Get(_components, section)), reference.Substring(prefix.Length))) is { } target)
        {
            return target;
        }

        Report(Diagnostics.UnresolvedReference, refNode, reference);
        return null;
    }

    private ParameterSpec? ParseParameter(YamlMappingNode node, Dictionary<string, SchemaEntry> schemas, string operationId, HashSet<string> names)
    {
        var name = Str(Get(node, "name"));
        var location = Str(Get(node, "in"));
        if (name is null || location is null)
        {
            Report(Diagnostics.InvalidDocument, node, $"{operationId}: a parameter needs 'name' and 'in'");
            return null;
        }

        ParameterLocation where;
        switch (location)
        {
            case "path":
                where = ParameterLocation.Path;
                break;
            case "query":
                where = ParameterLocation.Query;
                break;
            case "header":
                where = ParameterLocation.Header;
                break;
            default:
                Report(Diagnostics.UnsupportedConstruct, Get(node, "in")!, $"{operationId}: parameters in '{location}' are not supported");
                return null;
        }

        if (where != ParameterLocation.Header && !s_templateName.IsMatch(name))
        {
            Report(Diagnostics.UnsupportedConstruct, Get(node, "name")!, $"{operationId}: parameter name '{name}' must use only letters, digits, '_' and '.'");
            return null;
        }

        if (where == ParameterLocation.Header && !IsHeaderName(name))
        {
            Report(Diagnostics.InvalidDocument, Get(node, "name")!, $"{operationId}: header name {Shown(name)} is not an HTTP token (letters, digits and !#$%&'*+-.^_`|~)");
            return null;
        }

        var type = Get(node, "schema") is { } schemaNode ? ResolveType(schemaNode, schemas, $"{operationId}.{name}", allowFile: false) : new TypeRef(TypeKind.String);
        if (type is null)
        {
            return null;
        }

        if (!type.IsPrimitive && type.Kind != TypeKind.Enum)
        {
            Report(Diagnostics.UnsupportedConstruct, Get(node, "schema")!, $"{operationId}: parameter '{name}' must be a string, number, integer, boolean or string enum");
            return null;
        }

        var required = where == ParameterLocation.Path || Bool(Get(node, "required")) == true;
        return new ParameterSpec(name, Naming.Unique(Naming.Camel(name), names), where, type, required, Prose(Get(node, "description")));
    }

    /// <summary>
    /// The request body, one <see cref="RequestBodySpec"/> per content type in spec order: the first is the primary
    /// (<see cref="OperationSpec.Body"/>), the rest become overloads or <c>x-tk-method</c> methods.
    /// </summary>
    private List<RequestBodySpec>? ParseRequestBodies(YamlNode bodyNode, Dictionary<string, SchemaEntry> schemas, string operationId, HashSet<string> names)
    {
        if (Map(bodyNode) is not { } map || ResolveComponent(map, "requestBodies") is not { } body)
        {
            return null;
        }

        var required = Bool(Get(body, "required")) == true;
        var description = Prose(Get(body, "description"));
        var content = Map(Get(body, "content"));
        if (content is null || content.Children.Count == 0)
        {
            Report(Diagnostics.UnsupportedConstruct, content ?? (YamlNode)body, $"{operationId}: a request body needs at least one content type");
            return null;
        }

        var bodies = new List<RequestBodySpec>();
        var ok = true;
        foreach (var pair in content.Children)
        {
            // Each content type names its own parameters: a multipart 'body' field does not clash with the JSON 'body'.
            var own = new HashSet<string>(names);
            var parsed = ParseRequestBody(pair.Key, Map(pair.Value), schemas, operationId, own, required, description);
            if (parsed is null)
            {
                ok = false;
                continue;
            }

            if (content.Children.Count > 1 && Get(Map(pair.Value), "x-tk-method") is { } methodNode)
            {
                if (Str(methodNode) is not { Length: > 0 } method || Naming.Pascal(method) != method.Substring(0, 1).ToUpperInvariant() + method.Substring(1))
                {
                    Report(Diagnostics.InvalidExtension, methodNode, "x-tk-method", "must be an operationId-like name of letters and digits, e.g. uploadTranscription");
                    ok = false;
                    continue;
                }

                parsed = parsed with { MethodName = GeneratedNames.OperationMethod(Naming.Pascal(method)) };
            }
            else if (Get(Map(pair.Value), "x-tk-method") is { } lone)
            {
                Report(Diagnostics.InvalidExtension, lone, "x-tk-method", $"{operationId} has one request content type; its method is named by the operationId");
                ok = false;
                continue;
            }

            bodies.Add(parsed);
        }

        if (!ok)
        {
            return null;
        }

        names.UnionWith(bodies.SelectMany(b => b.Kind == BodyKind.Json ? new[] { "body" } : b.Fields.Select(f => f.Name)));
        return bodies;
    }

    /// <summary>
    /// Content types that share a method name become overloads, which C# tells apart only by the types of their
    /// required parameters: two with the same list would not compile (or a call would be ambiguous), so x-tk-method must
    /// name one of them.
    /// </summary>
    private bool DistinctOverloads(string operationId, List<ParameterSpec> parameters, List<RequestBodySpec> bodies, YamlNode at)
    {
        var fixedTypes = parameters.Where(p => p.Required).Select(p => Signature(p.Type));
        var seen = new Dictionary<string, string>();
        foreach (var body in bodies)
        {
            var bodyTypes = body.Kind == BodyKind.Json
                ? (body.Required ? new[] { Signature(body.JsonType!) } : new string[0])
                : body.Fields.Where(f => f.Required).Select(f => Signature(f.Type));
            var key = (body.MethodName ?? string.Empty) + "(" + string.Join(", ", fixedTypes.Concat(bodyTypes)) + ")";
            if (seen.TryGetValue(key, out var other))
            {
                Report(Diagnostics.RequestContentTypes, at, $"{operationId}: the {other} and {body.MediaType} bodies would make two methods with the same required parameter types; give one of them x-tk-method: <name>");
                return false;
            }

            seen[key] = body.MediaType;
        }

        return true;

        // Required parameters are declared non-nullable, so nullability does not tell overloads apart.
        static string Signature(TypeRef type) => (type with { Nullable = false }).ToString();
    }

    private RequestBodySpec? ParseRequestBody(YamlNode mediaKey, YamlMappingNode? media, Dictionary<string, SchemaEntry> schemas, string operationId, HashSet<string> names, bool required, string? description)
    {
        var mediaType = KeyText(mediaKey);
        var schemaNode = Get(media, "schema");
        if (schemaNode is null)
        {
            Report(Diagnostics.InvalidDocument, mediaKey, $"{operationId}: the request body's {mediaType} has no schema");
            return null;
        }

        switch (mediaType)
        {
            case "application/json":
                var type = ResolveType(schemaNode, schemas, operationId + " body", allowFile: false);
                if (type is null)
                {
                    return null;
                }

                if (type.Kind != TypeKind.Object)
                {
                    Report(Diagnostics.UnsupportedConstruct, schemaNode, $"{operationId}: a JSON request body must be a $ref to an object schema");
                    return null;
                }

                names.Add("body");
                return new RequestBodySpec(BodyKind.Json, required, type, description, EquatableArray<FieldSpec>.Empty) { MediaType = mediaType };
            case "application/x-www-form-urlencoded":
            case "multipart/form-data":
                var multipart = mediaType == "multipart/form-data";
                var fields = ParseFields(schemaNode, schemas, operationId, multipart, names);
                return fields is null ? null : new RequestBodySpec(multipart ? BodyKind.Multipart : BodyKind.Form, required, null, description, fields.ToEquatableArray()) { MediaType = mediaType };
            default:
                Report(Diagnostics.UnsupportedConstruct, mediaKey, $"{operationId}: request content type '{mediaType}' is not supported (application/json, application/x-www-form-urlencoded, multipart/form-data)");
                return null;
        }
    }

    private List<FieldSpec>? ParseFields(YamlNode schemaNode, Dictionary<string, SchemaEntry> schemas, string operationId, bool multipart, HashSet<string> names)
    {
        var schema = Map(schemaNode);
        if (schema is not null && Get(schema, "$ref") is { } refNode)
        {
            var reference = Str(refNode) ?? string.Empty;
            schema = reference.StartsWith(SchemaRefPrefix, System.StringComparison.Ordinal) && schemas.TryGetValue(reference.Substring(SchemaRefPrefix.Length), out var entry) ? entry.Node : null;
            if (schema is null)
            {
                Report(Diagnostics.UnresolvedReference, refNode, reference);
                return null;
            }
        }

        if (Map(Get(schema, "properties")) is not { } properties)
        {
            Report(Diagnostics.UnsupportedConstruct, schemaNode, $"{operationId}: form and multipart bodies must be objects with 'properties'");
            return null;
        }

        var required = RequiredNames(schema!, operationId);
        var fields = new List<FieldSpec>();
        foreach (var pair in properties.Children)
        {
            var wireName = KeyText(pair.Key);
            var type = ResolveType(pair.Value, schemas, $"{operationId}.{wireName}", allowFile: multipart);
            if (type is null)
            {
                return null;
            }

            if (!type.IsPrimitive && type.Kind is not (TypeKind.Enum or TypeKind.File))
            {
                Report(Diagnostics.UnsupportedConstruct, pair.Value, $"{operationId}: form field '{wireName}' must be a primitive{(multipart ? " or a binary file" : string.Empty)}");
                return null;
            }

            fields.Add(new FieldSpec(wireName, Naming.Unique(Naming.Camel(wireName), names), type, required.Contains(wireName), Prose(Get(Map(pair.Value), "description"))));
        }

        return fields;
    }

    private (ResponseSpec? Success, List<ErrorResponseSpec> Errors) ParseResponses(YamlMappingNode node, Dictionary<string, SchemaEntry> schemas, string operationId)
    {
        var errors = new List<ErrorResponseSpec>();
        if (Map(Get(node, "responses")) is not { } responses)
        {
            Report(Diagnostics.InvalidDocument, node, $"{operationId} has no 'responses'");
            return (null, errors);
        }

        ResponseSpec? success = null;
        foreach (var pair in responses.Children)
        {
            var status = KeyText(pair.Key);
            if (Map(pair.Value) is not { } raw || ResolveComponent(raw, "responses") is not { } response)
            {
                continue;
            }

            var description = Prose(Get(response, "description"));
            var content = Map(Get(response, "content"));
            if (status.StartsWith("2", System.StringComparison.Ordinal))
            {
                if (success is not null)
                {
                    continue;
                }

                success = ParseSuccess(content, schemas, operationId, description, pair.Key);
                if (success is null)
                {
                    return (null, errors);
                }

                success = success with { Status = status };
            }
            else
            {
                var schemaRef = Str(Get(Map(Get(Map(content?.Children.Values.FirstOrDefault()), "schema")), "$ref"));
                var schemaName = schemaRef is not null && schemaRef.StartsWith(SchemaRefPrefix, System.StringComparison.Ordinal) && schemas.TryGetValue(schemaRef.Substring(SchemaRefPrefix.Length), out var entry) ? entry.Name : null;
                if (schemaRef is not null && schemaName is null)
                {
                    Report(Diagnostics.UnresolvedReference, Get(Map(Get(Map(content!.Children.Values.First()), "schema")), "$ref")!, schemaRef);
                }

                errors.Add(new ErrorResponseSpec(status, description));
            }
        }

        if (success is null)
        {
            Report(Diagnostics.InvalidDocument, responses, $"{operationId} documents no 2xx response");
        }

        return (success, errors);
    }

    private ResponseSpec? ParseSuccess(YamlMappingNode? content, Dictionary<string, SchemaEntry> schemas, string operationId, string? description, YamlNode at)
    {
        if (content is null || content.Children.Count == 0)
        {
            return new ResponseSpec(ResponseKind.None, null, description);
        }

        foreach (var pair in content.Children)
        {
            var mediaType = KeyText(pair.Key);
            var schemaNode = Get(Map(pair.Value), "schema");
            if (mediaType == "application/json")
            {
                if (schemaNode is null)
                {
                    Report(Diagnostics.InvalidDocument, pair.Key, $"{operationId}: the JSON response has no schema");
                    return null;
                }

                var type = ResolveType(schemaNode, schemas, operationId + " response", allowFile: false);
                return type is null ? null : new ResponseSpec(ResponseKind.Json, type, description);
            }

            if (mediaType is "text/plain")
            {
                return new ResponseSpec(ResponseKind.Text, new TypeRef(TypeKind.String), description);
            }
        }

        Report(Diagnostics.UnsupportedConstruct, at, $"{operationId}: no supported success content type (application/json or text/plain)");
        return null;
    }

    /// <summary>An RFC 9110 token: what HttpClient accepts as a header name (anything else fails at send time, or worse).</summary>
    private static bool IsHeaderName(string name) =>
        name.Length > 0 && name.All(c => c < 127 && (char.IsLetterOrDigit(c) || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0));

    /// <summary><c>/transcribe/{id}/poll</c> + query parameters → <c>{+baseurl}/transcribe/{id}/poll{?a,b}</c>.</summary>
    private static string UrlTemplate(string path, IEnumerable<ParameterSpec> parameters)
    {
        var builder = new StringBuilder("{+baseurl}").Append(path);
        var query = parameters.Where(p => p.In == ParameterLocation.Query).Select(p => p.WireName).ToList();
        if (query.Count > 0)
        {
            builder.Append("{?").Append(string.Join(",", query)).Append('}');
        }

        return builder.ToString();
    }
}
