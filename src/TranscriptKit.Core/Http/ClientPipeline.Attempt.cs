using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions;
using TranscriptKit.Errors;

namespace TranscriptKit.Runtime;

/// <summary>
/// One attempt is the whole exchange: request, headers and body. The per-attempt timeout covers all three, so a
/// body that stalls after the headers times out like a server that never answers, and a body cut off mid-way is a
/// transport fault of this attempt, which the retry rule may repeat for an idempotent call.
/// </summary>
public sealed partial class ClientPipeline
{
    /// <summary>Builds one attempt's message; <see cref="ExchangeAsync"/> sends it and disposes it.</summary>
    private ValueTask<Answer> SendOnceAsync(RequestInformation request, Uri uri, RequestBody? body, OperationDescriptor operation, bool pooled, CancellationToken cancellationToken)
    {
        var message = new HttpRequestMessage(ToHttpMethod(request.HttpMethod), uri);
        bool eventStream;
        try
        {
            eventStream = Prepare(message, request, body, operation);
        }
        catch
        {
            message.Dispose();
            throw;
        }

        return ExchangeAsync(message, operation, body?.IsStreaming == true, eventStream, pooled, cancellationToken);
    }

    /// <summary>Puts headers, body and credentials on the message; true when the call asks for an event stream.</summary>
    private bool Prepare(HttpRequestMessage message, RequestInformation request, RequestBody? body, OperationDescriptor operation)
    {
        message.Options.Set(TranscriptKitRequestOptions.OperationId, operation.OperationId);
        message.Headers.TryAddWithoutValidation("User-Agent", _userAgent);

        // Most requests carry no header parameters; enumerating Kiota's header dictionary boxes its enumerator.
        var hasHeaders = request.Headers.Count > 0;
        var accepts = hasHeaders && request.Headers.ContainsKey("Accept");
        if (!accepts)
        {
            message.Headers.TryAddWithoutValidation("Accept", "application/json");
        }

        var sendsOnce = SendsOnce(operation, message.Method);
        if (body is JsonRequestBody json && sendsOnce)
        {
            // The usual job-starting call: its JSON bytes guard themselves, so no wrapper copies their headers.
            message.Content = new SingleSendBytesContent(json.Utf8, JsonRequestBody.ContentType);
        }
        else if (body is not null)
        {
            message.Content = body.CreateContent();
        }

        if (hasHeaders)
        {
            foreach (var (name, values) in request.Headers)
            {
                if (!message.Headers.TryAddWithoutValidation(name, values))
                {
                    message.Content?.Headers.TryAddWithoutValidation(name, values);
                }
            }
        }

        if (sendsOnce && message.Content is not SingleSendBytesContent)
        {
            // SocketsHttpHandler re-sends a request by itself (up to 3 times, any method) when the server closes the
            // connection before answering and before the body started: seen on a loopback socket, a bodiless POST went
            // out 4 times. A job-starting request gets a body that refuses to be sent twice, which ends that retry.
            message.Content = new SingleSendContent(message.Content);
        }

        _headerCredentials?.SetOn(message.Headers);
        return accepts && request.Headers.TryGetValue("Accept", out var accept) && accept.Contains("text/event-stream");
    }

