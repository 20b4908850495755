using System.Collections.Generic;
using System.ComponentModel;

namespace TranscriptKit.Runtime;

/// <summary>Responses wrapped as <c>{code, msg, data}</c> with business errors inside HTTP 200 (<c>x-tk-envelope</c>).</summary>
/// <param name="CodeField">The field with the business code.</param>
/// <param name="MessageField">The field with the business message.</param>
/// <param name="DataField">The field with the payload.</param>
/// <param name="SuccessCodes">Codes that mean success.</param>
/// <param name="Rules">Business code (and message prefix) → reason and error kind, tried in order.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record EnvelopeDescriptor(string CodeField, string MessageField, string DataField, IReadOnlyList<long> SuccessCodes, IReadOnlyList<EnvelopeErrorRule> Rules);

/// <summary>One documented business error: its code, optionally its message prefix, and what it means.</summary>
/// <param name="Code">The business code.</param>
/// <param name="MessagePrefix">Matches when the message starts with this (case-insensitive); <see langword="null"/> matches any message.</param>
/// <param name="Reason">The stable name callers switch on.</param>
/// <param name="Kind">Which exception type it becomes.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record EnvelopeErrorRule(long Code, string? MessagePrefix, string Reason, ErrorKind Kind);

/// <summary>The exception family an error belongs to.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum ErrorKind
{
    /// <summary>A <see cref="TranscriptKitException"/> with no more specific type.</summary>
    General,

    /// <summary><see cref="TranscriptKitAuthenticationException"/>: bad or missing credentials.</summary>
    Authentication,

    /// <summary><see cref="TranscriptKitAuthenticationException"/>: valid credentials without permission (plan, membership).</summary>
    Forbidden,

    /// <summary><see cref="TranscriptKitInsufficientCreditsException"/>.</summary>
    InsufficientCredits,

    /// <summary><see cref="TranscriptKitRateLimitException"/>: rate or concurrency limits.</summary>
    RateLimit,

    /// <summary><see cref="TranscriptKitNotFoundException"/>.</summary>
    NotFound,

    /// <summary><see cref="TranscriptKitBadRequestException"/>.</summary>
    BadRequest,

    /// <summary><see cref="TranscriptKitServerException"/>.</summary>
    Server,
}
