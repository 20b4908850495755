using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TranscriptKit.Generators.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TranscriptKit.Generators.Parsing;

/// <summary>
/// YAML → <see cref="ApiSpec"/>. Reads the OpenAPI 3.1 subset and the x-tk-* vocabulary documented in
/// specs/README.md; every problem becomes a located <see cref="DiagnosticInfo"/>, never an exception.
/// This file reads the document and its top-level parts; schemas, operations and polling have files of their own.
/// </summary>
internal sealed partial class SpecParser
{
    private readonly string _path;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private YamlMappingNode _components = new();
    private YamlNode? _root;
    private string _text = string.Empty;

    private SpecParser(string path, CancellationToken cancellationToken)
    {
        _path = path;
        _cancellationToken = cancellationToken;
    }

    public static ParseResult Parse(SpecInput input, CancellationToken cancellationToken)
    {
        var parser = new SpecParser(input.Path, cancellationToken);
        ApiSpec? spec;
        try
        {
            spec = parser.ParseDocument(input.Text, input.Namespace);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Nothing may escape into the compiler (CS8785): an unexpected failure is a diagnostic too.
            parser.Report(Diagnostics.InternalError, null, ex.GetType().Name + ": " + ex.Message);
            spec = null;
        }

        // One mistake reached along several paths (a cyclic alias used by two properties) is reported once.
        var diagnostics = parser._diagnostics.Distinct().ToList();
        var hasErrors = diagnostics.Any(d => d.IsError);
        return hasErrors
            ? new ParseResult(input.Path, null, diagnostics.ToEquatableArray(), Recovery.Usable(spec, diagnostics))
            : new ParseResult(input.Path, spec, diagnostics.ToEquatableArray());
    }

    private ApiSpec? ParseDocument(string text, string ns)
    {
        _text = text;
        if (!Emitting.CSharpText.IsNamespace(ns))
        {
            // Not in the spec: the TranscriptKitNamespace item metadata or the project's RootNamespace.
            Report(Diagnostics.UnsupportedConstruct, null, $"The namespace {Shown(ns)} (TranscriptKitNamespace metadata, else RootNamespace) is not a C# namespace name");
            return null;
        }

        // YamlDotNet's representation model recurses once per nesting level: scan the event stream first
        // (iterative) so a document nested 100,000 deep, a non-scalar key or a duplicate key is a located
        // diagnostic, not a stack overflow or an unlocated exception.
        if (!Prescan(text))
        {
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            ReportYaml(ex);
            return null;
        }

        _root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        if (_root is not null && !CheckTree(_root))
        {
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            // A file of comments only has no node to point at: the whole file is the problem.
            _root = stream.Documents.Count == 0 ? new YamlScalarNode() : _root;
            Report(Diagnostics.InvalidDocument, _root, "The spec must be a YAML mapping (an OpenAPI 3.1 document)");
            return null;
        }

        var version = Str(Get(root, "openapi"));
        if (version is null || !version.StartsWith("3.1", StringComparison.Ordinal))
        {
            Report(Diagnostics.UnsupportedConstruct, Get(root, "openapi") ?? root, $"openapi: '{version ?? "(missing)"}' is not supported; TranscriptKit specs are OpenAPI 3.1");
            return null;
        }

        _components = Map(Get(root, "components")) ?? new YamlMappingNode();
        var client = ParseClient(root);
        var info = Map(Get(root, "info"));
        var endpoint = ParseServer(root);
        var auth = ParseAuth(root);
        var (messagePaths, codePaths) = ParseErrors(root);
        var schemas = ParseSchemas();
        var envelope = ParseEnvelope(root);
        var operations = ParseOperations(root, schemas, envelope);
        var polls = ParsePolls(root, operations, schemas);
        SettlePaid(operations, polls);
        var uploads = ParseUploads(operations, schemas);
        var streams = ParseStreams(operations, schemas);
        var limits = ParseLimits(root, uploads);
        var pricing = ParsePricing(root);
        ReserveNames(client?.Name, root, schemas, operations, polls, uploads, streams);

        if (client is null || endpoint is null)
        {
            return null;
        }

        return new ApiSpec(
            ns,
            client.Value.Name,
            client.Value.Vendor,
            client.Value.DisplayName,
            Prose(Get(info, "title")) ?? client.Value.DisplayName,
            Prose(Get(info, "description")),
            endpoint,
            auth,
            messagePaths,
            codePaths,
            schemas.Values.Select(s => s.Spec).Where(s => s is not null).Select(s => s!).ToEquatableArray(),
            operations.Select(o => o.Spec).ToEquatableArray(),
            polls,
            envelope,
            uploads,
            streams,
            limits,
            pricing);
    }

