using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TranscriptKit.Generators.Model;
using YamlDotNet.RepresentationModel;

namespace TranscriptKit.Generators.Parsing;

/// <summary>The x-tk-* extensions that reshape operations: <c>x-tk-envelope</c>, <c>x-tk-upload</c>, <c>x-tk-sse</c>.</summary>
internal sealed partial class SpecParser
{
    // Ordered as the diagnostic lists them; each maps to the runtime's ErrorKind member of the same name.
    private static readonly KeyValuePair<string, EnvelopeErrorKind>[] s_errorKinds =
    {
        new("general", EnvelopeErrorKind.General),
        new("authentication", EnvelopeErrorKind.Authentication),
        new("forbidden", EnvelopeErrorKind.Forbidden),
        new("insufficient-credits", EnvelopeErrorKind.InsufficientCredits),
        new("rate-limit", EnvelopeErrorKind.RateLimit),
        new("not-found", EnvelopeErrorKind.NotFound),
        new("bad-request", EnvelopeErrorKind.BadRequest),
        new("server", EnvelopeErrorKind.Server),
    };

    private EnvelopeSpec? ParseEnvelope(YamlMappingNode root)
    {
        const string Key = "x-tk-envelope";
        if (Get(root, Key) is not { } node)
        {
            return null;
        }

        if (Map(node) is not { } map || Str(Get(map, "code")) is not { } code || Str(Get(map, "message")) is not { } message || Str(Get(map, "data")) is not { } data)
        {
            Report(Diagnostics.InvalidExtension, node, Key, "needs 'code', 'message' and 'data' field names");
            return null;
        }

        var success = new List<long>();
        foreach (var item in (Get(map, "success") as YamlSequenceNode)?.Children ?? Enumerable.Empty<YamlNode>())
        {
            if (long.TryParse(Str(item), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                success.Add(value);
            }
            else
            {
                Report(Diagnostics.InvalidExtension, item, Key + ".success", "must list integer codes");
            }
        }

        if (success.Count == 0)
        {
            Report(Diagnostics.InvalidExtension, Get(map, "success") ?? map, Key + ".success", "must list the codes that mean success, e.g. [200]");
            return null;
        }

        var rules = new List<EnvelopeRuleSpec>();
        var reasons = new HashSet<string>();
        foreach (var item in (Get(map, "errors") as YamlSequenceNode)?.Children ?? Enumerable.Empty<YamlNode>())
        {
            var rule = Map(item);
            var reason = Str(Get(rule, "reason"));
            var kindText = Str(Get(rule, "kind")) ?? "general";
            var kind = s_errorKinds.Where(k => k.Key == kindText).Select(k => (EnvelopeErrorKind?)k.Value).FirstOrDefault();
            if (rule is null || !long.TryParse(Str(Get(rule, "code")), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ruleCode) || reason is null || Naming.Pascal(reason) != reason || kind is null)
            {
                Report(Diagnostics.InvalidExtension, item, Key + ".errors", $"each rule needs an integer 'code', a PascalCase 'reason' and a 'kind' ({string.Join(", ", s_errorKinds.Select(k => k.Key))})");
                continue;
            }

            reasons.Add(reason);
            rules.Add(new EnvelopeRuleSpec(ruleCode, Str(Get(rule, "message-starts-with")), reason, kind.Value));
        }

        return new EnvelopeSpec(code, message, data, success.ToEquatableArray(), rules.ToEquatableArray());
    }

    /// <summary>An enveloped operation's 2xx schema is the whole envelope: the method returns its data field's type.</summary>
    private ResponseSpec? UnwrapEnvelope(ResponseSpec response, EnvelopeSpec envelope, Dictionary<string, SchemaEntry> schemas, string operationId, YamlNode at)
    {
        var envelopeSchema = response.Type is { Kind: TypeKind.Object } type ? SchemaByName(schemas, type.SchemaName!) : null;
        var data = envelopeSchema?.Properties.FirstOrDefault(p => p.JsonName == envelope.DataField);
        if (data is null || data.Type.Kind is not (TypeKind.Object or TypeKind.Array or TypeKind.Any))
        {
            Report(Diagnostics.InvalidExtension, at, "x-tk-envelope", $"{operationId}: the 2xx schema must be an envelope object whose '{envelope.DataField}' property is a $ref to the payload (or write x-tk-envelope: false on the operation)");
            return null;
        }

        return response with { Type = data.Type with { Nullable = false }, Envelope = response.Type };
    }

    private EquatableArray<UploadSpec> ParseUploads(List<ParsedOperation> operations, Dictionary<string, SchemaEntry> schemas)
    {
        const string Key = "x-tk-upload";
        var uploads = new List<UploadSpec>();
        foreach (var operation in operations)
        {
            if (Get(operation.Node, Key) is not { } node)
            {
                continue;
            }

            var map = Map(node);
            var name = Str(Get(map, "name"));
            var op = operation.Spec;
            var body = op.Body is { Kind: BodyKind.Json, JsonType: { } bodyType } ? SchemaByName(schemas, bodyType.SchemaName!) : null;
            var created = op.Response.Type is { Kind: TypeKind.Object } responseType ? SchemaByName(schemas, responseType.SchemaName!) : null;
            if (map is null || name is null || Naming.Pascal(name) != name || body is null || created is null || op.Parameters.Count > 0)
            {
                Report(Diagnostics.InvalidExtension, node, Key, "needs a PascalCase 'name', on an operation without parameters that takes a JSON body and answers with a JSON model");
                continue;
            }

            var ok = true;
            MemberRef? Member(SchemaSpec schema, string key, bool required, System.Func<TypeRef, bool> accepts, string expected)
            {
                var field = Str(Get(map, key));
                if (field is null)
                {
                    if (required)
                    {
                        Report(Diagnostics.InvalidExtension, map, $"{Key}.{key}", "is required");
                        ok = false;
                    }

                    return null;
                }

                var property = schema.Properties.FirstOrDefault(p => p.JsonName == field);
                if (property is null || !accepts(property.Type))
                {
                    Report(Diagnostics.InvalidExtension, Get(map, key)!, $"{Key}.{key}", $"{schema.SpecName} has no {expected} property '{field}'");
                    ok = false;
                    return null;
                }

                return new MemberRef(property.Name, property.Type, property.IsNonNull);
            }

            var url = Member(created, "url", true, t => t.Kind == TypeKind.String, "string");
            var fileName = Member(body, "file-name", false, t => t.Kind == TypeKind.String, "string");
            var contentType = Member(body, "content-type", false, t => t.Kind == TypeKind.String, "string");
            var size = Member(body, "size", false, t => t.IsNumber, "numeric");
            var result = Member(created, "result", false, _ => true, "result");
            long? maxSize = null;
            if (Get(map, "max-size") is { } maxNode)
            {
                if (long.TryParse(Str(maxNode), NumberStyles.Integer, CultureInfo.InvariantCulture, out var max) && max > 0)
                {
                    maxSize = max;
                }
                else
                {
                    Report(Diagnostics.InvalidExtension, maxNode, Key + ".max-size", "must be a positive number of bytes");
                    ok = false;
                }
            }

            var method = (Str(Get(map, "method")) ?? "PUT").ToUpperInvariant();
            if (method is not ("PUT" or "POST"))
            {
                Report(Diagnostics.InvalidExtension, Get(map, "method")!, Key + ".method", "must be PUT or POST");
                ok = false;
            }

            foreach (var property in body.Properties.Where(p => p.IsNonNull))
            {
                if (new[] { fileName, contentType, size }.All(m => m?.Name != property.Name))
                {
                    Report(Diagnostics.InvalidExtension, map, Key, $"required field '{property.JsonName}' of {body.SpecName} cannot be filled from the file; map it with file-name, content-type or size");
                    ok = false;
                }
            }

            string? completeMethod = null;
            string? completeBody = null;
            var assignments = new List<FieldAssignment>();
            if (Str(Get(map, "complete")) is { } completeId)
            {
                var complete = operations.FirstOrDefault(o => o.Spec.OperationId == completeId)?.Spec;
                var completeSchema = complete?.Body is { Kind: BodyKind.Json, JsonType: { } completeType } ? SchemaByName(schemas, completeType.SchemaName!) : null;
                if (complete is null || completeSchema is null || complete.Parameters.Count > 0)
                {
                    Report(Diagnostics.InvalidExtension, Get(map, "complete")!, Key + ".complete", $"'{completeId}' must be an operation without parameters that takes a JSON body");
                    ok = false;
                }
                else
                {
                    completeMethod = complete.MethodName;
                    completeBody = completeSchema.Name;
                    foreach (var pair in Map(Get(map, "complete-fields"))?.Children.ToList() ?? new List<KeyValuePair<YamlNode, YamlNode>>())
                    {
                        var target = completeSchema.Properties.FirstOrDefault(p => p.JsonName == Str(pair.Key));
                        var source = created.Properties.FirstOrDefault(p => p.JsonName == Str(pair.Value));
                        // The whole type must match (an object of another model, an array of other items): comparing
                        // kinds alone let CS0029 through. A nullable source is checked at run time by the emitter.
                        if (target is null || source is null || target.Type with { Nullable = false } != source.Type with { Nullable = false })
                        {
                            Report(Diagnostics.InvalidExtension, pair.Key, Key + ".complete-fields", $"'{Str(pair.Key)}: {Str(pair.Value)}' must name a {completeSchema.SpecName} field and a {created.SpecName} field of the same type");
                            ok = false;
                            continue;
                        }

                        assignments.Add(new FieldAssignment(new MemberRef(target.Name, target.Type, target.IsNonNull), new MemberRef(source.Name, source.Type, source.IsNonNull)));
                    }

                    foreach (var property in completeSchema.Properties.Where(p => p.IsNonNull && assignments.All(a => a.Target.Name != p.Name)))
                    {
                        Report(Diagnostics.InvalidExtension, Get(map, "complete")!, Key + ".complete-fields", $"required field '{property.JsonName}' of {completeSchema.SpecName} is not filled");
                        ok = false;
                    }
                }
            }

            if (ok)
            {
                uploads.Add(new UploadSpec(name, op.MethodName, body.Name, created.Name, url!, method, fileName, contentType, size, maxSize, result, completeMethod, completeBody, assignments.ToEquatableArray()));
            }
        }

        return uploads.ToEquatableArray();
    }

    private EquatableArray<SseSpec> ParseStreams(List<ParsedOperation> operations, Dictionary<string, SchemaEntry> schemas)
    {
        const string Key = "x-tk-sse";
        var streams = new List<SseSpec>();
        foreach (var operation in operations)
        {
            if (Get(operation.Node, Key) is not { } node)
            {
                continue;
            }

            if (operation.Spec.OtherBodies.Count > 0)
            {
                // The event-stream method mirrors the plain one's parameters; with several bodies there is no one to mirror.
                Report(Diagnostics.RequestContentTypes, node, $"{operation.Spec.OperationId}: x-tk-sse needs a request body with one content type");
                continue;
            }

            var map = Map(node);
            var name = Str(Get(map, "name"));
            if (map is null || name is null || Naming.Pascal(name) != name || Map(Get(map, "events")) is not { } events || events.Children.Count == 0)
            {
                Report(Diagnostics.InvalidExtension, node, Key, "needs a PascalCase 'name' and an 'events' mapping of event name → schema");
                continue;
            }

            var ok = true;
            var list = new List<SseEventSpec>();
            var taken = new HashSet<string>(ReservedNames.StreamEventMembers) { GeneratedNames.StreamEvent(name) };
            foreach (var pair in events.Children)
            {
                var eventName = Str(pair.Key) ?? string.Empty;
                var schemaName = Str(pair.Value);
                var schema = schemaName is null ? null : schemas.TryGetValue(schemaName, out var entry) ? entry.Spec : null;
                if (schema is null || schema.Kind != SchemaKind.Object)
                {
                    Report(Diagnostics.UnresolvedReference, pair.Value, "#/components/schemas/" + schemaName);
                    ok = false;
                    continue;
                }

                list.Add(new SseEventSpec(eventName, Naming.Unique(Naming.Pascal(eventName), taken), schema.Name));
            }

            var endEvent = Str(Get(map, "end-event"));
            if (endEvent is not null && list.All(e => e.EventName != endEvent))
            {
                Report(Diagnostics.InvalidExtension, Get(map, "end-event")!, Key + ".end-event", $"'{endEvent}' is not among the events");
                ok = false;
            }

            if (ok)
            {
                streams.Add(new SseSpec(name, operation.Spec.OperationId, list.ToEquatableArray(), endEvent, Str(Get(map, "error-event"))));
            }
        }

        return streams.ToEquatableArray();
    }

    private static SchemaSpec? SchemaByName(Dictionary<string, SchemaEntry> schemas, string name) =>
        schemas.Values.FirstOrDefault(s => s.Name == name)?.Spec;
}
