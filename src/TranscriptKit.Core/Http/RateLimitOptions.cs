using System;

namespace TranscriptKit;

/// <summary>
/// The client-side rate limit, which replaces the one the spec documents for the configured plan
/// (<see cref="TranscriptKitClientOptions.Plan"/>). A limit left null is not applied; <see cref="Off"/> applies none.
/// </summary>
public sealed record RateLimitOptions
{
    /// <summary>No client-side limiting: every request goes out at once (the vendor's 429s still apply).</summary>
    public static RateLimitOptions Off { get; } = new();

    /// <summary>Requests allowed per <see cref="Window"/>; null for no request-rate limit.</summary>
    public int? Requests { get; init; }

    /// <summary>The window of <see cref="Requests"/>; one minute unless set.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>File uploads that may run at once; null for no limit.</summary>
    public int? MaxConcurrentUploads { get; init; }
}