    private (string Name, string Vendor, string DisplayName)? ParseClient(YamlMappingNode root)
    {
        var node = Get(root, "x-tk-client");
        if (Map(node) is not { } map)
        {
            Report(Diagnostics.InvalidExtension, node ?? root, "x-tk-client", "the spec needs a mapping with 'name' (the C# client prefix) and 'vendor' (the vendor id)");
            return null;
        }

        var name = Str(Get(map, "name"));
        var vendor = Str(Get(map, "vendor"));
        if (name is null || Naming.Pascal(name) != name)
        {
            Report(Diagnostics.InvalidExtension, Get(map, "name") ?? map, "x-tk-client.name", "must be a PascalCase C# identifier such as 'CaptionCat'");
            return null;
        }

        if (vendor is null || vendor.Any(c => !(char.IsLower(c) || char.IsDigit(c))))
        {
            Report(Diagnostics.InvalidExtension, Get(map, "vendor") ?? map, "x-tk-client.vendor", "must be a lower-case id such as 'captioncat'");
            return null;
        }

        return (name, vendor, Prose(Get(map, "display-name")) ?? name);
    }

    private string? ParseServer(YamlMappingNode root)
    {
        var servers = Get(root, "servers");
        var url = Str(Get(Map((servers as YamlSequenceNode)?.Children.FirstOrDefault()), "url"));
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
        {
            Report(Diagnostics.InvalidDocument, servers ?? root, "servers[0].url must be the vendor's absolute base URL; clients use it as the default Endpoint");
            return null;
        }

        return url;
    }

    private AuthSpec ParseAuth(YamlMappingNode root)
    {
        var requirement = Map((Get(root, "security") as YamlSequenceNode)?.Children.FirstOrDefault());
        if (requirement is null || requirement.Children.Count == 0)
        {
            return new AuthSpec(AuthKind.None, null, null);
        }

        var schemes = Map(Get(_components, "securitySchemes"));
        var resolved = new List<(YamlNode Key, YamlMappingNode Scheme)>();
        foreach (var entry in requirement.Children)
        {
            var key = entry.Key;
            if (Map(Get(schemes, KeyText(key))) is { } scheme)
            {
                resolved.Add((key, scheme));
            }
            else
            {
                Report(Diagnostics.UnresolvedReference, key, "#/components/securitySchemes/" + KeyText(key));
            }
        }

        if (resolved.Count == 1 && Str(Get(resolved[0].Scheme, "type")) == "http" && string.Equals(Str(Get(resolved[0].Scheme, "scheme")), "bearer", StringComparison.OrdinalIgnoreCase))
        {
            return new AuthSpec(AuthKind.Bearer, null, null);
        }

        if (resolved.Count == 2 && resolved.All(r => Str(Get(r.Scheme, "type")) == "apiKey" && Str(Get(r.Scheme, "in")) == "header" && Str(Get(r.Scheme, "name")) is { } header && IsHeaderName(header)))
        {
            // The first scheme of the requirement is the key, the second the secret (options ApiKey and ApiSecret).
            return new AuthSpec(AuthKind.ApiKeyHeaders, Str(Get(resolved[0].Scheme, "name")), Str(Get(resolved[1].Scheme, "name")));
        }

        if (resolved.Count > 0)
        {
            Report(Diagnostics.UnsupportedConstruct, requirement, "Supported security: one http bearer scheme, or two apiKey header schemes required together (key, then secret)");
        }

        return new AuthSpec(AuthKind.None, null, null);
    }

