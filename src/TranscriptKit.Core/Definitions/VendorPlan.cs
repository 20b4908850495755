using System;

namespace TranscriptKit;

/// <summary>One account plan's documented limits (<c>x-tk-limits.plans</c>), which the client-side rate limiter follows.</summary>
/// <param name="Name">The plan's name as the spec writes it, e.g. <c>free</c>.</param>
public sealed record VendorPlan(string Name)
{
    /// <summary>Requests allowed per <see cref="RateLimitWindow"/>; absent when the docs state none.</summary>
    public int? RateLimitRequests { get; init; }

    /// <summary>The window of <see cref="RateLimitRequests"/>.</summary>
    public TimeSpan? RateLimitWindow { get; init; }

    /// <summary>File uploads that may run at once; absent when the docs state none.</summary>
    public int? MaxConcurrentUploads { get; init; }
}
