namespace TranscriptKit.Generators.Model;

/// <summary><c>x-tk-envelope</c>: responses wrapped as {code, msg, data}.</summary>
internal sealed record EnvelopeSpec(string CodeField, string MessageField, string DataField, EquatableArray<long> SuccessCodes, EquatableArray<EnvelopeRuleSpec> Rules);

/// <summary>Which exception a business error becomes; the members mirror the runtime's <c>ErrorKind</c> by name.</summary>
internal enum EnvelopeErrorKind
{
    General,
    Authentication,
    Forbidden,
    InsufficientCredits,
    RateLimit,
    NotFound,
    BadRequest,
    Server,
}

/// <summary>One documented business error.</summary>
internal sealed record EnvelopeRuleSpec(long Code, string? MessagePrefix, string Reason, EnvelopeErrorKind Kind);

/// <summary>A property of a model as the emitter assigns or reads it.</summary>
internal sealed record MemberRef(string Name, TypeRef Type, bool NonNull);

/// <summary>An assignment <c>Target = created.Source</c> when completing an upload.</summary>
internal sealed record FieldAssignment(MemberRef Target, MemberRef Source);

/// <summary><c>x-tk-upload</c>: create a signed URL → send the bytes → optionally complete.</summary>
internal sealed record UploadSpec(
    string Name,
    string CreateMethodName,
    string CreateBodyType,
    string CreateResponseType,
    MemberRef Url,
    string HttpMethod,
    MemberRef? FileName,
    MemberRef? ContentType,
    MemberRef? Size,
    long? MaxSize,
    MemberRef? Result,
    string? CompleteMethodName,
    string? CompleteBodyType,
    EquatableArray<FieldAssignment> CompleteFields);

/// <summary><c>x-tk-sse</c>: the operation's event-stream variant.</summary>
internal sealed record SseSpec(string Name, string OperationId, EquatableArray<SseEventSpec> Events, string? EndEvent, string? ErrorEvent);

/// <summary>One event name and the model of its data.</summary>
internal sealed record SseEventSpec(string EventName, string PropertyName, string SchemaName);
