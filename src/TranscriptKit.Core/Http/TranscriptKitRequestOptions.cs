using System.Net.Http;

namespace TranscriptKit;

/// <summary>
/// Keys TranscriptKit sets in <see cref="HttpRequestMessage.Options"/> of every request it sends, so handlers in the
/// caller's pipeline (recorders, loggers, metrics) can tell which spec operation a request belongs to.
/// </summary>
public static class TranscriptKitRequestOptions
{
    /// <summary>The spec's operationId of the request, for example <c>getBalance</c>.</summary>
    public static HttpRequestOptionsKey<string> OperationId { get; } = new("TranscriptKit.OperationId");
}
