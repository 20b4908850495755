using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TranscriptKit.Generators.Tests.Fuzzing;

/// <summary>
/// A seeded mutator over spec YAML: the same (base, seed) always gives the same mutant, so a failure replays from
/// its seed. Structural damage is done on YamlDotNet's node tree (delete, duplicate, rename and retype keys, swap
/// scalars for mappings or sequences, $ref cycles and chains, deep schemas, hostile strings, non-finite numbers,
/// unknown x-tk keys); syntax damage on the text (deep flow nesting, tabs, stray punctuation, truncation,
/// undefined aliases, non-scalar keys, control characters).
/// </summary>
internal sealed class SpecMutator
{
    private static readonly string[] s_keys =
    {
        "type", "items", "properties", "$ref", "required", "enum", "format", "oneOf", "allOf", "description", "name", "in",
        "schema", "content", "responses", "operationId", "parameters", "requestBody", "x-tk-poll", "x-tk-pol", "x-tk-upload",
        "x-tk-sse", "x-tk-envelope", "x-tk-timeout", "x-tk-idempotent", "x-tk-inferred", "x-tk-errors", "x-tk-client", "x-tk-retry",
        "x-tk-", "x-other", "field", "equals", "at-least", "contains", "interval", "backoff", "timeout", "max-interval", "events",
        "complete-fields", "complete", "url", "max-size", "success", "code", "message", "data", "end-event", "get", "post", "200",
    };

    private static readonly string[] s_hostile =
    {
        "line one\nline two", "tab\there", "nul\0byte", "bell\u0007", "quote\"s", "back\\slash", "*/ end comment", "/* open",
        "</summary><script>", "&amp; <b>", "class", "namespace", "@if", "global::System", "{0}{1}", "\u2028sep\u2029", "\uFEFFbom",
        "\ud800 lone surrogate", "emoji 🎙️", "    ", "", "null", "~", "true", "0", "-1", "9223372036854775808", "é", "Ab", "_", "__",
        "123abc", "a-b-c", "A.B", "#/components/schemas/", "#/components/schemas/Nope", "https://", "javascript:alert(1)",
        new string('x', 5000), "\"\"\"", "\r\n", "#region", "#pragma warning disable", "}\n}\nclass X {", "\\u0022",
    };

    private static readonly string[] s_numbers =
    {
        "NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1e300", "1e-300", "0", "-1", "1e300s", "NaNs", "Infinitys", "0s",
        "-5s", "1e-300s", "99999999999h", "0.0000001ms", "1_000", "0x10", ".5", "5.", "1e400ms", "500ms", "2h", "168h", "169h",
        "9223372036854775807", "-9223372036854775809", "1.5", "10", "11",
    };

    private readonly Random _random;
    private readonly List<string> _log = new();

    public SpecMutator(int seed) => _random = new Random(seed);

    /// <summary>What was done, for the failure message.</summary>
    public IReadOnlyList<string> Log => _log;

    public string Mutate(string yaml)
    {
        var text = yaml;
        var textOnly = _random.Next(5) == 0;
        if (!textOnly)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            var count = 1 + _random.Next(3);
            for (var i = 0; i < count; i++)
            {
                MutateTree(root);
            }

            var writer = new StringWriter(CultureInfo.InvariantCulture);
            try
            {
                stream.Save(writer, assignAnchors: false);
                text = writer.ToString();
            }
            catch (YamlException)
            {
                // A value YamlDotNet cannot write (a lone surrogate): damage the text instead.
                _log.Add("(tree could not be written; text damage only)");
                textOnly = true;
            }
        }

        if (textOnly || _random.Next(4) == 0)
        {
            text = MutateText(text);
        }

