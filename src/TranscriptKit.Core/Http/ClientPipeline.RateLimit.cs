using System;
using System.Linq;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace TranscriptKit.Runtime;

/// <summary>
/// The client-side rate limiter: the documented request rate and concurrent uploads of the account's plan
/// (<c>x-tk-limits</c>), or the caller's <see cref="RateLimitOptions"/>. A permit is taken in front of the retry
/// pipeline, once per call: waiting for it is not an attempt, so no attempt timeout runs and no retry is spent.
/// </summary>
public sealed partial class ClientPipeline
{
    private RateLimiter? _requests;
    private RateLimiter? _uploads;

    /// <summary>The request rate and concurrent uploads in force: the caller's override, else the plan's documented ones.</summary>
    internal static RateLimitOptions ResolveRateLimit(VendorDescriptor vendor, TranscriptKitClientOptions options)
    {
        if (options.RateLimit is { } chosen)
        {
            return chosen;
        }

        var limits = vendor.Limits ?? VendorLimits.None;
        if (limits.Plans.Count == 0)
        {
            return limits.RateLimitRequests is { } requests && limits.RateLimitWindow is { } window
                ? new RateLimitOptions { Requests = requests, Window = window }
                : RateLimitOptions.Off;
        }

        var name = options.Plan ?? limits.DefaultPlan;
        var plan = limits.Plans.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"{vendor.DisplayName} has no plan '{name}'; its documented plans are {string.Join(", ", limits.Plans.Select(p => p.Name))} (or set RateLimit for other limits).",
                nameof(options));
        return new RateLimitOptions
        {
            Requests = plan.RateLimitRequests,
            Window = plan.RateLimitWindow ?? TimeSpan.FromMinutes(1),
            MaxConcurrentUploads = plan.MaxConcurrentUploads,
        };
    }

    /// <summary>Builds the limiters on <see cref="TimeProvider"/>, so a fake clock drives them in tests.</summary>
    private void CreateRateLimiters(RateLimitOptions limit)
    {
        if (limit.Requests is { } requests)
        {
            if (requests <= 0 || limit.Window <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(limit), "RateLimit.Requests and RateLimit.Window must be positive.");
            }

            // A true sliding window: "10 per minute" never becomes 20 across a window edge.
            _requests = new SlidingWindowLimiter(requests, limit.Window, TimeProvider);
        }

        if (limit.MaxConcurrentUploads is { } uploads)
        {
            if (uploads <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(limit), "RateLimit.MaxConcurrentUploads must be positive.");
            }

            _uploads = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = uploads,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
        }
    }

    /// <summary>Waits for a request permit (and an upload slot for a file upload); the caller's token cancels the wait.</summary>
    private ValueTask<Permits> AcquireAsync(bool request, bool upload, CancellationToken cancellationToken) =>
        (request && _requests is not null) || (upload && _uploads is not null)
            ? WaitForPermitsAsync(request, upload, cancellationToken)
            : default; // No limiter applies (the usual case): no wait to make, no state machine to run.

    private async ValueTask<Permits> WaitForPermitsAsync(bool request, bool upload, CancellationToken cancellationToken)
    {
        RateLimitLease? uploadLease = null;
        if (upload && _uploads is not null)
        {
            uploadLease = await _uploads.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        }

        RateLimitLease? requestLease = null;
        try
        {
            if (request && _requests is not null)
            {
                requestLease = await _requests.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            uploadLease?.Dispose();
            throw;
        }

        return new Permits(requestLease, uploadLease);
    }

    private void DisposeRateLimiters()
    {
        _requests?.Dispose();
        _uploads?.Dispose();
    }

    /// <summary>A request permit is spent when taken (it returns with the window); an upload slot is held until the call ends.</summary>
    private readonly struct Permits(RateLimitLease? request, RateLimitLease? upload) : IDisposable
    {
        public void Dispose()
        {
            request?.Dispose();
            upload?.Dispose();
        }
    }
}
