using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using System.Threading;
using TranscriptKit.Errors;

namespace TranscriptKit.Runtime;

/// <summary>Reads a <c>text/event-stream</c> body incrementally: each event reaches the caller as soon as it arrives.</summary>
public sealed partial class ClientPipeline
{
    /// <summary>Parses one event's data with its generated reader; data that does not match the spec is a <see cref="TranscriptKitResponseException"/>.</summary>
    public T ParseEvent<T>(ServerSentEvent item, SseDescriptor stream, JsonReadFunc<T> read)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            return JsonPrimitives.Parse(item.Data, read);
        }
        catch (Exception ex) when (JsonPrimitives.IsMismatch(ex))
        {
            var at = ex is System.Text.Json.JsonException { Path: { } path } ? $" at {path}" : string.Empty;
            throw new TranscriptKitResponseException(
                Vendor.Id,
                _mask.Apply($"{Vendor.DisplayName} sent a '{item.EventType}' event in the {stream.OperationId} stream whose data does not match the spec{at}: {ex.Message}"),
                innerException: ex)
            { OperationId = stream.OperationId };
        }
    }

    /// <summary>Yields the events of a streaming response, then disposes it. Ends after the end event; a vendor error event or a stream that stops early throws.</summary>
    public async IAsyncEnumerable<ServerSentEvent> ReadEventsAsync(HttpResponseMessage response, SseDescriptor stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(stream);
        using (response)
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (!string.Equals(mediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase))
            {
                throw new TranscriptKitResponseException(Vendor.Id, $"{Vendor.DisplayName} answered {stream.OperationId} with '{mediaType ?? "no content type"}' instead of an event stream.", response.StatusCode) { OperationId = stream.OperationId };
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using var _ = body.ConfigureAwait(false);
            var events = SseParser.Create(body, static (type, data) => data.ToArray()).EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using var __ = events.ConfigureAwait(false);
            while (true)
            {
                ServerSentEvent item;
                try
                {
                    if (!await events.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    item = new ServerSentEvent(events.Current.EventType, events.Current.Data);
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                {
                    throw new TranscriptKitException(Vendor.Id, $"The {Vendor.DisplayName} {stream.OperationId} event stream broke off: {ex.Message}", response.StatusCode, innerException: ex) { OperationId = stream.OperationId };
                }

                if (stream.ErrorEvent is not null && string.Equals(item.EventType, stream.ErrorEvent, StringComparison.Ordinal))
                {
                    var (code, message) = ErrorResponseMapper.ReadVendorError(Vendor, item.Data);
                    (code, message) = (_mask.Apply(code), _mask.Apply(message));
                    throw new TranscriptKitServerException(
                        Vendor.Id,
                        $"{Vendor.DisplayName} reported an error in the {stream.OperationId} event stream" + (message is null ? "." : $": {message}"),
                        response.StatusCode,
                        code,
                        message)
                    { OperationId = stream.OperationId };
                }

                yield return item;
                if (stream.EndEvent is not null && string.Equals(item.EventType, stream.EndEvent, StringComparison.Ordinal))
                {
                    yield break;
                }
            }

            if (stream.EndEvent is not null)
            {
                throw new TranscriptKitException(Vendor.Id, $"The {Vendor.DisplayName} {stream.OperationId} event stream ended before its '{stream.EndEvent}' event; the result may be incomplete.", response.StatusCode) { OperationId = stream.OperationId };
            }
        }
    }
}
