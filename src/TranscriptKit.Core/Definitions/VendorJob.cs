using System.Collections.Generic;

namespace TranscriptKit;

/// <summary>A polled job of a vendor's spec (<c>x-tk-poll</c>): which operation starts it, which one polls it, and the polling defaults.</summary>
/// <param name="Name">The job kind, e.g. <c>Transcription</c>: the <c>k</c> of its job tokens.</param>
/// <param name="StartOperationId">The operation that starts the job.</param>
/// <param name="PollOperationId">The operation polled for its state.</param>
/// <param name="IdParameters">The poll operation's parameters that identify the job, in order; the first is the job's id.</param>
/// <param name="DefaultPolling">The spec's intervals and timeout.</param>
public sealed record VendorJob(
    string Name,
    string StartOperationId,
    string PollOperationId,
    IReadOnlyList<string> IdParameters,
    PollingOptions DefaultPolling);
