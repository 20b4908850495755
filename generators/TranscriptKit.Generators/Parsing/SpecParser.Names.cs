using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TranscriptKit.Generators.Model;
using YamlDotNet.RepresentationModel;

namespace TranscriptKit.Generators.Parsing;

/// <summary>
/// The name-reservation step: every C# name the spec maintainer's own names produce (schema keys, operationIds,
/// x-tk-* names, error reasons), with every name derived from them (<see cref="GeneratedNames"/>), is claimed in
/// its C# scope; a clash is TK0009 at the name that came second, never a CS error in generated code.
/// </summary>
internal sealed partial class SpecParser
{
    /// <summary>One C# scope: each name it holds, with what claimed it.</summary>
    private sealed class NameScope
    {
        private readonly SpecParser _parser;
        private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);

        public NameScope(SpecParser parser, string generatedBy, IEnumerable<string> generated)
        {
            _parser = parser;
            foreach (var name in generated)
            {
                _owners[name] = generatedBy;
            }
        }

        /// <summary>Claims <paramref name="name"/> for <paramref name="owner"/>; reports TK0009 at <paramref name="node"/> when it is taken.</summary>
        public bool Claim(string name, string owner, YamlNode? node)
        {
            if (_owners.TryGetValue(name, out var first))
            {
                _parser.Report(Diagnostics.NameClash, node, owner, name, first);
                return false;
            }

            _owners[name] = node is null ? owner : $"{owner} (line {node.Start.Line.ToString(CultureInfo.InvariantCulture)})";
            return true;
        }
    }

    private void ReserveNames(string? client, YamlMappingNode root, Dictionary<string, SchemaEntry> schemas, List<ParsedOperation> operations, EquatableArray<PollSpec> polls, EquatableArray<UploadSpec> uploads, EquatableArray<SseSpec> streams)
    {
        var generatedBy = client is null ? "the generated code" : $"the generated code of x-tk-client '{client}'";
        var clientTypes = client is null
            ? Array.Empty<string>()
            : new[] { GeneratedNames.Client(client), GeneratedNames.Interface(client), GeneratedNames.Options(client), GeneratedNames.Json(client), GeneratedNames.ErrorReasons(client), GeneratedNames.Vendor(client), GeneratedNames.ResponseSchema(client) };

        // Types of the namespace: the client's own, the models, the event records.
        var types = new NameScope(this, generatedBy, clientTypes);
        var json = new NameScope(this, generatedBy, ReservedNames.ObjectMembers.Concat(client is null ? Array.Empty<string>() : new[] { GeneratedNames.Json(client) }));
        foreach (var entry in schemas.Values.Where(e => e.Spec is not null))
        {
            var owner = $"schema {Shown(entry.SpecName)}";
            var ownMembers = entry.Kind == SchemaKind.Object ? ReservedNames.RecordMembers : ReservedNames.EnumMembers;
            if (!types.Claim(entry.Name, owner, entry.KeyNode)
                || !new NameScope(this, "a member the generated type itself has (CS0542)", ownMembers).Claim(entry.Name, owner, entry.KeyNode))
            {
                continue;
            }

            var readers = entry.Kind == SchemaKind.Object
                ? new[] { GeneratedNames.Read(entry.Name), GeneratedNames.ReadNullable(entry.Name), GeneratedNames.Write(entry.Name), GeneratedNames.Parse(entry.Name) }
                : new[] { GeneratedNames.Read(entry.Name), GeneratedNames.ReadNullable(entry.Name), GeneratedNames.Write(entry.Name) };
            foreach (var reader in readers)
            {
                if (!json.Claim(reader, owner, entry.KeyNode))
                {
                    break;
                }
            }

            // The converter is nested in the JSON class, where it would shadow a model of the same name.
            var converter = GeneratedNames.Converter(entry.Name);
            _ = json.Claim(converter, owner, entry.KeyNode) && types.Claim(converter, owner, entry.KeyNode);
        }

        // Members of the client class and its interface.
        var members = new NameScope(this, generatedBy, ReservedNames.ClientMembers.Concat(clientTypes.Take(2)));
        foreach (var operation in operations)
        {
            var spec = operation.Spec;
            var owner = $"operationId {Shown(spec.OperationId)}";
            var at = Get(operation.Node, "operationId");
            _ = members.Claim(spec.MethodName, owner, at)
                && members.Claim(GeneratedNames.OperationDescriptor(spec.Name), owner, at)
                && (!spec.Variants().Any(v => v.Body is { Kind: BodyKind.Json }) || members.Claim(GeneratedNames.ValidateHook(spec.Name), owner, at));

            // An overload shares its name with the primary method; only an x-tk-method name is a new member.
            foreach (var name in spec.Variants().Skip(1).Where(v => v.Body!.MethodName is not null).Select(v => v.MethodName).Where(n => n != spec.MethodName).Distinct())
            {
                members.Claim(name, $"x-tk-method of {owner}", at);
            }
        }

        foreach (var poll in polls)
        {
            var owner = $"x-tk-poll '{poll.Name}'";
            var at = ExtensionName(operations, poll.StatusOperationId, PollKey);
            _ = members.Claim(GeneratedNames.WaitFor(poll.Name), owner, at)
                && members.Claim(GeneratedNames.CreateToken(poll.Name), owner, at)
                && members.Claim(GeneratedNames.GetOperation(poll.Name), owner, at)
                && members.Claim(GeneratedNames.DefaultPolling(poll.Name), owner, at)
                && members.Claim(GeneratedNames.Classify(poll.Name), owner, at);
        }

        foreach (var upload in uploads)
        {
            var operationId = operations.First(o => o.Spec.MethodName == upload.CreateMethodName).Spec.OperationId;
            members.Claim(GeneratedNames.Upload(upload.Name), $"x-tk-upload '{upload.Name}'", ExtensionName(operations, operationId, "x-tk-upload"));
        }

        foreach (var stream in streams)
        {
            var owner = $"x-tk-sse '{stream.Name}'";
            var at = ExtensionName(operations, stream.OperationId, "x-tk-sse");
            _ = types.Claim(GeneratedNames.StreamEvent(stream.Name), owner, at)
                && members.Claim(GeneratedNames.Stream(stream.Name), owner, at)
                && members.Claim(GeneratedNames.StreamDescriptor(stream.Name), owner, at);
        }

        // Constants of the error-reasons class.
        if (client is not null && Get(Map(Get(root, "x-tk-envelope")), "errors") is YamlSequenceNode rules)
        {
            var reasons = new NameScope(this, generatedBy, ReservedNames.ErrorReasonMembers.Concat(new[] { GeneratedNames.ErrorReasons(client) }));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var rule in rules.Children.OfType<YamlMappingNode>())
            {
                if (Str(Get(rule, "reason")) is { } reason && seen.Add(reason))
                {
                    reasons.Claim(reason, $"x-tk-envelope reason '{reason}'", Get(rule, "reason"));
                }
            }
        }
    }

    /// <summary>A spec string quoted for a diagnostic message: one line, whatever it holds.</summary>
    private static string Shown(string text) => Emitting.CSharpText.Literal(text);

    /// <summary>The <c>name</c> node of an operation's x-tk-* extension, where a clash of the names it makes is reported.</summary>
    private static YamlNode? ExtensionName(List<ParsedOperation> operations, string operationId, string key)
    {
        var node = Get(operations.FirstOrDefault(o => o.Spec.OperationId == operationId)?.Node, key);
        return Get(Map(node), "name") ?? node;
    }
}
