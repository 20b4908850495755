using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Extensions.Time.Testing;

namespace TranscriptKit.Benchmarks.Polling;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also knows its pending timers, so the report can jump the clock straight to
/// the next one (the poller's next interval) instead of stepping, and so detection delays are exact.
/// </summary>
internal sealed class TrackingTimeProvider : TimeProvider
{
    private readonly FakeTimeProvider _fake = new();
    private readonly List<TrackedTimer> _timers = new();
    private long _sequence;

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Increases with every timer created and every request answered: orders the two.</summary>
    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TrackedTimer(this, NextSequence());
        timer.Inner = _fake.CreateTimer(
            s =>
            {
                timer.Fired();
                callback(s);
            },
            state,
            dueTime,
            period);
        timer.Schedule(dueTime, period);
        lock (_timers)
        {
            _timers.Add(timer);
        }

        return timer;
    }

    /// <summary>The earliest pending timer created after <paramref name="sequence"/>, if any.</summary>
    public DateTimeOffset? NextDueAfter(long sequence)
    {
        lock (_timers)
        {
            DateTimeOffset? next = null;
            foreach (var timer in _timers)
            {
                if (timer.Due is { } due && timer.Sequence > sequence && (next is null || due < next))
                {
                    next = due;
                }
            }

            return next;
        }
    }

    /// <summary>The earliest pending timer of any age (the overall timeout, when nothing else is left).</summary>
    public DateTimeOffset? NextDue()
    {
        lock (_timers)
        {
            DateTimeOffset? next = null;
            foreach (var timer in _timers)
            {
                if (timer.Due is { } due && (next is null || due < next))
                {
                    next = due;
                }
            }

            return next;
        }
    }

    public void AdvanceTo(DateTimeOffset when)
    {
        var by = when - _fake.GetUtcNow();
        if (by > TimeSpan.Zero)
        {
            _fake.Advance(by);
        }
    }

    private sealed class TrackedTimer(TrackingTimeProvider owner, long sequence) : ITimer
    {
        private TimeSpan _period;

        public ITimer Inner { get; set; } = null!;

        public long Sequence { get; } = sequence;

        public DateTimeOffset? Due { get; private set; }

        public void Schedule(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            Due = dueTime == Timeout.InfiniteTimeSpan ? null : owner.GetUtcNow() + dueTime;
        }

        public void Fired() => Due = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : owner.GetUtcNow() + _period;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Schedule(dueTime, period);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            Due = null;
            Inner.Dispose();
        }

        public System.Threading.Tasks.ValueTask DisposeAsync()
        {
            Due = null;
            return Inner.DisposeAsync();
        }
    }
}
