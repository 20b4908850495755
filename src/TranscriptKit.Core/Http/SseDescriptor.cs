using System.ComponentModel;

namespace TranscriptKit.Runtime;

/// <summary>How an operation's Server-Sent Events stream ends and fails (<c>x-tk-sse</c>).</summary>
/// <param name="OperationId">The spec's operationId, for messages.</param>
/// <param name="EndEvent">The event after which the stream is complete; ending before it is an error.</param>
/// <param name="ErrorEvent">An event whose data is a vendor error, when the spec names one.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record SseDescriptor(string OperationId, string? EndEvent, string? ErrorEvent);

/// <summary>One event as received: its name and its raw UTF-8 data.</summary>
/// <param name="EventType">The <c>event:</c> name (<c>message</c> when the server sent none).</param>
/// <param name="Data">The <c>data:</c> lines joined, as UTF-8.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record ServerSentEvent(string EventType, byte[] Data);
