using System;

namespace TranscriptKit;

/// <summary>What a <c>WaitFor…Async</c> helper reports after each status request.</summary>
/// <typeparam name="T">The status response model.</typeparam>
/// <param name="Job">The job being awaited.</param>
/// <param name="Attempt">1 for the first status request, then 2, 3, …</param>
/// <param name="Elapsed">Time since waiting started, on the client's <see cref="TimeProvider"/>.</param>
/// <param name="State">The state value the vendor reported, as text, when the spec names one.</param>
/// <param name="Percent">Progress in percent (0–100) when the vendor reports it.</param>
/// <param name="Response">The whole status response.</param>
public sealed record PollProgress<T>(JobToken Job, int Attempt, TimeSpan Elapsed, string? State, double? Percent, T Response);
