using System.Collections.Generic;

namespace TranscriptKit;

/// <summary>What an operation's spec says it answers.</summary>
/// <param name="OperationId">The spec's operationId.</param>
/// <param name="DocumentedStatuses">Every status code the spec lists for it (success and error).</param>
/// <param name="Body">
/// The success body's type, or <see langword="null"/> when it has none or it is not JSON. For a vendor with
/// <c>x-tk-envelope</c> it is the whole envelope (<c>{code, msg, data}</c>), so drift inside the data has a path under <c>$.data</c>.
/// </param>
/// <param name="Events">For an operation that also streams (<c>x-tk-sse</c>): each documented event name's data type; <see langword="null"/> otherwise.</param>
public sealed record OperationResponse(string OperationId, IReadOnlyList<int> DocumentedStatuses, SchemaNode? Body, IReadOnlyDictionary<string, SchemaNode>? Events = null);
