using System;
using System.Net;
using TranscriptKit.Runtime;

namespace TranscriptKit.Errors;

/// <summary>Creates the exception of a kind; the one place that maps kinds to types.</summary>
internal static class ErrorFactory
{
    public static ErrorKind KindOf(HttpStatusCode status) => (int)status switch
    {
        401 => ErrorKind.Authentication,
        403 => ErrorKind.Forbidden,
        402 => ErrorKind.InsufficientCredits,
        404 => ErrorKind.NotFound,
        429 => ErrorKind.RateLimit,
        >= 500 => ErrorKind.Server,
        >= 400 => ErrorKind.BadRequest,
        _ => ErrorKind.General,
    };

    public static string Hint(ErrorKind kind) => kind switch
    {
        ErrorKind.Authentication => " Check the API key (and secret) for this vendor.",
        ErrorKind.Forbidden => " The account lacks permission for this: check its plan.",
        ErrorKind.InsufficientCredits => " Top up credits or upgrade the plan.",
        _ => string.Empty,
    };

    public static TranscriptKitException Create(ErrorKind kind, string vendor, string message, HttpStatusCode? status, string? code, string? vendorMessage, string? requestId, TimeSpan? retryAfter, string? reason)
    {
        TranscriptKitException error = kind switch
        {
            ErrorKind.Authentication or ErrorKind.Forbidden => new TranscriptKitAuthenticationException(vendor, message, status, code, vendorMessage, requestId),
            ErrorKind.InsufficientCredits => new TranscriptKitInsufficientCreditsException(vendor, message, status, code, vendorMessage, requestId),
            ErrorKind.NotFound => new TranscriptKitNotFoundException(vendor, message, status, code, vendorMessage, requestId),
            ErrorKind.RateLimit => new TranscriptKitRateLimitException(vendor, message, retryAfter, status, code, vendorMessage, requestId),
            ErrorKind.Server => new TranscriptKitServerException(vendor, message, status, code, vendorMessage, requestId) { RetryAfter = retryAfter },
            ErrorKind.BadRequest => new TranscriptKitBadRequestException(vendor, message, status, code, vendorMessage, requestId),
            _ => new TranscriptKitException(vendor, message, status, code, vendorMessage, requestId),
        };
        error.Reason = reason;
        return error;
    }

    /// <summary>The first envelope rule matching a business code and message, if any.</summary>
    public static EnvelopeErrorRule? Match(EnvelopeDescriptor? envelope, string? code, string? message)
    {
        if (envelope is null || !long.TryParse(code, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        foreach (var rule in envelope.Rules)
        {
            if (rule.Code == value && (rule.MessagePrefix is null || (message?.StartsWith(rule.MessagePrefix, StringComparison.OrdinalIgnoreCase) ?? false)))
            {
                return rule;
            }
        }

        return null;
    }
}
