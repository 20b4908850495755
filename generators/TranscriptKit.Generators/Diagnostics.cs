using Microsoft.CodeAnalysis;

namespace TranscriptKit.Generators;

/// <summary>Every diagnostic the generator reports, in one place. Each points at the spec's YAML file, line and column.</summary>
internal static class Diagnostics
{
    private const string Category = "TranscriptKit.Spec";

    public static readonly DiagnosticDescriptor MalformedYaml = Error("TK0001", "Malformed YAML", "The spec is not valid YAML: {0}");

    public static readonly DiagnosticDescriptor MissingOperationId = Error("TK0002", "Missing operationId", "{0} {1} has no operationId; every operation needs one to name its client method");

    public static readonly DiagnosticDescriptor DuplicateOperationId = Error("TK0003", "Duplicate operationId", "operationId '{0}' is used more than once (first at line {1})");

    public static readonly DiagnosticDescriptor UnresolvedReference = Error("TK0004", "Unresolved $ref", "'{0}' does not resolve to anything in this spec");

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Error("TK0005", "Unsupported construct", "{0}");

    public static readonly DiagnosticDescriptor InvalidExtension = Error("TK0006", "Invalid x-tk-* extension", "{0}: {1}");

    public static readonly DiagnosticDescriptor InvalidDocument = Error("TK0007", "Invalid OpenAPI document", "{0}");

    public static readonly DiagnosticDescriptor InternalError = Error("TK0008", "Generator failure", "TranscriptKit could not generate code from this spec ({0}); please report it with the spec attached");

    public static readonly DiagnosticDescriptor NameClash = Error("TK0009", "Name clash", "{0} would generate the C# name '{1}', which {2} already uses; rename one of them");

    public static readonly DiagnosticDescriptor ReferenceCycle = Error("TK0010", "$ref cycle", "'{0}' refers back to itself ({1}); only an object schema may contain itself (through a property), an alias or array cannot");

    public static readonly DiagnosticDescriptor TooDeep = Error("TK0011", "Nesting too deep", "{0} is nested more than {1} levels deep; flatten it or name the inner parts in components/schemas");

    public static readonly DiagnosticDescriptor UnknownExtension = Warning("TK0012", "Unknown x-tk-* key", "'{0}' is not an x-tk-* key TranscriptKit knows{1}; it is ignored");

    public static readonly DiagnosticDescriptor NamespaceClash = Error("TK0013", "Two specs in one namespace", "This spec's client would go into namespace '{0}', which {1} already uses; give one of them its own Namespace on <TranscriptKitSpec>");

    public static readonly DiagnosticDescriptor RequestContentTypes = Error("TK0014", "Request content types that cannot be emitted", "{0}");

    private static DiagnosticDescriptor Warning(string id, string title, string format) =>
        new(id, title, format, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: "specs/README.md");

    private static DiagnosticDescriptor Error(string id, string title, string format) =>
        new(id, title, format, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: "specs/README.md");
}
