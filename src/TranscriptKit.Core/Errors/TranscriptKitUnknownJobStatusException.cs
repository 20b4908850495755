using System;

namespace TranscriptKit;

/// <summary>
/// The vendor kept reporting a job state its spec does not list (neither running, succeeded nor failed), so the wait
/// ended after a few polls instead of running to the timeout. The job may still finish: <see cref="TranscriptKitJobFailedException.Job"/>
/// resumes waiting once the state is understood, without starting (and paying for) a second job.
/// It derives from <see cref="TranscriptKitJobFailedException"/> because, for the caller, the wait ended without a
/// transcript, and code that handles a failed job handles this one too.
/// </summary>
public class TranscriptKitUnknownJobStatusException : TranscriptKitJobFailedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="vendor">The vendor id.</param>
    /// <param name="message">A message for people, quoting the raw state.</param>
    /// <param name="job">The job whose state is unknown.</param>
    /// <param name="rawStatus">The state value as the vendor sent it; <see langword="null"/> when the field was missing.</param>
    /// <param name="vendorMessage">The vendor's own message in the same answer, when it gave one.</param>
    /// <param name="polls">How many answers in a row reported an unknown state.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public TranscriptKitUnknownJobStatusException(string vendor, string message, JobToken job, string? rawStatus, string? vendorMessage, int polls, Exception? innerException = null)
        : base(vendor, message, job, rawStatus, vendorMessage, innerException)
    {
        RawStatus = rawStatus;
        Polls = polls;
    }

    /// <summary>The state value as the vendor sent it; <see langword="null"/> when the status field was missing.</summary>
    public string? RawStatus { get; }

    /// <summary>How many status answers in a row reported an unknown state before the wait ended.</summary>
    public int Polls { get; }
}
