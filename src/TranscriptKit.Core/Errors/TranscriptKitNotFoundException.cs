using System;
using System.Net;

namespace TranscriptKit;

/// <summary>The vendor does not know the resource (HTTP 404): a wrong or expired id.</summary>
public class TranscriptKitNotFoundException : TranscriptKitException
{
    /// <summary>Creates the exception; see <see cref="TranscriptKitException"/> for the parameters.</summary>
    public TranscriptKitNotFoundException(
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
