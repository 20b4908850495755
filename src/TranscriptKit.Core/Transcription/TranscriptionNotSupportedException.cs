using System;

namespace TranscriptKit;

/// <summary>
/// The request asks for something the vendor cannot do (a file for a URL-only vendor, word timings, a language
/// choice). Raised before any network call, so nothing was sent or paid for; the message names what the vendor accepts.
/// </summary>
public class TranscriptionNotSupportedException : TranscriptKitException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="vendor">The vendor id.</param>
    /// <param name="message">What was asked and what the vendor accepts.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public TranscriptionNotSupportedException(string vendor, string message, Exception? innerException = null)
        : base(vendor, message, innerException: innerException)
    {
    }
}
