using System;

namespace TranscriptKit;

/// <summary>
/// Waiting for a job took longer than the polling timeout. The job itself may still finish: resume waiting
/// with <see cref="Job"/> instead of starting (and paying for) a second one.
/// </summary>
public class TranscriptKitTimeoutException : TranscriptKitException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="vendor">The vendor id.</param>
    /// <param name="message">A message for people.</param>
    /// <param name="job">The job that was still running.</param>
    /// <param name="elapsed">How long TranscriptKit waited.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public TranscriptKitTimeoutException(string vendor, string message, JobToken? job, TimeSpan elapsed, Exception? innerException = null)
        : base(vendor, message, innerException: innerException)
    {
        Job = job;
        Elapsed = elapsed;
    }

    /// <summary>The job that was still running, to resume waiting later; <see langword="null"/> for a single request that timed out.</summary>
    public JobToken? Job { get; }

    /// <summary>How long TranscriptKit waited before giving up.</summary>
    public TimeSpan Elapsed { get; }
}
