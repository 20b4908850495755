using System;

namespace TranscriptKit;

/// <summary>
/// The connection failed: it could not be opened, or it was reset or cut off before the whole response arrived
/// (a truncated body included). Idempotent calls are retried before this is thrown; for a job-starting call,
/// <see cref="TranscriptKitException.Submission"/> says whether the vendor may have accepted it.
/// </summary>
public class TranscriptKitTransportException : TranscriptKitException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="vendor">The vendor id.</param>
    /// <param name="message">A message for people, naming the vendor and the operation.</param>
    /// <param name="innerException">The socket or HTTP error underneath.</param>
    public TranscriptKitTransportException(string vendor, string message, Exception? innerException = null)
        : base(vendor, message, innerException: innerException)
    {
    }
}
