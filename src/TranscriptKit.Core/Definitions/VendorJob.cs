using System;
using System.Collections.Generic;

namespace TranscriptKit;

/// <summary>A polled job of a vendor's spec (<c>x-tk-poll</c>): which operation starts it, which one polls it, and the polling defaults.</summary>
/// <param name="Name">The job kind, e.g. <c>Transcription</c>: the <c>k</c> of its job tokens.</param>
/// <param name="StartOperationId">The operation that starts the job.</param>
/// <param name="PollOperationId">The operation polled for its state.</param>
/// <param name="IdParameters">The poll operation's parameters that identify the job, in order; the first is the job's id.</param>
/// <param name="DefaultPolling">The spec's intervals and timeout, and how many unknown states in a row it allows (<c>unknown-grace</c>).</param>
public sealed record VendorJob(
    string Name,
    string StartOperationId,
    string PollOperationId,
    IReadOnlyList<string> IdParameters,
    PollingOptions DefaultPolling)
{
    /// <summary>
    /// The raw state values the spec lists, each with its meaning and whether it is inferred, in spec order. When
    /// <see cref="ListsRunningStates"/> is <see langword="true"/>, a value in none of them is an unknown state.
    /// </summary>
    public IReadOnlyList<JobStatusValue> Statuses { get; init; } = Array.Empty<JobStatusValue>();

    /// <summary>
    /// <see langword="true"/> when the spec lists the running states (<c>running-when</c>), so a value in no list is
    /// reported as unknown and ends the wait after <see cref="PollingOptions.UnknownStatusPolls"/> answers;
    /// <see langword="false"/> when every unlisted value counts as running.
    /// </summary>
    public bool ListsRunningStates { get; init; }

    /// <summary>The status response's field with the vendor's failure message (<c>failure-message</c>, a dotted JSON path), if the spec names one.</summary>
    public string? FailureMessageField { get; init; }
}
