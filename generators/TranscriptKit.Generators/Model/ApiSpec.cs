namespace TranscriptKit.Generators.Model;

internal enum AuthKind
{
    None,
    Bearer,
    ApiKeyHeaders,
}

/// <summary>How requests authenticate: a bearer token, or a key and a secret in two headers.</summary>
internal sealed record AuthSpec(AuthKind Kind, string? KeyHeader, string? SecretHeader);

/// <summary>Everything the emitter needs to write one vendor's client; plain equatable data.</summary>
internal sealed record ApiSpec(
    string Namespace,
    string ClientName,
    string VendorId,
    string DisplayName,
    string Title,
    string? Description,
    string DefaultEndpoint,
    AuthSpec Auth,
    EquatableArray<string> ErrorMessagePaths,
    EquatableArray<string> ErrorCodePaths,
    EquatableArray<SchemaSpec> Schemas,
    EquatableArray<OperationSpec> Operations,
    EquatableArray<PollSpec> Polls,
    EnvelopeSpec? Envelope,
    EquatableArray<UploadSpec> Uploads,
    EquatableArray<SseSpec> Streams,
    LimitsSpec Limits,
    PricingSpec? Pricing = null);

/// <summary>A spec file's contents and the namespace its code goes into.</summary>
internal sealed record SpecInput(string Path, string Text, string Namespace);

/// <summary>The parser's result: the spec when it could be read, and every problem found.</summary>
/// <param name="Recovered">With errors: the readable rest of the spec when it is whole (see <c>Recovery</c>), which is
/// still emitted so the user's code that uses it keeps compiling; null without errors or when nothing is safe.</param>
internal sealed record ParseResult(string Path, ApiSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics, ApiSpec? Recovered = null);
