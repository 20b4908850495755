using System;
using System.Net;

namespace TranscriptKit;

/// <summary>The vendor refused the credentials (HTTP 401 or 403): the key is missing, wrong, revoked or lacks permission.</summary>
public class TranscriptKitAuthenticationException : TranscriptKitException
{
    /// <summary>Creates the exception; see <see cref="TranscriptKitException"/> for the parameters.</summary>
    public TranscriptKitAuthenticationException(
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
