using System;
using System.Collections.Generic;

namespace TranscriptKit;

/// <summary>
/// No vendor of a <see cref="TranscriptionRouter"/> accepted the request, and none may have: every one was skipped
/// or refused before accepting a job, so submitting again later (or elsewhere) cannot pay twice.
/// </summary>
public sealed class TranscriptionRoutingException : TranscriptKitException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A message for people.</param>
    /// <param name="attempts">Every vendor considered and why it did not serve.</param>
    /// <param name="innerException">The last vendor's refusal, if any.</param>
    public TranscriptionRoutingException(string message, IReadOnlyList<RouteAttempt> attempts, Exception? innerException = null)
        : base(TranscriptionRouter.VendorId, message, innerException: innerException)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        Attempts = attempts;
        Submission = SubmissionOutcome.NotAccepted;
    }

    /// <summary>Every vendor considered, in order, and why it did not serve.</summary>
    public IReadOnlyList<RouteAttempt> Attempts { get; }
}
