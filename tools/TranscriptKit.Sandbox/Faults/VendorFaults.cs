using System;
using System.Collections.Generic;
using System.Linq;

namespace TranscriptKit.Sandbox;

/// <summary>
/// Faults armed for one vendor's next requests. Each switch is armed for the next <c>count</c> requests, optionally
/// only those of one spec <c>operation</c> (its operationId, e.g. <c>createJob</c>; <c>signedUpload</c> is the PUT to
/// a signed storage URL); arming a switch again replaces its previous arming. A request first waits out a pending
/// delay, then takes the first pending fault of: upload hang, failure, stall after headers, reset mid-body, close
/// without answer, malformation. Signed-storage PUTs take only <see cref="HangUploadNext"/>; <c>/media</c> downloads
/// are never faulted. A faulted request is in <see cref="VendorSandbox.Requests"/> from the moment it arrives.
/// Thread-safe.
/// </summary>
public sealed class VendorFaults
{
    /// <summary>The operation name of a PUT to a signed storage URL (vendors whose emulator has signed storage); not a spec operationId.</summary>
    public const string SignedUploadOperation = "signedUpload";

    private readonly object _gate = new();
    private Armed _fail = Armed.None;
    private int _failStatus;
    private TimeSpan? _retryAfter;
    private Armed _delay = Armed.None;
    private TimeSpan _delayTime;
    private Armed _malform = Armed.None;
    private Armed _stall = Armed.None;
    private Armed _reset = Armed.None;
    private Armed _close = Armed.None;
    private Armed _hangUpload = Armed.None;
    private Armed _silence = Armed.None;
    private Armed _drift = Armed.None;
    private SandboxDrift _driftKind;
    private TimeSpan? _keepAlive;
    private int _jobFailures;
    private IReadOnlyCollection<string>? _operations;

    internal VendorFaults(string vendorId) => VendorId = vendorId;

    /// <summary>The vendor these switches belong to.</summary>
    public string VendorId { get; }

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="statusCode"/> in the vendor's error shape, before auth (like a gateway).</summary>
    /// <param name="count">How many requests fail.</param>
    /// <param name="statusCode">A 4xx or 5xx status, e.g. 429, 500, 502, 503.</param>
    /// <param name="retryAfter">When set, sent as a <c>Retry-After</c> header in whole seconds (rounded up), e.g. 10 minutes on a 503.</param>
    /// <param name="operation">Only requests of this operationId; <see langword="null"/> for any.</param>
    /// <returns>This instance, to chain switches.</returns>
    /// <exception cref="ArgumentException">The operation is not one of this vendor's.</exception>
    public VendorFaults FailNext(int count, int statusCode, TimeSpan? retryAfter = null, string? operation = null)
    {
        if (statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "A fault needs a 4xx or 5xx status.");
        }

        var armed = Arm(count, operation);
        lock (_gate)
        {
            _fail = armed;
            _failStatus = statusCode;
            _retryAfter = retryAfter;
        }

