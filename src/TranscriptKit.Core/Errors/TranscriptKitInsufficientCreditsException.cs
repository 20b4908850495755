using System;
using System.Net;

namespace TranscriptKit;

/// <summary>The account has too few credits or too little quota for the request (HTTP 402, or a vendor's business code that says so).</summary>
public class TranscriptKitInsufficientCreditsException : TranscriptKitException
{
    /// <summary>Creates the exception; see <see cref="TranscriptKitException"/> for the parameters.</summary>
    public TranscriptKitInsufficientCreditsException(
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
