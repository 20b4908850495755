using System.Collections.Generic;

namespace TranscriptKit;

/// <summary>What an operation's spec says it answers.</summary>
/// <param name="OperationId">The spec's operationId.</param>
/// <param name="DocumentedStatuses">Every status code the spec lists for it (success and error).</param>
/// <param name="Body">The success body's type, or <see langword="null"/> when it has none or it is not JSON.</param>
public sealed record OperationResponse(string OperationId, IReadOnlyList<int> DocumentedStatuses, SchemaNode? Body);
