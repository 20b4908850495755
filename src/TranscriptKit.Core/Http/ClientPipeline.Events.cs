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

    /// <summary>
    /// Yields the events of a streaming response, then disposes it. Ends after the end event; a vendor error event, a
    /// stream that stops early, goes silent for longer than the event idle timeout (comment lines such as
    /// <c>: keep-alive</c> do not count as events), outlasts the operation's timeout or sends an event over the size
    /// cap throws a <see cref="TranscriptKitException"/>.
    /// </summary>
    public async IAsyncEnumerable<ServerSentEvent> ReadEventsAsync(HttpResponseMessage response, SseDescriptor stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(stream);
        using (response)
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (!string.Equals(mediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase))
            {
                throw new TranscriptKitResponseException(Vendor.Id, $"{Vendor.DisplayName} answered {stream.OperationId} with '{mediaType ?? "no content type"}' instead of an event stream.", response.StatusCode)
                    .ForCall(stream.OperationId, Submission(response, response.StatusCode));
            }

            // One timer for the stream: re-armed after each event with the idle timeout, never past the operation's deadline.
            var deadline = (response.Content as LiveCallContent)?.Deadline;
            using var timer = new CancellationTokenSource(Timeout.InfiniteTimeSpan, TimeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
            var body = new EventSizeGuard(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _maxEventBytes);
            await using var _ = body.ConfigureAwait(false);
            var events = SseParser.Create(body, static (type, data) => data.ToArray()).EnumerateAsync(linked.Token).GetAsyncEnumerator(linked.Token);
            await using var __ = events.ConfigureAwait(false);
            while (true)
            {
                var overDeadline = Arm(timer, deadline);
                ServerSentEvent item;
                try
                {
                    if (overDeadline || !await events.MoveNextAsync().ConfigureAwait(false))
                    {
                        if (overDeadline)
                        {
                            throw new OperationCanceledException(timer.Token);
                        }

                        break;
                    }

                    item = new ServerSentEvent(events.Current.EventType, events.Current.Data);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    var pastDeadline = deadline is { } end && TimeProvider.GetTimestamp() >= end;
                    var what = pastDeadline
                        ? $"did not finish within the operation's timeout"
                        : $"sent no event for {_eventIdleTimeout.TotalSeconds:0.#} s (TranscriptKitClientOptions.EventIdleTimeout; keep-alive comments do not count)";
                    throw new TranscriptKitTimeoutException(Vendor.Id, $"The {Vendor.DisplayName} {stream.OperationId} event stream {what}; the result may be incomplete.", job: null, _eventIdleTimeout, ex)
                        .ForCall(stream.OperationId, Submission(response, status: null));
                }
                catch (EventTooLargeException ex)
                {
                    throw new TranscriptKitResponseException(
                        Vendor.Id,
                        $"{Vendor.DisplayName} sent an event in the {stream.OperationId} stream larger than {_maxEventBytes:N0} bytes (TranscriptKitClientOptions.MaxEventBytes).",
                        response.StatusCode,
                        innerException: ex).ForCall(stream.OperationId, Submission(response, response.StatusCode));
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                {
                    throw new TranscriptKitTransportException(Vendor.Id, _mask.Apply($"The {Vendor.DisplayName} {stream.OperationId} event stream broke off: {ex.Message}"), ex)
                        .ForCall(stream.OperationId, Submission(response, status: null));
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
                        message).ForCall(stream.OperationId, Submission(response, response.StatusCode));
                }

                if (_drift is { } drift)
                {
                    DriftCheck.CheckEvent(drift.Schema, stream.OperationId, item.EventType, item.Data, _mask, drift.Report);
                }

                yield return item;
                if (stream.EndEvent is not null && string.Equals(item.EventType, stream.EndEvent, StringComparison.Ordinal))
                {
                    yield break;
                }
            }

            if (stream.EndEvent is not null)
            {
                throw new TranscriptKitTransportException(Vendor.Id, $"The {Vendor.DisplayName} {stream.OperationId} event stream ended before its '{stream.EndEvent}' event; the result may be incomplete.")
                    .ForCall(stream.OperationId, Submission(response, status: null));
            }
        }
    }

    /// <summary>
    /// A stream that began is a job the vendor accepted, so a job-starting stream that fails mid-way is Unknown
    /// (its result was lost), as <see cref="SubmissionOf"/> says for a 2xx whose body broke off.
    /// </summary>
    private static SubmissionOutcome Submission(HttpResponseMessage response, System.Net.HttpStatusCode? status) =>
        SubmissionOf(DescriptorOf(response)?.Idempotent ?? false, status ?? response.StatusCode, fault: null);

    /// <summary>Arms the stream timer for the next event; true when the operation's deadline has already passed.</summary>
    private bool Arm(CancellationTokenSource timer, long? deadline)
    {
        var wait = _eventIdleTimeout;
        if (deadline is { } end)
        {
            var left = TimeSpan.FromSeconds((end - TimeProvider.GetTimestamp()) / (double)TimeProvider.TimestampFrequency);
            if (left <= TimeSpan.Zero)
            {
                return true;
            }

            wait = wait == Timeout.InfiniteTimeSpan || left < wait ? left : wait;
        }

        if (wait != Timeout.InfiniteTimeSpan)
        {
            timer.CancelAfter(wait);
        }

        return false;
    }
}
