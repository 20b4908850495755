using System;

namespace TranscriptKit;

/// <summary>
/// How a <c>WaitFor…Async</c> helper polls: the first interval, how it grows, its cap, and the overall timeout.
/// Each generated helper starts from the vendor's recommended values in the spec; set only what you want to change.
/// </summary>
public sealed record PollingOptions
{
    /// <summary>The wait before the second status request (the first is sent at once).</summary>
    public TimeSpan InitialInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two status requests.</summary>
    public TimeSpan MaxInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Each interval is the previous one times this factor, up to <see cref="MaxInterval"/>. 1 keeps it constant.</summary>
    public double BackoffFactor { get; init; } = 1.5;

    /// <summary>How long to wait in all before <see cref="TranscriptKitTimeoutException"/>; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits forever.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How many status answers in a row may report a state the spec does not list (neither running, succeeded nor
    /// failed) before the wait ends with <see cref="TranscriptKitUnknownJobStatusException"/>; 1 ends it at the first.
    /// Each generated helper starts from the spec's <c>unknown-grace</c> (3 unless it says otherwise), so an undocumented
    /// state costs a few polls, not the whole timeout.
    /// </summary>
    public int UnknownStatusPolls { get; init; } = 3;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a value makes no sense.</summary>
    public void Validate()
    {
        if (InitialInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(InitialInterval), InitialInterval, "The polling interval must be positive.");
        }

        if (MaxInterval < InitialInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxInterval), MaxInterval, "The maximum polling interval must not be shorter than the initial one.");
        }

        if (double.IsNaN(BackoffFactor) || BackoffFactor < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BackoffFactor), BackoffFactor, "The backoff factor must be at least 1.");
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "The polling timeout must be positive or infinite.");
        }

        if (UnknownStatusPolls < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(UnknownStatusPolls), UnknownStatusPolls, "At least one status answer must be read before giving up on an unknown state.");
        }
    }
}
