using System;
using System.Net;

namespace TranscriptKit;

/// <summary>The vendor answered with a body TranscriptKit could not read as the spec describes it (malformed JSON, a missing required field, an unexpected content type).</summary>
public class TranscriptKitResponseException : TranscriptKitException
{
    /// <summary>Creates the exception; see <see cref="TranscriptKitException"/> for the parameters.</summary>
    public TranscriptKitResponseException(
        string vendor,
        string message,
        HttpStatusCode? status = null,
        string? errorCode = null,
        string? vendorMessage = null,
        string? requestId = null,
        Exception? innerException = null)
        : base(vendor, message, status, errorCode, vendorMessage, requestId, innerException)
    {
    }
}