        return this;
    }

    /// <summary>Holds the next <paramref name="count"/> requests for <paramref name="delay"/> before answering them (a delay longer than the client's timeout is a server that never answers).</summary>
    /// <param name="count">How many requests are held.</param>
    /// <param name="delay">How long each is held; the wait ends early if the client leaves or the sandbox stops.</param>
    /// <param name="operation">Only requests of this operationId; <see langword="null"/> for any.</param>
    /// <returns>This instance, to chain switches.</returns>
    /// <exception cref="ArgumentException">The operation is not one of this vendor's.</exception>
    public VendorFaults DelayNext(int count, TimeSpan delay, string? operation = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        var armed = Arm(count, operation);
        lock (_gate)
        {
            _delay = armed;
            _delayTime = delay;
        }

        return this;
    }

    /// <summary>Cuts the body of the next <paramref name="count"/> responses in half, so it is not valid JSON (the request is still processed).</summary>
    /// <param name="count">How many responses are cut.</param>
    /// <param name="operation">Only requests of this operationId; <see langword="null"/> for any.</param>
    /// <returns>This instance, to chain switches.</returns>
    /// <exception cref="ArgumentException">The operation is not one of this vendor's.</exception>
    public VendorFaults MalformNext(int count, string? operation = null)
    {
        var armed = Arm(count, operation);
        lock (_gate)
        {
            _malform = armed;
        }

        return this;
    }

    /// <summary>
    /// Processes the next <paramref name="count"/> requests for real (a job is created and charged), sends the status
    /// and headers (with the real <c>Content-Length</c>), then nothing more until the client gives up or the sandbox
    /// stops: the response whose body never comes.
    /// </summary>
    /// <param name="count">How many responses stall.</param>
    /// <param name="operation">Only requests of this operationId; <see langword="null"/> for any.</param>
    /// <returns>This instance, to chain switches.</returns>
    /// <exception cref="ArgumentException">The operation is not one of this vendor's.</exception>
    public VendorFaults StallAfterHeadersNext(int count, string? operation = null)
    {
        var armed = Arm(count, operation);
        lock (_gate)
        {
            _stall = armed;
        }

        return this;
    }

    /// <summary>
    /// Processes the next <paramref name="count"/> requests for real, sends the headers and the first half of the body
    /// (announced with its full <c>Content-Length</c>), then aborts the connection: a connection dropped mid-body.
    /// </summary>
    /// <param name="count">How many responses are cut off.</param>
    /// <param name="operation">Only requests of this operationId; <see langword="null"/> for any.</param>
    /// <returns>This instance, to chain switches.</returns>
    /// <exception cref="ArgumentException">The operation is not one of this vendor's.</exception>
    public VendorFaults ResetMidBodyNext(int count, string? operation = null)
    {
        var armed = Arm(count, operation);
        lock (_gate)
        {
            _reset = armed;
        }

        return this;
    }

    /// <summary>
    /// Processes the next <paramref name="count"/> requests for real (a job is created and charged), then resets the
    /// connection (RST) without sending a byte: the client cannot tell whether the vendor accepted the request, and an HTTP
    /// stack that takes the close for a stale pooled connection may silently send the request again.
    /// </summary>
    /// <param name="count">How many requests go unanswered.</param>
    /// <param name="operation">Only requests of this operationId; <see langword="null"/> for any.</param>
    /// <returns>This instance, to chain switches.</returns>
    /// <exception cref="ArgumentException">The operation is not one of this vendor's.</exception>
    public VendorFaults CloseWithoutAnswerNext(int count, string? operation = null)
    {
        var armed = Arm(count, operation);
        lock (_gate)
        {
            _close = armed;
        }

        return this;
    }

    /// <summary>
    /// Makes the next <paramref name="count"/> uploads hang: a signed-storage PUT (<see cref="SignedUploadOperation"/>)
    /// or a multipart upload (a route mapped with <c>upload: true</c>) is not read and never answered, until the client gives
    /// up or the sandbox stops. Other requests are not affected.
    /// </summary>
    /// <param name="count">How many uploads hang.</param>
    /// <param name="operation">Only uploads of this operation; <see langword="null"/> for any upload.</param>
    /// <returns>This instance, to chain switches.</returns>
    /// <exception cref="ArgumentException">The operation is not one of this vendor's.</exception>
    public VendorFaults HangUploadNext(int count, string? operation = null)
    {
        var armed = Arm(count, operation);
        lock (_gate)
        {
            _hangUpload = armed;
        }

        return this;
    }

    /// <summary>
    /// Makes the next <paramref name="count"/> Server-Sent Event streams (a transcription requested with
    /// <c>Accept: text/event-stream</c>, where the emulator streams) go silent after their first event, until the client gives up or the sandbox
    /// stops. The job is charged. With <paramref name="keepAliveInterval"/>, the silence is an endless
    /// <c>: keep-alive</c> comment at that interval instead.
    /// </summary>
    /// <param name="count">How many streams fall silent.</param>
    /// <param name="keepAliveInterval">When set, a keep-alive comment is sent at this interval; no event ever follows.</param>
    /// <returns>This instance, to chain switches.</returns>
    public VendorFaults SilenceStreamNext(int count, TimeSpan? keepAliveInterval = null)
    {
        if (keepAliveInterval is { } interval)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero, nameof(keepAliveInterval));
        }

        var armed = Arm(count, operation: null);
        lock (_gate)
        {
            _silence = armed;
            _keepAlive = keepAliveInterval;
        }

        return this;
    }

    /// <summary>
    /// Makes the next <paramref name="count"/> jobs this vendor accepts end in its failure state (the vendor's
    /// failed status, a failed task code, a 500 or an SSE <c>error</c> event; see the sandbox README per vendor) once their pending polls are over.
    /// </summary>
    /// <returns>This instance, to chain switches.</returns>
    public VendorFaults FailNextJobs(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            _jobFailures = count;
        }

        return this;
    }

    /// <summary>The raw state <see cref="SandboxDrift.UnknownStatus"/> writes: a value no spec lists.</summary>
    public const string UnknownStatusValue = "drift_unknown_state";

    /// <summary>The vendor message the drift faults write (<see cref="SandboxDrift.ErrorShape"/>, <see cref="SandboxDrift.OkFalse"/>).</summary>
    public const string DriftMessage = "drift: an answer the docs never showed";

    /// <summary>
    /// Answers the next <paramref name="count"/> requests as the emulator would, then rewrites the answer as a real vendor
    /// that drifted from its docs might (<see cref="SandboxDrift"/>): an unknown job state, an error shape under 200,
    /// integral floats, extra fields, <c>ok: false</c>. The request itself is processed for real (a job is created and charged).
    /// </summary>
    /// <param name="count">How many answers drift.</param>
    /// <param name="drift">Which drifts, combined.</param>
    /// <param name="operation">Only requests of this operationId (e.g. the poll operation); <see langword="null"/> for any.</param>
    /// <returns>This instance, to chain switches.</returns>
    /// <exception cref="ArgumentException">The operation is not one of this vendor's.</exception>
    public VendorFaults DriftNext(int count, SandboxDrift drift, string? operation = null)
    {
        var armed = Arm(count, operation);
        lock (_gate)
        {
            _drift = armed;
            _driftKind = drift;
        }

        return this;
    }

    /// <summary>Clears this vendor's pending faults.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _fail = _delay = _malform = _stall = _reset = _close = _hangUpload = _silence = _drift = Armed.None;
            _jobFailures = 0;
        }
    }

    /// <summary>The operations this vendor's emulator maps; set once at start so a mistyped operation is refused, not silently never matched.</summary>
    internal IReadOnlyCollection<string>? Operations
    {
        get => _operations;
        set => _operations = value;
    }

    /// <summary>Whether the job being created now is to fail.</summary>
    internal bool TakeJobFailure()
    {
        lock (_gate)
        {
            if (_jobFailures == 0)
            {
                return false;
            }

            _jobFailures--;
            return true;
        }
    }

    /// <summary>Whether the event stream being started now falls silent after its first event, and its keep-alive interval if any.</summary>
    internal (bool Silent, TimeSpan? KeepAlive) TakeStreamSilence()
    {
        lock (_gate)
        {
            return _silence.TryTake(requestOperation: null) ? (true, _keepAlive) : (false, null);
        }
    }

    /// <summary>Takes the faults one API request gets.</summary>
    /// <param name="operation">The request's operationId, or <see langword="null"/> for a path the emulator does not map.</param>
    /// <param name="isUpload">Whether the request carries an upload (multipart file or signed-storage PUT).</param>
    /// <param name="uploadOnly">A signed-storage PUT: only upload faults apply.</param>
    internal FaultPlan Take(string? operation, bool isUpload, bool uploadOnly = false)
    {
        lock (_gate)
        {
            if (isUpload && _hangUpload.TryTake(operation))
            {
                return new FaultPlan(null, null, null, ResponseFault.HangUpload);
            }

            if (uploadOnly)
            {
                return default;
            }

            TimeSpan? delay = _delay.TryTake(operation) ? _delayTime : null;
            if (_fail.TryTake(operation))
            {
                return new FaultPlan(delay, _failStatus, _retryAfter, ResponseFault.None);
            }

            var fault = _stall.TryTake(operation) ? ResponseFault.StallAfterHeaders
                : _reset.TryTake(operation) ? ResponseFault.ResetMidBody
                : _close.TryTake(operation) ? ResponseFault.CloseWithoutAnswer
                : _malform.TryTake(operation) ? ResponseFault.Malform
                : ResponseFault.None;
            var drift = fault == ResponseFault.None && _drift.TryTake(operation) ? _driftKind : SandboxDrift.None;
            return new FaultPlan(delay, null, null, fault) { Drift = drift };
        }
    }

    private Armed Arm(int count, string? operation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (operation is not null && _operations is { } known && !known.Contains(operation, StringComparer.Ordinal))
        {
            throw new ArgumentException($"{VendorId} has no operation '{operation}'. Known: {string.Join(", ", known)}.", nameof(operation));
        }

        return new Armed(count, operation);
    }

    /// <summary>One switch: how many more matching requests it takes. Only touched under the gate.</summary>
    private sealed class Armed(int remaining, string? operation)
    {
        public static Armed None => new(0, null);

        public bool TryTake(string? requestOperation)
        {
            if (remaining == 0 || (operation is not null && !string.Equals(operation, requestOperation, StringComparison.Ordinal)))
            {
                return false;
            }

            remaining--;
            return true;
        }
    }
}

/// <summary>What happens to the response of one request.</summary>
internal enum ResponseFault
{
    None,
    Malform,
    StallAfterHeaders,
    ResetMidBody,
    CloseWithoutAnswer,
    HangUpload,
}

/// <summary>What happens to one request.</summary>
internal readonly record struct FaultPlan(TimeSpan? Delay, int? FailStatus, TimeSpan? RetryAfter, ResponseFault Fault)
{
    /// <summary>How the answer drifts from the docs, applied after the emulator wrote it.</summary>
    public SandboxDrift Drift { get; init; }
}
