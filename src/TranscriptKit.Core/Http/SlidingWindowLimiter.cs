using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace TranscriptKit.Runtime;

/// <summary>
/// "N requests per window" on a <see cref="TimeProvider"/>: a request waits until fewer than N were sent in the
/// window before it. The framework's SlidingWindowRateLimiter measures time with its own stopwatch even when
/// replenished by hand, so a fake clock could never release it; this one lets tests drive it.
/// </summary>
internal sealed class SlidingWindowLimiter(int permits, TimeSpan window, TimeProvider clock) : RateLimiter
{
    private static readonly RateLimitLease s_acquired = new Lease(true, null);
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly SemaphoreSlim _turn = new(1, 1);

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_sent)
        {
            Prune(clock.GetUtcNow());
            return new RateLimiterStatistics { CurrentAvailablePermits = permits - _sent.Count };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_sent)
        {
            return TryTake(permitCount, out var wait) ? s_acquired : new Lease(false, wait);
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (permitCount > permits)
        {
            return new Lease(false, null);
        }

        // One waiter at a time, so requests leave in the order they arrived.
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_sent)
                {
                    if (TryTake(permitCount, out wait))
                    {
                        return s_acquired;
                    }
                }

                await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _turn.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool TryTake(int permitCount, out TimeSpan wait)
    {
        var now = clock.GetUtcNow();
        Prune(now);
        if (_sent.Count + permitCount <= permits)
        {
            for (var i = 0; i < permitCount; i++)
            {
                _sent.Enqueue(now);
            }

            wait = TimeSpan.Zero;
            return true;
        }

        wait = _sent.Peek() + window - now;
        return false;
    }

    private void Prune(DateTimeOffset now)
    {
        while (_sent.Count > 0 && _sent.Peek() + window <= now)
        {
            _sent.Dequeue();
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