    private (EquatableArray<string> Message, EquatableArray<string> Code) ParseErrors(YamlMappingNode root)
    {
        var node = Get(root, "x-tk-errors");
        if (node is null)
        {
            return (new[] { "message", "error" }.ToEquatableArray(), EquatableArray<string>.Empty);
        }

        if (Map(node) is not { } map)
        {
            Report(Diagnostics.InvalidExtension, node, "x-tk-errors", "must be a mapping with 'message' and optionally 'code' lists of dotted JSON paths");
            return (EquatableArray<string>.Empty, EquatableArray<string>.Empty);
        }

        return (StringList(map, "message", "x-tk-errors.message"), StringList(map, "code", "x-tk-errors.code"));
    }

    private EquatableArray<string> StringList(YamlMappingNode map, string key, string what)
    {
        var node = Get(map, key);
        switch (node)
        {
            case null:
                return EquatableArray<string>.Empty;
            // `code: ~` is YAML null, not a JSON path named "~".
            case YamlScalarNode when !string.IsNullOrWhiteSpace(Str(node)):
                return new[] { Str(node)! }.ToEquatableArray();
            case YamlSequenceNode sequence when sequence.Children.Count > 0 && sequence.Children.All(c => !string.IsNullOrWhiteSpace(Str(c))):
                return sequence.Children.Select(c => Str(c)!).ToEquatableArray();
            default:
                Report(Diagnostics.InvalidExtension, node, what, "must be a string or a list of strings");
                return EquatableArray<string>.Empty;
        }
    }

    // ---- YAML access and reporting ----

    private static YamlNode? Get(YamlMappingNode? map, string key)
    {
        if (map is null)
        {
            return null;
        }

        foreach (var entry in map.Children)
        {
            if (entry.Key is YamlScalarNode scalar && scalar.Value == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    private static YamlScalarNode? KeyNode(YamlMappingNode map, string key) =>
        map.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == key);

    /// <summary>A mapping key's text; <see cref="CheckTree"/> has already rejected non-scalar keys.</summary>
    private static string KeyText(YamlNode key) => (key as YamlScalarNode)?.Value ?? string.Empty;

    private static YamlMappingNode? Map(YamlNode? node) => node as YamlMappingNode;

    private static string? Str(YamlNode? node) =>
        node is YamlScalarNode scalar && !(scalar.Style == ScalarStyle.Plain && scalar.Value is "~" or "null") ? scalar.Value : null;

    /// <summary>Prose (a description, summary, title or name for people): blank text counts as none, so the generated docs fall back to their own.</summary>
    private static string? Prose(YamlNode? node) => Str(node) is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static bool? Bool(YamlNode? node) => Str(node) switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    private void Report(DiagnosticDescriptor descriptor, YamlNode? node, params string[] arguments) =>
        _diagnostics.Add(new DiagnosticInfo(descriptor, node is null ? FileStart() : ReferenceEquals(node, _root) ? WholeFile() : Location(node.Start, node.End), arguments.ToEquatableArray()));

    /// <summary>
    /// A missing top-level key belongs to the whole document. YamlDotNet's end mark of a root mapping in a
    /// truncated file can equal its start, which would read as an unlocated 1:1.
    /// </summary>
    private SourceLocation WholeFile()
    {
        var end = LocationAt(_text, _text.Length);
        return new SourceLocation(_path, 0, _text.Length, 0, 0, end.StartLine, end.StartColumn);
    }

    private SourceLocation FileStart() => new(_path, 0, 0, 0, 0, 0, 0);

    private SourceLocation Location(Mark start, Mark end)
    {
        var startIndex = (int)start.Index;
        var endIndex = Math.Max(startIndex, (int)end.Index);
        return new SourceLocation(_path, startIndex, endIndex - startIndex, Math.Max(0, (int)start.Line - 1), Math.Max(0, (int)start.Column - 1), Math.Max(0, (int)end.Line - 1), Math.Max(0, (int)end.Column - 1));
    }

    private static string Flatten(string message) => message.Replace('\r', ' ').Replace('\n', ' ');

    private void ThrowIfCancelled() => _cancellationToken.ThrowIfCancellationRequested();
}