    /// <summary>
    /// Sends one request and reads its answer under one timer: the per-attempt timeout for headers and body, or for a
    /// streaming upload the idle timeout while bytes move, then the per-attempt timeout for the answer. A body comes
    /// back in memory (capped; an error body in a pooled buffer, a success body in one when <paramref name="pooled"/>);
    /// an event stream comes back open.
    /// </summary>
    private async ValueTask<Answer> ExchangeAsync(HttpRequestMessage message, OperationDescriptor operation, bool streamingBody, bool eventStream, bool pooled, CancellationToken cancellationToken)
    {
        using var sent = message;
        var timeout = operation.Timeout ?? _requestTimeout;
        // No timer to arm (every limit infinite), no timer to pay for: the caller's token alone ends the attempt.
        var timed = timeout != Timeout.InfiniteTimeSpan || (streamingBody && _uploadIdleTimeout != Timeout.InfiniteTimeSpan) || (eventStream && _eventIdleTimeout != Timeout.InfiniteTimeSpan);
        var attempt = timed ? RentClock(timeout) : null;

        // Not for an upload: a write that finishes after the attempt would re-arm a clock another call then holds.
        var reuseClock = !streamingBody;
        try
        {
            if (streamingBody && message.Content is { } upload && attempt is not null)
            {
                message.Content = new WatchedContent(upload, attempt);
                attempt.Idle();
            }
            else if (eventStream && _eventIdleTimeout != Timeout.InfiniteTimeSpan && (timeout == Timeout.InfiniteTimeSpan || _eventIdleTimeout < timeout))
            {
                // A stream shows life within the idle timeout: its headers are the first sign, so a vendor that never starts
                // one is not waited on for the whole operation (Soscripted's 600 s belongs to the events, not to silence).
                attempt?.WaitingForStream(_eventIdleTimeout);
            }
            else
            {
                attempt?.Waiting();
            }

            var started = eventStream ? TimeProvider.GetTimestamp() : 0;
            // The caller's token cancels the attempt's source: no linked source per attempt, and the registration's node
            // on the caller's (long-lived) source is reused from call to call. A token that can never cancel needs neither.
            using var callerCancels = cancellationToken.CanBeCanceled && attempt is not null
                ? cancellationToken.UnsafeRegister(static state => ((AttemptClock)state!).Cancel(), attempt)
                : default;
            var token = attempt?.Token ?? cancellationToken;
            HttpResponseMessage? response = null;
            try
            {
                response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    // The status says what failed; a slow or cut error body only loses the vendor's wording.
                    return new Answer(response, await ReadErrorBodyAsync(response, attempt, cancellationToken, token).ConfigureAwait(false));
                }

                if (eventStream && IsEventStream(response))
                {
                    // The stream outlives the attempt: its events are bounded by the idle timeout and the operation's
                    // timeout (what is left of it once the headers are in). Its clock is not reused: the transport may
                    // still hold the token it was opened with.
                    reuseClock = false;
                    var left = timeout == Timeout.InfiniteTimeSpan ? (TimeSpan?)null : timeout - TimeProvider.GetElapsedTime(started);
                    var live = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
                    Replace(response, new LiveCallContent(live, operation, left is { } l ? TimeProvider.GetTimestamp() + (long)(Math.Max(0, l.TotalSeconds) * TimeProvider.TimestampFrequency) : null));
                    return new Answer(response, default);
                }

                return new Answer(response, await BufferBodyAsync(response, operation, pooled, token).ConfigureAwait(false));
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                response?.Dispose();

                // HttpClient's own Timeout also lands here; either way the caller did not cancel.
                var ours = attempt?.IsCancellationRequested == true;
                throw new AttemptTimeoutException(ours ? attempt!.Describe() : $"HttpClient.Timeout ({_http.Timeout.TotalSeconds:0.#} s)", ours ? attempt!.Limit : _http.Timeout, ex);
            }
            catch (Exception ex) when (response is not null && ex is IOException or HttpRequestException)
            {
                response.Dispose();
                throw new BodyCutException(response.StatusCode, ex);
            }
        }
        finally
        {
            // After the caller's registration is gone (the using above), so nothing but this call can cancel it now.
            if (attempt is not null)
            {
                ReturnClock(attempt, reuseClock);
            }
        }
    }

    /// <summary>A clock for a timed attempt: a spare one reset after an earlier attempt, else a new one.</summary>
    private AttemptClock RentClock(TimeSpan timeout)
    {
        var spares = _spareClocks;
        for (var i = 0; i < spares.Length; i++)
        {
            if (Volatile.Read(ref spares[i]) is { } spare && Interlocked.CompareExchange(ref spares[i], null, spare) == spare)
            {
                spare.Start(timeout);
                return spare;
            }
        }

        return new AttemptClock(TimeProvider, timeout, _uploadIdleTimeout);
    }

    /// <summary>
    /// Keeps a finished attempt's clock for the next one when it resets (<see cref="CancellationTokenSource.TryReset"/>
    /// refuses one that fired or was cancelled, and drops every registration left on its token); disposes it otherwise.
    /// </summary>
    private void ReturnClock(AttemptClock clock, bool reusable)
    {
        if (reusable && !_disposed && clock.TryReset())
        {
            var spares = _spareClocks;
            for (var i = 0; i < spares.Length; i++)
            {
                if (Interlocked.CompareExchange(ref spares[i], clock, null) is null)
                {
                    return;
                }
            }
        }

        clock.Dispose();
    }

    private static bool IsEventStream(HttpResponseMessage response) =>
        string.Equals(response.Content.Headers.ContentType?.MediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads a success body into memory, refusing one over the cap before it is buffered whole. When
    /// <paramref name="pooled"/>, a body up to <see cref="MaxPooledBodyBytes"/> lands in a pooled array that its one
    /// reader returns (<see cref="BufferedBody.Release"/>); otherwise in an array of its own.
    /// </summary>
    private async ValueTask<BufferedBody> BufferBodyAsync(HttpResponseMessage response, OperationDescriptor operation, bool pooled, CancellationToken cancellationToken)
    {
        var cap = _maxBodyBytes;
        var declared = response.Content.Headers.ContentLength;
        if (declared > cap)
        {
            throw TooLarge(operation, response.StatusCode, $"declares {declared:N0} bytes");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var chunks = default(ChunkedBody);
            try
            {
                if (declared is > 0)
                {
                    // The usual case: read straight into one array of the declared size (one byte more, to notice a
                    // body longer than it declared: HttpClient's own streams stop at Content-Length, a handler's may not).
                    var size = (int)declared.Value;
                    var fromPool = pooled && size < MaxPooledBodyBytes;
                    var exact = fromPool ? ArrayPool<byte>.Shared.Rent(size + 1) : new byte[size + 1];
                    var filled = 0;
                    try
                    {
                        int read;
                        while (filled <= size && (read = await stream.ReadAsync(exact.AsMemory(filled, size + 1 - filled), cancellationToken).ConfigureAwait(false)) > 0)
                        {
                            filled += read;
                        }
                    }
                    catch
                    {
                        if (fromPool)
                        {
                            ArrayPool<byte>.Shared.Return(exact);
                        }

                        throw;
                    }

                    if (filled <= size)
                    {
                        return new BufferedBody(exact, filled, fromPool);
                    }

                    chunks = new ChunkedBody();
                    chunks.Write(exact, 0, filled);
                    if (fromPool)
                    {
                        ArrayPool<byte>.Shared.Return(exact);
                    }

                    if (chunks.Length > cap)
                    {
                        throw TooLarge(operation, response.StatusCode, $"sent more than {cap:N0} bytes");
                    }
                }

                // No Content-Length (chunked): pooled chunks, then one array of the exact size.
                chunks ??= new ChunkedBody();
                await CopyCappedAsync(stream, chunks, cap, operation, response.StatusCode, cancellationToken).ConfigureAwait(false);
                return chunks.ToBody(pooled && chunks.Length < MaxPooledBodyBytes);
            }
            finally
            {
                chunks?.Dispose();
            }
        }
    }

    private async ValueTask CopyCappedAsync(Stream source, Stream target, long cap, OperationDescriptor operation, HttpStatusCode status, CancellationToken cancellationToken)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (target.Length + read > cap)
                {
                    throw TooLarge(operation, status, $"sent more than {cap:N0} bytes");
                }

                target.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>
    /// A write-only stream of pooled 64 KiB chunks that never move: the body is copied once, into an array of its exact
    /// size, when it is complete (MemoryStream's doubling allocated up to 4× the body in copies).
    /// </summary>
    private sealed class ChunkedBody : Stream
    {
        private const int ChunkSize = 64 * 1024;
        private readonly System.Collections.Generic.List<byte[]> _chunks = new();
        private int _usedInLast = ChunkSize;
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                if (_usedInLast == ChunkSize)
                {
                    _chunks.Add(ArrayPool<byte>.Shared.Rent(ChunkSize));
                    _usedInLast = 0;
                }

                var n = Math.Min(count, ChunkSize - _usedInLast);
                Buffer.BlockCopy(buffer, offset, _chunks[^1], _usedInLast, n);
                (_usedInLast, offset, count, _length) = (_usedInLast + n, offset + n, count - n, _length + n);
            }
        }

        public BufferedBody ToBody(bool pooled)
        {
            var body = pooled ? ArrayPool<byte>.Shared.Rent((int)_length) : new byte[_length];
            var at = 0;
            for (var i = 0; i < _chunks.Count; i++)
            {
                var n = i == _chunks.Count - 1 ? _usedInLast : ChunkSize;
                Buffer.BlockCopy(_chunks[i], 0, body, at, n);
                at += n;
            }

            return new BufferedBody(body, (int)_length, pooled);
        }

        protected override void Dispose(bool disposing)
        {
            foreach (var chunk in _chunks)
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            _chunks.Clear();
            base.Dispose(disposing);
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private TranscriptKitResponseException TooLarge(OperationDescriptor operation, HttpStatusCode status, string what)
    {
        var error = new TranscriptKitResponseException(
            Vendor.Id,
            $"{Vendor.DisplayName} answered {operation.OperationId} with a body that {what}, over the {_maxBodyBytes:N0}-byte limit (TranscriptKitClientOptions.MaxResponseBodyBytes).",
            status);
        error.ForCall(operation.OperationId, SubmissionOf(operation.Idempotent, status, fault: null));
        return error;
    }

    /// <summary>
    /// Reads at most <see cref="MaxErrorBodyBytes"/> of an error body into a pooled buffer, which the one reader that
    /// maps the error returns; a body that stalls or breaks off yields what arrived.
    /// </summary>
    private static async ValueTask<BufferedBody> ReadErrorBodyAsync(HttpResponseMessage response, CancellationTokenSource? attempt, CancellationToken caller, CancellationToken token)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxErrorBodyBytes);
        var total = 0;
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while (total < MaxErrorBodyBytes && (read = await stream.ReadAsync(buffer.AsMemory(total, MaxErrorBodyBytes - total), token).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && attempt?.IsCancellationRequested == true && !caller.IsCancellationRequested))
        {
            // Keep what arrived: the status already says what failed.
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return new BufferedBody(buffer, total, pooled: true);
    }

    /// <summary>Copies one header as it came; a single value (the usual case) as its string, without boxing the values.</summary>
    private static void CopyHeader(System.Net.Http.Headers.HttpHeaders target, string name, System.Net.Http.Headers.HeaderStringValues values)
    {
        if (values.Count == 1)
        {
            target.TryAddWithoutValidation(name, values.ToString());
        }
        else
        {
            target.TryAddWithoutValidation(name, values);
        }
    }

    /// <summary>Swaps a response's content for one the pipeline owns, keeping the content headers.</summary>
    private static void Replace(HttpResponseMessage response, HttpContent content)
    {
        var original = response.Content;
        foreach (var (name, values) in original.Headers.NonValidated)
        {
            if (!string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                CopyHeader(content.Headers, name, values);
            }
        }

        response.Content = content;

        // Not for a live event stream: disposing the original would close the stream the new content reads.
        if (content is not LiveCallContent)
        {
            original.Dispose();
        }
    }

    /// <summary>A response body the pipeline has read into memory, tagged with its operation (the compatible <see cref="SendAsync"/> path).</summary>
    private sealed class CallContent(ArraySegment<byte> buffered, OperationDescriptor operation)
        : ByteArrayContent(buffered.Array ?? [], buffered.Offset, buffered.Count)
    {
        public OperationDescriptor Operation { get; } = operation;

        public ReadOnlyMemory<byte> Buffered { get; } = buffered;
    }

    /// <summary>
    /// A body read into memory: its own array, or a pooled one that exactly one reader returns once it has parsed it
    /// (<see cref="Release"/>). A body nobody releases (an answer the retry strategy disposed) is left to the GC,
    /// never returned twice.
    /// </summary>
    private readonly struct BufferedBody(byte[]? array, int length, bool pooled)
    {
        public ReadOnlyMemory<byte> Memory => array is null ? default : array.AsMemory(0, length);

        public ReadOnlySpan<byte> Span => array is null ? default : array.AsSpan(0, length);

        /// <summary>The body as an array segment no pool will reuse (a copy when the bytes are pooled).</summary>
        public ArraySegment<byte> Unpooled() => array is null ? ArraySegment<byte>.Empty : pooled ? Span.ToArray() : new ArraySegment<byte>(array, 0, length);

        /// <summary>Returns a pooled array to the pool; the body must not be read afterwards.</summary>
        public void Release()
        {
            if (pooled)
            {
                ArrayPool<byte>.Shared.Return(array!);
            }
        }
    }

    /// <summary>
    /// What one attempt brought back: the response and its body in memory (none for a live event stream). Disposing it
    /// disposes the response, as the retry strategy does with an answer it retries; the body's owner releases it.
    /// </summary>
    private readonly struct Answer : IDisposable
    {
        public Answer(HttpResponseMessage response, BufferedBody body) => (Response, Body) = (response, body);

        private Answer(TranscriptKitException error) => (Response, Error) = (null!, error);

        public HttpResponseMessage Response { get; }

        public BufferedBody Body { get; }

        /// <summary>The vendor's refusal, already read and mapped (<see cref="SendCoreAsync"/> only); no response is left.</summary>
        public TranscriptKitException? Error { get; }

        public static Answer Refused(TranscriptKitException error) => new(error);

        public void ThrowIfRefused()
        {
            if (Error is { } error)
            {
                throw error;
            }
        }

        public void Dispose() => Response?.Dispose();
    }

    /// <summary>A live event stream the pipeline opened, tagged with its operation and, when it has one, its deadline.</summary>
    private sealed class LiveCallContent(Stream live, OperationDescriptor operation, long? deadline) : StreamContent(live)
    {
        public OperationDescriptor Operation { get; } = operation;

        /// <summary>The timestamp by which the stream must end (the operation's timeout), if any.</summary>
        public long? Deadline { get; } = deadline;
    }

    /// <summary>
    /// What the attempt's timer is waiting for. An upload arms it with the idle timeout on every write (no bytes for
    /// that long is a stall); after the last byte, and for every other request, it is the per-attempt timeout, and
    /// it keeps running while the body is read: headers and body share one budget. It is the attempt's token source
    /// itself, and a finished attempt's clock serves the next one once reset (<see cref="ReturnClock"/>).
    /// </summary>
    private sealed class AttemptClock(TimeProvider timeProvider, TimeSpan timeout, TimeSpan uploadIdle)
        : CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider)
    {
        private TimeSpan _timeout = timeout;

        // What the timer waits for, worded only when it fires (Describe): most attempts never time out.
        private volatile Wait _what = Wait.Answer;

        private enum Wait
        {
            Answer,
            UploadBytes,
            StreamStart,
            AnswerAfterUpload,
        }

        public TimeSpan Limit { get; private set; }

        public void Idle() => Arm(uploadIdle, Wait.UploadBytes);

        /// <summary>Takes the clock for another attempt (after <see cref="CancellationTokenSource.TryReset"/>).</summary>
        public void Start(TimeSpan timeout) => (_timeout, _what, Limit) = (timeout, Wait.Answer, default);

        public void Waiting() => Arm(_timeout, Wait.Answer);

        public void WaitingForStream(TimeSpan idle) => Arm(idle, Wait.StreamStart);

        public void Sent() => Arm(_timeout, Wait.AnswerAfterUpload);

        public string Describe()
        {
            var seconds = Limit.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
            return _what switch
            {
                Wait.UploadBytes => $"take any upload bytes for {seconds} s",
                Wait.StreamStart => $"start its event stream within {seconds} s (TranscriptKitClientOptions.EventIdleTimeout)",
                Wait.AnswerAfterUpload => $"answer within {seconds} s of the upload's last byte",
                _ => $"answer within {seconds} s",
            };
        }

        private void Arm(TimeSpan limit, Wait what)
        {
            Limit = limit;
            _what = what;
            if (limit != Timeout.InfiniteTimeSpan)
            {
                try
                {
                    CancelAfter(limit);
                }
                catch (ObjectDisposedException)
                {
                    // A write finished after the attempt ended; nothing left to time.
                }
            }
        }
    }

    /// <summary>Wraps a streaming request body so each write re-arms the upload idle timer and the last one starts the answer wait.</summary>
    private sealed class WatchedContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly AttemptClock _clock;

        public WatchedContent(HttpContent inner, AttemptClock clock)
        {
            _inner = inner;
            _clock = clock;
            foreach (var (name, values) in inner.Headers.NonValidated)
            {
                CopyHeader(Headers, name, values);
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await _inner.CopyToAsync(new ProgressStream(stream, _clock), context, cancellationToken).ConfigureAwait(false);
            _clock.Sent();
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _inner.Headers.ContentLength ?? 0;
            return _inner.Headers.ContentLength.HasValue;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Whether the request may start a job, so that nothing below the pipeline may send it twice.</summary>
    private static bool SendsOnce(OperationDescriptor operation, HttpMethod method) =>
        !operation.Idempotent && method != HttpMethod.Get && method != HttpMethod.Head;

    /// <summary>A job-starting request's bytes (a JSON body) that refuse to be serialized a second time, like <see cref="SingleSendContent"/>.</summary>
    private sealed class SingleSendBytesContent : HttpContent
    {
        private readonly ArraySegment<byte> _bytes;
        private int _sent;

        public SingleSendBytesContent(ArraySegment<byte> bytes, System.Net.Http.Headers.MediaTypeHeaderValue contentType)
        {
            _bytes = bytes;
            Headers.ContentType = contentType;
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            SingleSendContent.ThrowIfSentBefore(ref _sent);
            return stream.WriteAsync(_bytes.AsMemory(), cancellationToken).AsTask();
        }

        protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            SingleSendContent.ThrowIfSentBefore(ref _sent);
            stream.Write(_bytes);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Count;
            return true;
        }
    }

    /// <summary>
    /// The body of a job-starting request (empty when it has none, as SocketsHttpHandler sends a bodiless POST anyway):
    /// serializing it a second time throws, so no layer below the pipeline can send the request again.
    /// </summary>
    private sealed class SingleSendContent : HttpContent
    {
        private readonly HttpContent? _inner;
        private int _sent;

        public SingleSendContent(HttpContent? inner)
        {
            _inner = inner;
            if (inner is not null)
            {
                foreach (var (name, values) in inner.Headers.NonValidated)
                {
                    CopyHeader(Headers, name, values);
                }
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            ThrowIfSentBefore(ref _sent);
            return _inner is null ? Task.CompletedTask : _inner.CopyToAsync(stream, context, cancellationToken);
        }

        public static void ThrowIfSentBefore(ref int sent)
        {
            if (Interlocked.Exchange(ref sent, 1) != 0)
            {
                throw new InvalidOperationException("A request that may start a job is never sent twice; the HTTP handler tried to send it again after the connection failed.");
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _inner is null ? 0 : _inner.Headers.ContentLength ?? -1;
            return length >= 0;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner?.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>A write-only pass-through that re-arms the idle timer after every write that completed.</summary>
    private sealed class ProgressStream(Stream inner, AttemptClock clock) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            clock.Idle();
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            clock.Idle();
        }
    }

    /// <summary>A response whose body broke off (or was shorter than its Content-Length) inside the attempt.</summary>
    private sealed class BodyCutException(HttpStatusCode status, Exception inner) : IOException($"The response ({(int)status}) broke off before its body was complete: {inner.Message}", inner)
    {
        public HttpStatusCode Status { get; } = status;
    }
}
