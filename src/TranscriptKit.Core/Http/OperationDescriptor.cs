using System;
using System.ComponentModel;

namespace TranscriptKit.Runtime;

/// <summary>What the transport needs to know about one spec operation; emitted once per operation.</summary>
/// <param name="OperationId">The spec's operationId.</param>
/// <param name="Idempotent">Whether the request may be sent again after a 5xx, a transport fault or a timeout.</param>
/// <param name="Timeout">The operation's own per-attempt timeout (<c>x-tk-timeout</c>); <see langword="null"/> uses the client's.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record OperationDescriptor(string OperationId, bool Idempotent, TimeSpan? Timeout = null);
