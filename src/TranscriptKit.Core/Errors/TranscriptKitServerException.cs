using System;
using System.Net;

namespace TranscriptKit;

/// <summary>The vendor failed (HTTP 5xx). A request that starts a paid job is not retried after this, because the vendor may have accepted it.</summary>
public class TranscriptKitServerException : TranscriptKitException
{
    /// <summary>Creates the exception; see <see cref="TranscriptKitException"/> for the parameters.</summary>
    public TranscriptKitServerException(
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

    /// <summary>How long the vendor asked to wait (<c>Retry-After</c>, usually on 503), when it said and the wait was longer than <see cref="RetryOptions.MaxRetryAfter"/>.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