        return text;
    }

    private void MutateTree(YamlMappingNode root)
    {
        var slots = Slots(root);
        var mappings = slots.Select(s => s.Value).OfType<YamlMappingNode>().Prepend(root).ToList();
        switch (_random.Next(12))
        {
            case 0:
            {
                var map = Pick(mappings.Where(m => m.Children.Count > 0).ToList());
                var key = Pick(map.Children.Keys.ToList());
                map.Children.Remove(key);
                _log.Add($"delete '{key}'");
                break;
            }

            case 1:
            {
                var map = Pick(mappings.Where(m => m.Children.Count > 0).ToList());
                var entry = Pick(map.Children.ToList());
                var newKey = _random.Next(2) == 0 ? Pick(s_keys) : Typo(((YamlScalarNode)entry.Key).Value ?? "k");
                if (!map.Children.ContainsKey(new YamlScalarNode(newKey)))
                {
                    map.Children.Remove(entry.Key);
                    map.Children.Add(new YamlScalarNode(newKey), entry.Value);
                    _log.Add($"rename '{entry.Key}' → '{newKey}'");
                }

                break;
            }

            case 2:
            case 3:
            {
                var slot = Pick(slots);
                var replacement = RandomValue(slots);
                slot.Set(replacement);
                _log.Add($"retype {slot.Describe} → {Describe(replacement)}");
                break;
            }

            case 4:
            {
                var map = Pick(mappings);
                var key = _random.Next(3) == 0 ? "x-tk-" + Typo(Pick(new[] { "poll", "upload", "timeout", "errors", "sse" })) : Pick(s_keys);
                if (!map.Children.ContainsKey(new YamlScalarNode(key)))
                {
                    var value = RandomValue(slots);
                    map.Children.Add(new YamlScalarNode(key), value);
                    _log.Add($"insert '{key}': {Describe(value)}");
                }

                break;
            }

            case 5:
            {
                var scalars = slots.Where(s => s.Value is YamlScalarNode).ToList();
                var slot = Pick(scalars);
                var value = Pick(s_hostile);
                slot.Set(new YamlScalarNode(value) { Style = ScalarStyle.DoubleQuoted });
                _log.Add($"hostile {slot.Describe} → {Escape(value)}");
                break;
            }

            case 6:
            {
                var targets = slots.Where(s => s.Key is "x-tk-timeout" or "interval" or "max-interval" or "timeout" or "backoff" or "at-least" or "max-size" or "equals" or "success" or "code" or "minimum").ToList();
                var slot = targets.Count > 0 && _random.Next(4) != 0 ? Pick(targets) : Pick(slots.Where(s => s.Value is YamlScalarNode).ToList());
                var value = Pick(s_numbers);
                slot.Set(new YamlScalarNode(value));
                _log.Add($"number {slot.Describe} → {value}");
                break;
            }

            case 7:
                InjectCycle(root, slots);
                break;
            case 8:
                InjectChain(root, slots);
                break;
            case 9:
                InjectDeepSchema(root, slots);
                break;
            case 10:
            {
                var refs = slots.Where(s => s.Key == "$ref").ToList();
                if (refs.Count > 0)
                {
                    var slot = Pick(refs);
                    var names = SchemaNames(root);
                    var value = _random.Next(3) switch
                    {
                        0 => "#/components/schemas/" + Pick(names.Append("Nope").ToList()),
                        1 => "#/components/schemas/",
                        _ => Pick(new[] { "#/components/responses/Nope", "other.yaml#/X", "#", "", "#/components/schemas/" + Pick(names.Append("x").ToList()) + "/properties" }),
                    };
                    slot.Set(new YamlScalarNode(value));
                    _log.Add($"$ref {slot.Describe} → {value}");
                }

                break;
            }

            default:
            {
                // Duplicate an entry's value into another mapping under the same key (grafts a subtree elsewhere).
                var source = Pick(slots.Where(s => s.Key is not null).ToList());
                var map = Pick(mappings);
                if (!map.Children.ContainsKey(new YamlScalarNode(source.Key!)))
                {
                    map.Children.Add(new YamlScalarNode(source.Key!), Clone(source.Value));
                    _log.Add($"duplicate '{source.Key}' into another mapping");
                }

                break;
            }
        }
    }

    private void InjectCycle(YamlMappingNode root, List<Slot> slots)
    {
        var schemas = SchemasMap(root);
        var kind = _random.Next(3);
        if (kind == 0)
        {
            schemas.Children[new YamlScalarNode("CycA")] = Ref("CycB");
            schemas.Children[new YamlScalarNode("CycB")] = Ref("CycA");
        }
        else if (kind == 1)
        {
            schemas.Children[new YamlScalarNode("CycA")] = new YamlMappingNode(new YamlScalarNode("type"), new YamlScalarNode("array"), new YamlScalarNode("items"), Ref("CycA"));
        }
        else
        {
            schemas.Children[new YamlScalarNode("CycA")] = new YamlMappingNode(
                new YamlScalarNode("type"), new YamlScalarNode("object"),
                new YamlScalarNode("properties"), new YamlMappingNode(new YamlScalarNode("self"), Ref("CycA"), new YamlScalarNode("list"), new YamlMappingNode(new YamlScalarNode("type"), new YamlScalarNode("array"), new YamlScalarNode("items"), Ref("CycA"))));
        }

        PointSomeSchemaAt(slots, "CycA");
        _log.Add($"cycle kind {kind}");
    }

    private void InjectChain(YamlMappingNode root, List<Slot> slots)
    {
        var schemas = SchemasMap(root);
        var length = _random.Next(4) == 0 ? 3000 : 5 + _random.Next(100);
        for (var i = 0; i < length; i++)
        {
            schemas.Children[new YamlScalarNode("Chain" + i)] = Ref("Chain" + (i + 1));
        }

        schemas.Children[new YamlScalarNode("Chain" + length)] = new YamlMappingNode(new YamlScalarNode("type"), new YamlScalarNode("string"));
        PointSomeSchemaAt(slots, "Chain0");
        _log.Add($"$ref chain of {length}");
    }

    private void InjectDeepSchema(YamlMappingNode root, List<Slot> slots)
    {
        var depth = 1 + _random.Next(_random.Next(3) == 0 ? 100 : 20);
        YamlNode schema = new YamlMappingNode(new YamlScalarNode("type"), new YamlScalarNode("string"));
        for (var i = 0; i < depth; i++)
        {
            schema = new YamlMappingNode(new YamlScalarNode("type"), new YamlScalarNode("array"), new YamlScalarNode("items"), schema);
        }

        var properties = slots.Where(s => s.Key == "properties" && s.Value is YamlMappingNode { Children.Count: > 0 }).ToList();
        if (properties.Count > 0)
        {
            var map = (YamlMappingNode)Pick(properties).Value;
            map.Children[Pick(map.Children.Keys.ToList())] = schema;
        }
        else
        {
            SchemasMap(root).Children[new YamlScalarNode("Deep")] = new YamlMappingNode(new YamlScalarNode("type"), new YamlScalarNode("object"), new YamlScalarNode("properties"), new YamlMappingNode(new YamlScalarNode("grid"), schema));
        }

        _log.Add($"arrays nested {depth}");
    }

    private void PointSomeSchemaAt(List<Slot> slots, string name)
    {
        var refs = slots.Where(s => s.Key == "$ref").ToList();
        if (refs.Count > 0)
        {
            Pick(refs).Set(new YamlScalarNode("#/components/schemas/" + name));
        }
    }

    private string MutateText(string text)
    {
        var lines = text.Split('\n').ToList();
        var line = _random.Next(lines.Count);
        switch (_random.Next(10))
        {
            case 0:
            {
                var depth = _random.Next(3) == 0 ? 100_000 : 150 + _random.Next(400);
                var flow = new string('[', depth) + new string(']', depth);
                lines.Insert(Math.Min(lines.Count, 1 + _random.Next(lines.Count)), "x-deep: " + flow);
                _log.Add($"text: flow nesting {depth} deep");
                break;
            }

            case 1:
                lines[line] = Regex.Replace(lines[line], "^ +", m => "\t" + m.Value.Substring(1));
                _log.Add($"text: tab indentation on line {line + 1}");
                break;
            case 2:
            {
                var position = _random.Next(text.Length + 1);
                var junk = Pick(new[] { ":", "{", "}", "[", "]", "&", "*", "!", "|", ">", "'", "\"", "#", "- ", "%", "@", "`", "? ", ",", "\t", "\0", "\u0085", "\uFEFF", "\u2028", "\x01" });
                _log.Add($"text: insert {Escape(junk)} at {position}");
                return text.Insert(position, junk);
            }

            case 3:
            {
                var position = _random.Next(text.Length);
                _log.Add($"text: truncate at {position}");
                return text.Substring(0, position);
            }

            case 4:
                lines.Insert(line, lines[line]);
                _log.Add($"text: duplicate line {line + 1}");
                break;
            case 5:
                lines[line] = Regex.Replace(lines[line], ": .+$", ": *nowhere");
                _log.Add($"text: undefined alias on line {line + 1}");
                break;
            case 6:
                lines[line] = Regex.Replace(lines[line], "^( *)([^ :]+):", m => m.Groups[1].Value + Pick(new[] { "[a, b]", "{a: 1}", "*nowhere", "? x" }) + ":");
                _log.Add($"text: non-scalar key on line {line + 1}");
                break;
            case 7:
            {
                var position = _random.Next(Math.Max(1, text.Length));
                var length = Math.Min(text.Length - position, 1 + _random.Next(40));
                _log.Add($"text: delete {length} chars at {position}");
                return text.Remove(position, Math.Max(0, length));
            }

            case 8:
                lines.Insert(line, new string(' ', _random.Next(12)) + "&a " + Pick(new[] { "[*a]", "{k: *a}", "x" }));
                _log.Add($"text: anchor line at {line + 1}");
                break;
            default:
                lines[line] = lines[line] + Pick(new[] { " # */", " \"", " '", " : :", " {", " ]" });
                _log.Add($"text: damage end of line {line + 1}");
                break;
        }

        return string.Join("\n", lines);
    }

    private YamlNode RandomValue(List<Slot> slots) => _random.Next(9) switch
    {
        0 => new YamlMappingNode(),
        1 => new YamlSequenceNode(),
        2 => new YamlScalarNode(Pick(s_hostile)) { Style = ScalarStyle.DoubleQuoted },
        3 => new YamlScalarNode(Pick(s_numbers)),
        4 => new YamlMappingNode(new YamlScalarNode("type"), new YamlSequenceNode(new YamlNode[] { new YamlSequenceNode(new YamlNode[] { new YamlScalarNode("string") }) })),
        5 => new YamlSequenceNode(new YamlScalarNode(Pick(s_keys)), new YamlMappingNode(new YamlScalarNode("a"), new YamlScalarNode("b"))),
        6 => new YamlScalarNode(Pick(new[] { "true", "false", "~", "null", "string", "object", "array", "integer" })),
        _ => Clone(Pick(slots).Value),
    };

    private static YamlMappingNode SchemasMap(YamlMappingNode root)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode("components"), out var components) || components is not YamlMappingNode componentsMap)
        {
            componentsMap = new YamlMappingNode();
            root.Children[new YamlScalarNode("components")] = componentsMap;
        }

        if (!componentsMap.Children.TryGetValue(new YamlScalarNode("schemas"), out var schemas) || schemas is not YamlMappingNode schemasMap)
        {
            schemasMap = new YamlMappingNode();
            componentsMap.Children[new YamlScalarNode("schemas")] = schemasMap;
        }

        return schemasMap;
    }

    private static List<string> SchemaNames(YamlMappingNode root) =>
        SchemasMap(root).Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty).ToList();

    private static YamlMappingNode Ref(string name) => new(new YamlScalarNode("$ref"), new YamlScalarNode("#/components/schemas/" + name));

    private static YamlNode Clone(YamlNode node) => node switch
    {
        YamlScalarNode scalar => new YamlScalarNode(scalar.Value) { Style = scalar.Style },
        YamlSequenceNode sequence => new YamlSequenceNode(sequence.Children.Select(Clone)),
        YamlMappingNode map => new YamlMappingNode(map.Children.Select(p => new KeyValuePair<YamlNode, YamlNode>(Clone(p.Key), Clone(p.Value)))),
        _ => new YamlScalarNode("x"),
    };

    private string Typo(string word)
    {
        if (word.Length == 0)
        {
            return "x";
        }

        var i = _random.Next(word.Length);
        return _random.Next(3) switch
        {
            0 => word.Remove(i, 1),
            1 => word.Insert(i, ((char)('a' + _random.Next(26))).ToString()),
            _ => word.Substring(0, i) + word.Substring(i).ToUpperInvariant(),
        };
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode scalar => Escape(scalar.Value ?? "~"),
        YamlSequenceNode => "[sequence]",
        _ => "{mapping}",
    };

    private static string Escape(string value)
    {
        var builder = new StringBuilder();
        foreach (var c in value.Length > 40 ? value.Substring(0, 40) + "…" : value)
        {
            builder.Append(c < ' ' || c is '\u0085' or '\u2028' or '\u2029' or '\uFEFF' ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return builder.ToString();
    }

    /// <summary>Every value position in the tree (mapping values and sequence items), each with a way to replace it.</summary>
    private static List<Slot> Slots(YamlMappingNode root)
    {
        var slots = new List<Slot>();
        var pending = new Stack<YamlNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case YamlMappingNode map:
                    foreach (var entry in map.Children.ToList())
                    {
                        var key = entry.Key;
                        slots.Add(new Slot((key as YamlScalarNode)?.Value, entry.Value, value => map.Children[key] = value));
                        pending.Push(entry.Value);
                    }

                    break;
                case YamlSequenceNode sequence:
                    for (var i = 0; i < sequence.Children.Count; i++)
                    {
                        var index = i;
                        slots.Add(new Slot(null, sequence.Children[i], value => sequence.Children[index] = value));
                        pending.Push(sequence.Children[i]);
                    }

                    break;
            }
        }

        return slots;
    }

    private sealed record Slot(string? Key, YamlNode Value, Action<YamlNode> Set)
    {
        public string Describe => Key is null ? "a list item" : $"'{Key}'";
    }
}
