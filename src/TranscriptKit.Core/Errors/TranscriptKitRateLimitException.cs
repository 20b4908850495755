using System;
using System.Net;

namespace TranscriptKit;

/// <summary>The vendor is rate limiting this account (HTTP 429) and the retries allowed by the options ran out.</summary>
public class TranscriptKitRateLimitException : TranscriptKitException
{
    /// <summary>Creates the exception; see <see cref="TranscriptKitException"/> for the parameters.</summary>
    /// <param name="vendor">The vendor id.</param>
    /// <param name="message">A message for people.</param>
    /// <param name="retryAfter">How long the vendor asked to wait, when it said.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="errorCode">The vendor's error code.</param>
    /// <param name="vendorMessage">The vendor's error message.</param>
    /// <param name="requestId">The vendor's request id.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public TranscriptKitRateLimitException(
        string vendor,
        string message,
        TimeSpan? retryAfter,
        HttpStatusCode? status = HttpStatusCode.TooManyRequests,
        string? errorCode = null,
        string? vendorMessage = null,
        string? requestId = null,
        Exception? innerException = null)
        : base(vendor, message, status, errorCode, vendorMessage, requestId, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the vendor asked to wait before the next request (<c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
