using System;

namespace TranscriptKit.Sandbox;

/// <summary>
/// Faults armed for one vendor's next API requests (signed-storage uploads and <c>/media</c> downloads are not
/// affected). A request first waits out a pending delay, then takes a pending failure, else a pending malformation.
/// </summary>
public sealed class VendorFaults
{
    private readonly object _gate = new();
    private int _failCount;
    private int _failStatus;
    private TimeSpan? _retryAfter;
    private int _delayCount;
    private TimeSpan _delay;
    private int _malformCount;
    private int _jobFailures;

    internal VendorFaults(string vendorId) => VendorId = vendorId;

    /// <summary>The vendor these switches belong to.</summary>
    public string VendorId { get; }

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="statusCode"/> in the vendor's error shape.</summary>
    /// <param name="count">How many requests fail.</param>
    /// <param name="statusCode">A 4xx or 5xx status, e.g. 429, 500, 502, 503.</param>
    /// <param name="retryAfter">When set, sent as a <c>Retry-After</c> header in whole seconds (rounded up).</param>
    /// <returns>This instance, to chain switches.</returns>
    public VendorFaults FailNext(int count, int statusCode, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "A fault needs a 4xx or 5xx status.");
        }

        lock (_gate)
        {
            _failCount = count;
            _failStatus = statusCode;
            _retryAfter = retryAfter;
        }

        return this;
    }

    /// <summary>Holds the next <paramref name="count"/> requests for <paramref name="delay"/> before answering them.</summary>
    /// <returns>This instance, to chain switches.</returns>
    public VendorFaults DelayNext(int count, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        lock (_gate)
        {
            _delayCount = count;
            _delay = delay;
        }

        return this;
    }

    /// <summary>Cuts the body of the next <paramref name="count"/> responses in half, so it is not valid JSON (the request is still processed).</summary>
    /// <returns>This instance, to chain switches.</returns>
    public VendorFaults MalformNext(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            _malformCount = count;
        }

        return this;
    }

    /// <summary>
    /// Makes the next <paramref name="count"/> jobs this vendor accepts end in its failure state (Caption Cat
    /// <c>failed</c>, Subclip and Cliptext status <c>failed</c>, TranscriptGenerate <c>FAILURE</c>, Soscripted 500 or
    /// an SSE <c>error</c> event) once their pending polls are over.
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

    /// <summary>Clears this vendor's pending faults.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _failCount = 0;
            _delayCount = 0;
            _malformCount = 0;
            _jobFailures = 0;
        }
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

    /// <summary>Takes the faults one request gets.</summary>
    internal FaultPlan Take()
    {
        lock (_gate)
        {
            TimeSpan? delay = null;
            if (_delayCount > 0)
            {
                _delayCount--;
                delay = _delay;
            }

            if (_failCount > 0)
            {
                _failCount--;
                return new FaultPlan(delay, _failStatus, _retryAfter, Malform: false);
            }

            if (_malformCount > 0)
            {
                _malformCount--;
                return new FaultPlan(delay, null, null, Malform: true);
            }

            return new FaultPlan(delay, null, null, Malform: false);
        }
    }
}

/// <summary>What happens to one request.</summary>
internal readonly record struct FaultPlan(TimeSpan? Delay, int? FailStatus, TimeSpan? RetryAfter, bool Malform);
