using System;
using System.Collections.Generic;

namespace TranscriptKit;

/// <summary>The wire-level arguments of one operation call, keyed by the names the spec uses on the wire.</summary>
/// <remarks>Values are wire text (<c>42</c>, <c>true</c>, an enum's value); the invoker converts them to the method's parameter types.</remarks>
public sealed class OperationArguments
{
    private static readonly IReadOnlyDictionary<string, string> s_none = new Dictionary<string, string>();

    /// <summary>Path parameters by name, e.g. <c>projectId</c>.</summary>
    public IReadOnlyDictionary<string, string> Path { get; init; } = s_none;

    /// <summary>Query parameters by name.</summary>
    public IReadOnlyDictionary<string, string> Query { get; init; } = s_none;

    /// <summary>Header parameters by name; pass a case-insensitive dictionary when the names come off the wire.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = s_none;

    /// <summary>A JSON request body as UTF-8, parsed with the vendor's generated <c>Parse…</c>; <see langword="null"/> sends none.</summary>
    public ReadOnlyMemory<byte>? Body { get; init; }

    /// <summary>Text fields of a form or multipart body, by field name.</summary>
    public IReadOnlyDictionary<string, string> Form { get; init; } = s_none;

    /// <summary>The file of a multipart body's binary part, or the file an upload helper sends.</summary>
    public UploadFile? File { get; init; }

    /// <summary>Whether to call the operation's Server-Sent Events variant (<c>x-tk-sse</c>) instead of its plain form.</summary>
    public bool Stream { get; init; }
}
