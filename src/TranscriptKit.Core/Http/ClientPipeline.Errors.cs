using System;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using TranscriptKit.Errors;

namespace TranscriptKit.Runtime;

/// <summary>
/// What every error the pipeline builds says: the vendor's display name, the spec operation, the field a body
/// mismatch happened at, and never the client's own credentials (<see cref="SecretMask"/>).
/// </summary>
public sealed partial class ClientPipeline
{
    /// <summary>Inside a <c>WaitFor…Async</c>, tells the poller which operation polls and what to mask (see <see cref="PollScope"/>).</summary>
    private void NotePoll(OperationDescriptor operation)
    {
        if (PollScope.Current is { } scope)
        {
            (scope.DisplayName, scope.OperationId, scope.Mask, scope.Logger) = (Vendor.DisplayName, operation.OperationId, _mask, Logger);
        }
    }

    /// <summary>The spec operation a response answers: every response the pipeline hands out carries it.</summary>
    private static OperationDescriptor? DescriptorOf(HttpResponseMessage response) => response.Content switch
    {
        CallContent content => content.Operation,
        LiveCallContent live => live.Operation,
        _ => null,
    };

    /// <summary>The spec's operationId a response answers.</summary>
    private static string? OperationOf(HttpResponseMessage response) =>
        DescriptorOf(response)?.OperationId ??
        (response.RequestMessage?.Options.TryGetValue(TranscriptKitRequestOptions.OperationId, out var id) == true ? id : null);

    /// <summary>The error for a body the spec's model cannot read, naming the operation and the field.</summary>
    /// <param name="response">The response whose body failed.</param>
    /// <param name="call">The operation as the pipeline sent it, when known: whether a failed read may hide a started job.</param>
    /// <param name="operationId">The operation it answers.</param>
    /// <param name="pathPrefix">Where the part that was read sits in the whole body (<c>$.data</c> for an envelope's data).</param>
    /// <param name="body">The whole body, to place a syntax error that carries only a line and byte.</param>
    /// <param name="ex">What went wrong.</param>
    private TranscriptKitResponseException BodyMismatch(HttpResponseMessage response, OperationDescriptor? call, string? operationId, string? pathPrefix, ReadOnlyMemory<byte> body, Exception ex)
    {
        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        string? path = null;
        if (ex is JsonException { Path: { } found })
        {
            path = pathPrefix is null ? found : JsonPath.Under(pathPrefix, found);
        }
        else if (ex is JsonException { LineNumber: { } line, BytePositionInLine: { } column })
        {
            path = JsonPath.At(body.Span, JsonPath.Offset(body.Span, line, column));
        }

        var operation = operationId is null ? string.Empty : $" to {operationId}";
        var at = path is null ? string.Empty : $" at {path}";
        var error = new TranscriptKitResponseException(
            Vendor.Id,
            _mask.Apply($"{Vendor.DisplayName} answered {status}{operation} with a body that does not match the spec{at}: {ex.Message}"),
            response.StatusCode,
            innerException: ex);
        if (operationId is not null)
        {
            error.ForCall(operationId, call is not null ? SubmissionOf(call.Idempotent, response.StatusCode, fault: null) : SubmissionOutcome.NotASubmission);
        }

        return error;
    }
}
