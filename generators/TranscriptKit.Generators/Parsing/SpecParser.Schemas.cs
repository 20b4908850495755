using System.Collections.Generic;
using System.Linq;
using TranscriptKit.Generators.Model;
using YamlDotNet.RepresentationModel;

namespace TranscriptKit.Generators.Parsing;

/// <summary>components/schemas → models and extensible enums; property and item schemas → <see cref="TypeRef"/>.</summary>
internal sealed partial class SpecParser
{
    private const string SchemaRefPrefix = "#/components/schemas/";

    /// <summary>How deep one property's type may nest (arrays of arrays, alias chains); deeper is a diagnostic, not a stack overflow.</summary>
    private const int MaxSchemaDepth = 64;

    /// <summary>The alias schemas being resolved right now, in order: a name seen twice is a $ref cycle.</summary>
    private readonly List<string> _resolving = new();

    private int _schemaDepth;

    private sealed class SchemaEntry
    {
        public SchemaEntry(string specName, string name, YamlNode keyNode, YamlMappingNode node, SchemaKind? kind)
        {
            SpecName = specName;
            KeyNode = keyNode;
            Name = name;
            Node = node;
            Kind = kind;
        }

        public string SpecName { get; }

        public string Name { get; }

        /// <summary>The schema's key, where a clash of its name is reported.</summary>
        public YamlNode KeyNode { get; }

        public YamlMappingNode Node { get; }

        /// <summary>Object or enum; null for a schema that is only an alias of a primitive.</summary>
        public SchemaKind? Kind { get; }

        public SchemaSpec? Spec { get; set; }
    }

    private Dictionary<string, SchemaEntry> ParseSchemas()
    {
        var entries = new Dictionary<string, SchemaEntry>();
        if (Map(Get(_components, "schemas")) is not { } schemas)
        {
            return entries;
        }

        // First pass: names and kinds, so references between schemas resolve in any order.
        foreach (var pair in schemas.Children)
        {
            var specName = KeyText(pair.Key);
            if (Map(pair.Value) is not { } node)
            {
                Report(Diagnostics.InvalidDocument, pair.Value, $"components/schemas/{specName} must be a mapping");
                continue;
            }

            var type = Str(Get(node, "type"));
            SchemaKind? kind =
                Get(node, "enum") is not null && type == "string" ? SchemaKind.Enum :
                type == "object" || Get(node, "properties") is not null ? SchemaKind.Object :
                null;
            // Two keys with one C# name are refused by the name-reservation step, not numbered: the maintainer chose both.
            entries[specName] = new SchemaEntry(specName, Naming.Pascal(specName), pair.Key, node, kind);
        }

        foreach (var entry in entries.Values)
        {
            ThrowIfCancelled();
            entry.Spec = entry.Kind switch
            {
                SchemaKind.Enum => ParseEnum(entry),
                SchemaKind.Object => ParseObject(entry, entries),
                _ => null,
            };
        }

        return entries;
    }

    private SchemaSpec ParseEnum(SchemaEntry entry)
    {
        var values = new List<EnumValueSpec>();
        var taken = new HashSet<string>(ReservedNames.EnumMembers) { entry.Name };
        if (Get(entry.Node, "enum") is YamlSequenceNode sequence)
        {
            foreach (var item in sequence.Children)
            {
                if (Str(item) is { } value)
                {
                    values.Add(new EnumValueSpec(value, Naming.Unique(Naming.Pascal(value), taken)));
                }
                else
                {
                    Report(Diagnostics.UnsupportedConstruct, item, $"Enum {entry.SpecName}: only string values are supported");
                }
            }
        }

        return new SchemaSpec(entry.Name, entry.SpecName, SchemaKind.Enum, Prose(Get(entry.Node, "description")), Bool(Get(entry.Node, "x-tk-inferred")) == true, EquatableArray<PropertySpec>.Empty, values.ToEquatableArray());
    }

    private SchemaSpec ParseObject(SchemaEntry entry, Dictionary<string, SchemaEntry> entries)
    {
        var required = RequiredNames(entry.Node, entry.SpecName);
        var properties = new List<PropertySpec>();
        var taken = new HashSet<string>(ReservedNames.RecordMembers) { entry.Name };
        if (Map(Get(entry.Node, "properties")) is { } map)
        {
            foreach (var pair in map.Children)
            {
                var jsonName = KeyText(pair.Key);
                var type = ResolveType(pair.Value, entries, $"{entry.SpecName}.{jsonName}", allowFile: false);
                if (type is null)
                {
                    continue;
                }

                // A member may not share its type's name (CS0542).
                var name = Naming.Pascal(jsonName);
                name = Naming.Unique(name == entry.Name ? name + "Value" : name, taken);
                var node = Map(pair.Value);
                properties.Add(new PropertySpec(jsonName, name, type, required.Contains(jsonName), Prose(Get(node, "description")), Bool(Get(node, "x-tk-inferred")) == true));
            }
        }

        foreach (var name in required.Where(r => properties.All(p => p.JsonName != r)))
        {
            Report(Diagnostics.InvalidDocument, Get(entry.Node, "required")!, $"{entry.SpecName}: required property '{name}' is not among its properties");
        }

        return new SchemaSpec(entry.Name, entry.SpecName, SchemaKind.Object, Prose(Get(entry.Node, "description")), Bool(Get(entry.Node, "x-tk-inferred")) == true, properties.ToEquatableArray(), EquatableArray<EnumValueSpec>.Empty);
    }

