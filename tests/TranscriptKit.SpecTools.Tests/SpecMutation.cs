using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TranscriptKit.SpecTools.Tests;

/// <summary>
/// One edit of a real spec as a YAML tree, with the rule and classes it must be reported under. <see cref="Apply"/>
/// returns false when the spec has nothing it can edit safely (an enum value no poll condition names, for instance).
/// A null <see cref="Wire"/> means the wire class depends on whether the model is sent or received (pinned in RuleTests).
/// </summary>
public sealed record SpecMutation(string Name, string Rule, ChangeImpact CSharp, ChangeImpact? Wire, Func<YamlMappingNode, string, bool> Apply)
{
    public override string ToString() => Name;

    public static readonly SpecMutation[] All =
    [
        new("add an operation", "operation-added", ChangeImpact.Additive, ChangeImpact.Additive, (root, _) =>
        {
            var paths = (YamlMappingNode)root["paths"];
            var response = new YamlMappingNode { { "200", new YamlMappingNode { { "description", "ok" } } } };
            var operation = new YamlMappingNode { { "operationId", "tkMutationProbe" }, { "responses", response } };
            if (root.Children.ContainsKey(new YamlScalarNode("x-tk-envelope")))
            {
                // The probe answers a bare body, not the vendor's {code, msg, data} envelope.
                operation.Add("x-tk-envelope", "false");
            }

            paths.Add("/tk-mutation/probe", new YamlMappingNode { { "get", operation } });
            return true;
        }),
        new("change the server", "endpoint-changed", ChangeImpact.None, ChangeImpact.Breaking, (root, _) =>
        {
            var server = (YamlMappingNode)((YamlSequenceNode)root["servers"]).Children[0];
            server.Children[new YamlScalarNode("url")] = new YamlScalarNode(((YamlScalarNode)server["url"]).Value + "/v9");
            return true;
        }),
        new("move a path", "operation-moved", ChangeImpact.None, ChangeImpact.Breaking, (root, _) =>
        {
            var paths = (YamlMappingNode)root["paths"];
            var (key, value) = paths.Children.First();
            paths.Children.Remove(key);
            paths.Add(((YamlScalarNode)key).Value + "/moved", value);
            return true;
        }),
        new("rename an operation", "operation-renamed", ChangeImpact.Breaking, ChangeImpact.None, (root, text) =>
        {
            // Only an operationId nothing else names (no x-tk-poll start, no x-tk-sse reference).
            var id = Operations(root).Select(o => (YamlScalarNode)o["operationId"]).FirstOrDefault(n => Mentions(text, n.Value!) == 1);
            if (id is null)
            {
                return false;
            }

            id.Value += "Renamed";
            return true;
        }),
        new("unmark a paid operation", "paid-removed", ChangeImpact.None, ChangeImpact.Breaking, (root, _) =>
        {
            var starts = Operations(root)
                .Select(o => o.Children.TryGetValue(new YamlScalarNode("x-tk-poll"), out var poll) && ((YamlMappingNode)poll).Children.TryGetValue(new YamlScalarNode("start"), out var start) ? (start as YamlScalarNode)?.Value : null)
                .Where(s => s is not null)
                .ToHashSet();
            var paid = Operations(root).FirstOrDefault(o =>
                (o.Children.TryGetValue(new YamlScalarNode("x-tk-paid"), out var flag) && ((YamlScalarNode)flag).Value == "true") ||
                (starts.Contains(((YamlScalarNode)o["operationId"]).Value) && !o.Children.ContainsKey(new YamlScalarNode("x-tk-paid"))));
            if (paid is null)
            {
                return false;
            }

            paid.Children[new YamlScalarNode("x-tk-paid")] = new YamlScalarNode("false");
            return true;
        }),
        new("add an optional property", "property-added-optional", ChangeImpact.Additive, ChangeImpact.Additive, (root, _) =>
        {
            var properties = Schemas(root).Select(s => s.Children.TryGetValue(new YamlScalarNode("properties"), out var p) ? p as YamlMappingNode : null).FirstOrDefault(p => p is not null);
            if (properties is null)
            {
                return false;
            }

            properties.Add("tkMutationNote", new YamlMappingNode { { "type", "string" } });
            return true;
        }),
        new("remove an enum value", "enum-value-removed", ChangeImpact.Breaking, null, (root, text) =>
        {
            // A value a poll condition names cannot go (the spec would be invalid, not different): take the first that can.
            foreach (var values in Schemas(root).Select(s => s.Children.TryGetValue(new YamlScalarNode("enum"), out var e) ? e as YamlSequenceNode : null).Where(e => e is { Children.Count: >= 2 }))
            {
                for (var i = values!.Children.Count - 1; i >= 0; i--)
                {
                    var value = values.Children[i];
                    values.Children.RemoveAt(i);
                    if (Accepted(text, root))
                    {
                        return true;
                    }

                    values.Children.Insert(i, value);
                }
            }

            return false;
        }),
        new("make a property nullable", "nullable-added", ChangeImpact.Breaking, null, (root, text) =>
        {
            foreach (var properties in Schemas(root).Select(s => s.Children.TryGetValue(new YamlScalarNode("properties"), out var p) ? p as YamlMappingNode : null).Where(p => p is not null))
            {
                foreach (var (name, value) in properties!.Children)
                {
                    if (value is YamlMappingNode property && property.Children.TryGetValue(new YamlScalarNode("type"), out var type) &&
                        type is YamlScalarNode { Value: "string" } && !property.Children.ContainsKey(new YamlScalarNode("enum")) &&
                        Mentions(text, ((YamlScalarNode)name).Value!) == 1)
                    {
                        property.Children[new YamlScalarNode("type")] = new YamlSequenceNode(new YamlScalarNode("string"), new YamlScalarNode("null") { Style = ScalarStyle.DoubleQuoted });
                        return true;
                    }
                }
            }

            return false;
        }),
        new("tighten a limit", "limit-tightened", ChangeImpact.None, ChangeImpact.Breaking, (root, _) =>
        {
            if (!root.Children.TryGetValue(new YamlScalarNode("x-tk-limits"), out var node))
            {
                node = new YamlMappingNode();
                root.Add("x-tk-limits", node);
            }

            var limits = (YamlMappingNode)node;
            if (limits.Children.TryGetValue(new YamlScalarNode("languages"), out var languages) && languages is YamlSequenceNode { Children.Count: >= 2 } list)
            {
                list.Children.RemoveAt(list.Children.Count - 1);
                return true;
            }

            if (limits.Children.TryGetValue(new YamlScalarNode("max-concurrent-jobs"), out var jobs) && ((YamlScalarNode)jobs).Value == "1")
            {
                return false;
            }

            limits.Children[new YamlScalarNode("max-concurrent-jobs")] = new YamlScalarNode("1");
            return true;
        }),
    ];

    private static YamlMappingNode[] Operations(YamlMappingNode root) =>
        ((YamlMappingNode)root["paths"]).Children.Values.OfType<YamlMappingNode>()
            .SelectMany(item => item.Children.Where(c => ((YamlScalarNode)c.Key).Value is "get" or "post" or "put" or "patch" or "delete").Select(c => (YamlMappingNode)c.Value))
            .ToArray();

    private static YamlMappingNode[] Schemas(YamlMappingNode root) =>
        root.Children.TryGetValue(new YamlScalarNode("components"), out var components) &&
        ((YamlMappingNode)components).Children.TryGetValue(new YamlScalarNode("schemas"), out var schemas)
            ? ((YamlMappingNode)schemas).Children.Values.OfType<YamlMappingNode>().ToArray()
            : [];

    public static string Save(YamlMappingNode root)
    {
        var writer = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static bool Accepted(string text, YamlMappingNode root)
    {
        try
        {
            SpecDiff.Compare(text, Save(root), "spec", "mutated");
            return true;
        }
        catch (SpecReadException)
        {
            return false;
        }
    }

    private static int Mentions(string text, string word) => Regex.Matches(text, $@"(?<![\w-]){Regex.Escape(word)}(?![\w-])").Count;
}
