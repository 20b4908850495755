using System;

namespace TranscriptKit;

/// <summary>What a <c>WaitFor…Async</c> helper reports after each status request.</summary>
/// <typeparam name="T">The status response model.</typeparam>
/// <param name="Job">The job being awaited.</param>
/// <param name="Attempt">1 for the first status request, then 2, 3, …</param>
/// <param name="Elapsed">Time since waiting started, on the client's <see cref="TimeProvider"/>.</param>
/// <param name="State">The state value the vendor reported, as text, when the spec names one.</param>
/// <param name="Percent">Progress in percent (0–100) when the vendor reports it.</param>
/// <param name="Response">
/// The whole status response; during a pause, the last one received (<see langword="default"/> when the vendor asked
/// for the pause before answering any).
/// </param>
public sealed record PollProgress<T>(JobToken Job, int Attempt, TimeSpan Elapsed, string? State, double? Percent, T Response)
{
    /// <summary>
    /// Set when the vendor asked the client to wait (429 or 503 with <c>Retry-After</c>) longer than the client retries
    /// by itself: the wait pauses here for this long, then polling goes on. <see langword="null"/> for a status report.
    /// </summary>
    public TimeSpan? PausedFor { get; init; }
}
