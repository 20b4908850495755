namespace TranscriptKit.Generators.Model;

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
}

internal enum BodyKind
{
    Json,
    Form,
    Multipart,
}

internal enum ResponseKind
{
    None,
    Json,
    Text,
}

/// <summary>One operation of the spec, as one client method.</summary>
/// <param name="Name">The C# name the parser chose (<c>getJob</c> → <c>GetJob</c>); <see cref="GeneratedNames"/> derives the rest.</param>
/// <param name="Paid">A successful call costs money: <c>x-tk-paid</c>, else whether it is the <c>start</c> of an <c>x-tk-poll</c>.</param>
internal sealed record OperationSpec(
    string OperationId,
    string Name,
    string HttpMethod,
    string Path,
    string UrlTemplate,
    string? Summary,
    string? Description,
    bool Idempotent,
    bool Paid,
    double? TimeoutSeconds,
    bool Inferred,
    EquatableArray<ParameterSpec> Parameters,
    RequestBodySpec? Body,
    ResponseSpec Response,
    EquatableArray<ErrorResponseSpec> Errors,
    bool Enveloped)
{
    /// <summary><c>GetJobAsync</c>, or the body's <c>x-tk-method</c> name.</summary>
    public string MethodName => Body?.MethodName ?? GeneratedNames.OperationMethod(Name);

    /// <summary>
    /// The request body's further content types, in spec order after <see cref="Body"/> (the first, the primary): each
    /// becomes one more client method (an overload, or its <c>x-tk-method</c> name) with the same descriptor.
    /// </summary>
    public EquatableArray<RequestBodySpec> OtherBodies { get; init; } = EquatableArray<RequestBodySpec>.Empty;

    /// <summary>This operation once per request content type: itself, then one copy per <see cref="OtherBodies"/> entry.</summary>
    public System.Collections.Generic.IEnumerable<OperationSpec> Variants()
    {
        yield return this;
        foreach (var body in OtherBodies)
        {
            yield return this with { Body = body, OtherBodies = EquatableArray<RequestBodySpec>.Empty };
        }
    }
}

/// <summary>A path, query or header parameter.</summary>
internal sealed record ParameterSpec(string WireName, string Name, ParameterLocation In, TypeRef Type, bool Required, string? Description);

/// <summary>The request body: a JSON model, or form / multipart fields that become method parameters.</summary>
internal sealed record RequestBodySpec(BodyKind Kind, bool Required, TypeRef? JsonType, string? Description, EquatableArray<FieldSpec> Fields)
{
    /// <summary>The media type as the spec writes it (<c>multipart/form-data</c>).</summary>
    public string MediaType { get; init; } = string.Empty;

    /// <summary>The method name this content type's <c>x-tk-method</c> chose (<c>UploadTranscriptionAsync</c>), or null for the operation's own.</summary>
    public string? MethodName { get; init; }
}

/// <summary>One form or multipart field.</summary>
internal sealed record FieldSpec(string WireName, string Name, TypeRef Type, bool Required, string? Description);

/// <summary>The success response.</summary>
internal sealed record ResponseSpec(ResponseKind Kind, TypeRef? Type, string? Description)
{
    /// <summary>The documented 2xx status code (the drift check reports any other).</summary>
    public string Status { get; init; } = "200";

    /// <summary>For an <c>x-tk-envelope</c> operation: the whole body's type (<see cref="Type"/> is its data), for the drift check.</summary>
    public TypeRef? Envelope { get; init; }
}

/// <summary>A documented error response, for the method's XML docs.</summary>
internal sealed record ErrorResponseSpec(string Status, string? Description);
