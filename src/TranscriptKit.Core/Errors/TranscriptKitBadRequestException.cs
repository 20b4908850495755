using System;
using System.Net;

namespace TranscriptKit;

/// <summary>The vendor rejected the request as malformed or unsupported (HTTP 400, 413, 415, 422).</summary>
public class TranscriptKitBadRequestException : TranscriptKitException
{
    /// <summary>Creates the exception; see <see cref="TranscriptKitException"/> for the parameters.</summary>
    public TranscriptKitBadRequestException(
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
