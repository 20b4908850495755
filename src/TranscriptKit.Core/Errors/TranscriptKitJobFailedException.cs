using System;

namespace TranscriptKit;

/// <summary>A job the vendor accepted ended in a failed state while TranscriptKit was waiting for it.</summary>
public class TranscriptKitJobFailedException : TranscriptKitException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="vendor">The vendor id.</param>
    /// <param name="message">A message for people.</param>
    /// <param name="job">The job that failed.</param>
    /// <param name="state">The state value the vendor reported.</param>
    /// <param name="vendorMessage">The vendor's failure description, when it gave one.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public TranscriptKitJobFailedException(string vendor, string message, JobToken job, string? state, string? vendorMessage = null, Exception? innerException = null)
        : base(vendor, message, status: null, errorCode: state, vendorMessage: vendorMessage, requestId: null, innerException: innerException)
    {
        Job = job;
        State = state;
    }

    /// <summary>The job that failed; its token can be logged or shown to support.</summary>
    public JobToken Job { get; }

    /// <summary>The state value the vendor reported, for example <c>FAILURE</c>.</summary>
    public string? State { get; }
}
