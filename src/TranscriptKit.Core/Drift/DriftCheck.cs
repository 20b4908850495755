using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace TranscriptKit.Runtime;

/// <summary>
/// Compares one response with its operation's <see cref="ResponseSchema"/> and adds every difference to a
/// <see cref="DriftReport"/>. Only called when drift checking is on; it never throws on a body it cannot read
/// (the generated reader reports that), so turning the check on cannot change what a call returns.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DriftCheck
{
    // Long enough to recognise a value, short enough that a transcript or a token never lands whole in a log line.
    internal const int MaxRawLength = 80;

    /// <summary>Checks the status code against the operation's documented ones.</summary>
    /// <param name="schema">The vendor's response schema.</param>
    /// <param name="operationId">The operation.</param>
    /// <param name="status">The HTTP status code that arrived.</param>
    /// <param name="report">Where differences go.</param>
    public static void CheckStatus(ResponseSchema schema, string operationId, int status, DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(report);
        if (!schema.Operations.TryGetValue(operationId, out var operation) || operation.DocumentedStatuses.Count == 0 || operation.DocumentedStatuses.Contains(status))
        {
            return;
        }

        report.Add(new DriftFinding(schema.Vendor, operationId, DriftKind.UndocumentedStatus, "$", string.Join(", ", operation.DocumentedStatuses), status.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>Checks a success body against the operation's documented body.</summary>
    /// <param name="schema">The vendor's response schema.</param>
    /// <param name="operationId">The operation.</param>
    /// <param name="body">The UTF-8 JSON body.</param>
    /// <param name="mask">The client's credentials, hidden from every raw value.</param>
    /// <param name="report">Where differences go.</param>
    public static void CheckBody(ResponseSchema schema, string operationId, ReadOnlySpan<byte> body, SecretMask mask, DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(report);
        if (!schema.Operations.TryGetValue(operationId, out var operation) || operation.Body is null || body.IsEmpty)
        {
            return;
        }

        CheckJson(schema, operationId, operation.Body, body, "$", mask, report);
    }

    /// <summary>Checks one Server-Sent Event's data against the type the spec's <c>x-tk-sse</c> gives its name.</summary>
    /// <param name="schema">The vendor's response schema.</param>
    /// <param name="operationId">The streaming operation.</param>
    /// <param name="eventType">The event's name.</param>
    /// <param name="data">The event's UTF-8 JSON data.</param>
    /// <param name="mask">The client's credentials, hidden from every raw value.</param>
    /// <param name="report">Where differences go; paths start at <c>event[name]</c>.</param>
    public static void CheckEvent(ResponseSchema schema, string operationId, string eventType, ReadOnlySpan<byte> data, SecretMask mask, DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(report);
        if (!schema.Operations.TryGetValue(operationId, out var operation) || operation.Events is not { } events)
        {
            return;
        }

        var path = $"event[{eventType}]";
        if (!events.TryGetValue(eventType, out var node))
        {
            report.Add(new DriftFinding(schema.Vendor, operationId, DriftKind.UnknownEvent, path, "one of " + string.Join(", ", events.Keys), Raw(System.Text.Encoding.UTF8.GetString(data), mask)));
            return;
        }

        if (!data.IsEmpty)
        {
            CheckJson(schema, operationId, node, data, path, mask, report);
        }
    }

    private static void CheckJson(ResponseSchema schema, string operationId, SchemaNode node, ReadOnlySpan<byte> body, string root, SecretMask mask, DriftReport report)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException)
        {
            return;
        }

        using (document)
        {
            new Walk(schema, operationId, mask, report).Value(document.RootElement, node, root, depth: 0);
        }
    }

    /// <summary>Shortens and masks a raw value for a finding.</summary>
    internal static string Raw(string text, SecretMask mask)
    {
        // Mask before cutting, so a key that straddles the cut cannot leave its first half behind.
        var masked = mask.Apply(text) ?? string.Empty;
        return masked.Length <= MaxRawLength ? masked : masked[..MaxRawLength] + "…";
    }

    private readonly record struct Walk(ResponseSchema Schema, string OperationId, SecretMask Mask, DriftReport Report)
    {
        // The specs nest a few levels; a hostile or broken body must not recurse without end.
        private const int MaxDepth = 32;

        public void Value(JsonElement value, SchemaNode node, string path, int depth)
        {
            if (depth > MaxDepth || node.Kind == SchemaKind.Any)
            {
                return;
            }

            if (value.ValueKind == JsonValueKind.Null)
            {
                if (!node.Nullable)
                {
                    Add(DriftKind.TypeMismatch, path, Describe(node), "null");
                }

                return;
            }

            switch (node.Kind)
            {
                case SchemaKind.String when value.ValueKind == JsonValueKind.String:
                    if (node.EnumValues is { Count: > 0 } values && !values.Contains(value.GetString()!, StringComparer.Ordinal))
                    {
                        Add(DriftKind.UnknownEnumValue, path, "one of " + string.Join(", ", values), Raw(value.GetString()!, Mask));
                    }

                    return;
                case SchemaKind.Integer when value.ValueKind == JsonValueKind.Number:
                    // 3600.0 is an integer to the readers; 3599.5 is not.
                    if (!value.TryGetDecimal(out var number) || decimal.Truncate(number) != number)
                    {
                        Add(DriftKind.TypeMismatch, path, "integer", Raw(value.GetRawText(), Mask));
                    }

                    return;
                case SchemaKind.Number when value.ValueKind == JsonValueKind.Number:
                case SchemaKind.Boolean when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    return;
                case SchemaKind.Array when value.ValueKind == JsonValueKind.Array:
                    if (node.Item is { } item)
                    {
                        var index = 0;
                        foreach (var element in value.EnumerateArray())
                        {
                            Value(element, item, $"{path}[{index++}]", depth + 1);
                        }
                    }

                    return;
                case SchemaKind.Object when value.ValueKind == JsonValueKind.Object:
                    if (node.Model is { } name && Schema.Models.TryGetValue(name, out var model))
                    {
                        Object(value, model, path, depth);
                    }

                    return;
                default:
                    Add(DriftKind.TypeMismatch, path, Describe(node), Raw(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(), Mask));
                    return;
            }
        }

        private void Object(JsonElement value, ResponseModel model, string path, int depth)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in value.EnumerateObject())
            {
                seen.Add(member.Name);
                var property = model.Properties.FirstOrDefault(p => string.Equals(p.Name, member.Name, StringComparison.Ordinal));
                var memberPath = Member(path, member.Name);
                if (property is null)
                {
                    Add(DriftKind.UnknownField, memberPath, $"a property of {model.Name}", Raw(member.Value.GetRawText(), Mask));
                }
                else
                {
                    Value(member.Value, property.Type, memberPath, depth + 1);
                }
            }

            foreach (var property in model.Properties)
            {
                if (property.Required && !seen.Contains(property.Name))
                {
                    Add(DriftKind.MissingRequiredField, Member(path, property.Name), $"required {Describe(property.Type)}", null);
                }
            }
        }

        private void Add(DriftKind kind, string path, string expected, string? raw) =>
            Report.Add(new DriftFinding(Schema.Vendor, OperationId, kind, path, expected, raw));

        private static string Member(string path, string name) =>
            name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

        private static string Describe(SchemaNode node)
        {
            var text = node.Kind switch
            {
                SchemaKind.Object => node.Model ?? "object",
                SchemaKind.Array => "array",
                SchemaKind.String when node.EnumValues is { Count: > 0 } values => "one of " + string.Join(", ", values),
                _ => node.Kind.ToString().ToLowerInvariant(),
            };
            return node.Nullable ? text + " or null" : text;
        }
    }
}