    /// <summary>
    /// <c>required</c> must be a list of property names: a scalar (<c>required: url</c>) would otherwise make every
    /// property optional without a word.
    /// </summary>
    private HashSet<string> RequiredNames(YamlMappingNode schema, string context)
    {
        var names = new HashSet<string>();
        switch (Get(schema, "required"))
        {
            case null:
                break;
            case YamlSequenceNode list:
                foreach (var item in list.Children)
                {
                    if (Str(item) is { } name)
                    {
                        names.Add(name);
                    }
                    else
                    {
                        Report(Diagnostics.InvalidDocument, item, $"{context}: each entry of 'required' must be a property name");
                    }
                }

                break;
            case var other:
                Report(Diagnostics.InvalidDocument, other, $"{context}: 'required' must be a list of property names, e.g. [{Str(other) ?? "name"}]");
                break;
        }

        return names;
    }

    /// <summary>Resolves an inline or referenced schema to a type; reports and returns null when it cannot.</summary>
    private TypeRef? ResolveType(YamlNode node, Dictionary<string, SchemaEntry> entries, string context, bool allowFile)
    {
        // Bounded: arrays of arrays, alias chains and YAML-anchor loops all recurse here.
        if (_schemaDepth >= MaxSchemaDepth)
        {
            Report(Diagnostics.TooDeep, node, $"{context}: the schema", MaxSchemaDepth.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }

        _schemaDepth++;
        try
        {
            return ResolveTypeCore(node, entries, context, allowFile);
        }
        finally
        {
            _schemaDepth--;
        }
    }

    // `{type: x}` and nothing else: an alternative of a combinator that adds no constraint of its own.
    private static bool IsBare(YamlNode node, string type) => Map(node) is { } alternative && alternative.Children.Count == 1 && Str(Get(alternative, "type")) == type;

    private TypeRef? ResolveTypeCore(YamlNode node, Dictionary<string, SchemaEntry> entries, string context, bool allowFile)
    {
        if (Map(node) is not { } map)
        {
            Report(Diagnostics.InvalidDocument, node, $"{context}: a schema must be a mapping");
            return null;
        }

        if (Get(map, "$ref") is { } refNode)
        {
            var reference = Str(refNode) ?? string.Empty;
            if (!reference.StartsWith(SchemaRefPrefix, System.StringComparison.Ordinal) || !entries.TryGetValue(reference.Substring(SchemaRefPrefix.Length), out var target))
            {
                Report(Diagnostics.UnresolvedReference, refNode, reference);
                return null;
            }

            switch (target.Kind)
            {
                // Named types are referenced by name, so an object may contain itself (Node.children: [Node]).
                case SchemaKind.Object:
                    return new TypeRef(TypeKind.Object, target.Name);
                case SchemaKind.Enum:
                    return new TypeRef(TypeKind.Enum, target.Name);
            }

            // An alias or array schema is inlined where it is used: one that reaches itself has no finite C# type.
            var at = _resolving.IndexOf(target.SpecName);
            if (at >= 0)
            {
                Report(Diagnostics.ReferenceCycle, refNode, reference, string.Join(" → ", _resolving.Skip(at).Concat(new[] { target.SpecName })));
                return null;
            }

            _resolving.Add(target.SpecName);
            try
            {
                return ResolveType(target.Node, entries, target.SpecName, allowFile);
            }
            finally
            {
                _resolving.RemoveAt(_resolving.Count - 1);
            }
        }

        // "A string or a number" (TranscriptGenerate's availableMinutes): keep the JSON value as it came.
        if (Get(map, "oneOf") is YamlSequenceNode alternatives && alternatives.Children.Count > 0
            && alternatives.Children.All(a => Map(a) is { } alternative && Get(alternative, "$ref") is null && Str(Get(alternative, "type")) is "string" or "number" or "integer" or "boolean" or "null"))
        {
            return new TypeRef(TypeKind.Any, Nullable: alternatives.Children.Any(a => Str(Get(Map(a), "type")) == "null"));
        }

        // OpenAPI 3.1 has no `nullable`: a reference that may be null is a $ref or null (TranscriptGenerate's
        // business-error envelopes send "data": null).
        foreach (var combinator in new[] { "oneOf", "anyOf" })
        {
            if (Get(map, combinator) is YamlSequenceNode { Children.Count: 2 } pair
                && pair.Children.Count(a => Map(a) is { } alternative && alternative.Children.Count == 1 && Str(Get(alternative, "type")) == "null") == 1
                && pair.Children.FirstOrDefault(a => Map(a) is { } alternative && Get(alternative, "$ref") is not null) is { } referenced)
            {
                return ResolveType(referenced, entries, context, allowFile) is { } target ? target with { Nullable = true } : null;
            }
        }

        // An open set: the documented values or any other string (TranscriptGenerate's platform, "DOUYIN, XHS, KUAISHOU,
        // etc."). A bare `enum` is closed to every other JSON Schema reader (Prism refused the sandbox's own platform),
        // so the spec says `anyOf: [$ref to the enum, {type: string}]`, optionally with `{type: "null"}`. Our enums
        // keep unknown values anyway: the property is the enum's type; only the drift report must not flag the others.
        if (Get(map, "anyOf") is YamlSequenceNode { Children.Count: 2 or 3 } open
            && open.Children.Count(a => IsBare(a, "string")) == 1
            && open.Children.Count(a => IsBare(a, "null")) == open.Children.Count - 2
            && open.Children.FirstOrDefault(a => Map(a) is { } alternative && alternative.Children.Count == 1 && Get(alternative, "$ref") is not null) is { } known)
        {
            if (ResolveType(known, entries, context, allowFile) is not { } enumType)
            {
                return null;
            }

            if (enumType.Kind != TypeKind.Enum)
            {
                Report(Diagnostics.UnsupportedConstruct, known, $"{context}: 'anyOf' with {{type: string}} is an open set of values; its $ref must name a string enum");
                return null;
            }

            return enumType with { Nullable = open.Children.Count == 3, Open = true };
        }

        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf", "not" })
        {
            if (Get(map, combinator) is { } combined)
            {
                Report(Diagnostics.UnsupportedConstruct, combined, $"{context}: '{combinator}' is supported only as oneOf of primitive types or a $ref or null; describe the field as one type (free-form JSON: omit 'type')");
                return null;
            }
        }

        var typeNode = Get(map, "type");
        var nullable = false;
        string? type;
        if (typeNode is YamlSequenceNode types)
        {
            // `type: [[string]]` is not a type list; without this check it became free-form JSON.
            if (types.Children.FirstOrDefault(t => Str(t) is null) is { } bad)
            {
                Report(Diagnostics.UnsupportedConstruct, bad, $"{context}: each entry of a type list must be a type name such as string or \"null\"");
                return null;
            }

            var names = types.Children.Select(Str).ToList();
            nullable = names.Remove("null");
            if (names.Count != 1)
            {
                Report(Diagnostics.UnsupportedConstruct, typeNode, $"{context}: a type list may name one type and \"null\", not [{string.Join(", ", names)}]");
                return null;
            }

            type = names[0];
        }
        else
        {
            type = Str(typeNode);
        }

        switch (type)
        {
            case null:
                return new TypeRef(TypeKind.Any, Nullable: true);
            case "string" when Str(Get(map, "format")) == "binary":
                if (!allowFile)
                {
                    Report(Diagnostics.UnsupportedConstruct, map, $"{context}: binary strings are supported only as multipart/form-data fields");
                    return null;
                }

                return new TypeRef(TypeKind.File);
            case "string":
                return new TypeRef(TypeKind.String, Nullable: nullable);
            case "integer":
                return new TypeRef(Str(Get(map, "format")) == "int32" ? TypeKind.Int32 : TypeKind.Int64, Nullable: nullable);
            case "number":
                return new TypeRef(TypeKind.Double, Nullable: nullable);
            case "boolean":
                return new TypeRef(TypeKind.Boolean, Nullable: nullable);
            case "array":
                if (Get(map, "items") is not { } items)
                {
                    Report(Diagnostics.InvalidDocument, map, $"{context}: an array schema needs 'items'");
                    return null;
                }

                var item = ResolveType(items, entries, context + "[]", allowFile: false);
                return item is null ? null : new TypeRef(TypeKind.Array, Item: item, Nullable: nullable);
            case "object" when Get(map, "properties") is not null:
                Report(Diagnostics.UnsupportedConstruct, map, $"{context}: inline object schemas are not supported; move it to components/schemas and use $ref, so the model gets a name");
                return null;
            case "object":
                return new TypeRef(TypeKind.Any, Nullable: nullable);
            default:
                Report(Diagnostics.UnsupportedConstruct, typeNode!, $"{context}: type '{type}' is not supported");
                return null;
        }
    }
}
