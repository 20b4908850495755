using System;

namespace TranscriptKit;

/// <summary>
/// Retries with exponential backoff and jitter. Idempotent requests are retried after 429, 5xx, transport
/// faults and timeouts; a request that may start a paid job (a POST the spec does not mark idempotent) is retried
/// only after 429, which means the vendor refused it, never after a 5xx or a timeout.
/// </summary>
public sealed record RetryOptions
{
    /// <summary>How many times a request may be sent again; 0 turns retries off.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first backoff delay; later ones grow exponentially with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff delay.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest <c>Retry-After</c> the client waits for by itself; a vendor asking for longer gets a
    /// <see cref="TranscriptKitRateLimitException"/> carrying its <c>RetryAfter</c> instead.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);
}
