using System;

namespace TranscriptKit;

/// <summary>
/// The request that starts a (paid) job was sent, but its answer was lost: a timeout, a connection reset after
/// sending, a gateway error, or the caller's cancellation while it was in flight. The vendor may have accepted the
/// job. Do not simply submit again — that may pay twice: resume <see cref="Job"/> when it is known, otherwise check
/// what <see cref="HowToCheck"/> says first.
/// </summary>
/// <remarks>
/// <see cref="Exception.InnerException"/> is the original failure (a <see cref="TranscriptKitTimeoutException"/>,
/// another <see cref="TranscriptKitException"/> with <see cref="SubmissionOutcome.Unknown"/>, or an
/// <see cref="OperationCanceledException"/> when the caller cancelled during the submit). <see cref="TranscriptKitException.Submission"/>
/// is always <see cref="SubmissionOutcome.Unknown"/>.
/// </remarks>
public sealed class TranscriptionSubmissionUnknownException : TranscriptKitException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="vendor">The vendor id.</param>
    /// <param name="message">What happened and what to do, for people.</param>
    /// <param name="job">The job, when its id was known before the submit (Caption Cat's upload id); otherwise <see langword="null"/>.</param>
    /// <param name="howToCheck">Where to look for the job at the vendor before submitting again.</param>
    /// <param name="innerException">The failure that made the outcome unknown.</param>
    public TranscriptionSubmissionUnknownException(string vendor, string message, TranscriptionJob? job, string howToCheck, Exception innerException)
        : base(
            vendor,
            message,
            (innerException as TranscriptKitException)?.Status,
            (innerException as TranscriptKitException)?.ErrorCode,
            (innerException as TranscriptKitException)?.VendorMessage,
            (innerException as TranscriptKitException)?.RequestId,
            innerException)
    {
        ArgumentNullException.ThrowIfNull(innerException);
        Job = job;
        HowToCheck = howToCheck;
        Submission = SubmissionOutcome.Unknown;
        OperationId = (innerException as TranscriptKitException)?.OperationId;
    }

    /// <summary>
    /// The job to resume with <see cref="ITranscriber.WaitAsync"/> (save <see cref="TranscriptionJob.ToToken"/>) when the
    /// vendor named it before the submit; if the vendor did not accept it after all, waiting reports that. <see langword="null"/>
    /// when the vendor names a job only in the lost answer.
    /// </summary>
    public TranscriptionJob? Job { get; }

    /// <summary>Where to look for the job at the vendor (its job list, history or balance) before deciding to submit again.</summary>
    public string HowToCheck { get; }

    /// <summary>Whether the caller's cancellation (rather than a fault) interrupted the submit.</summary>
    public bool Cancelled => InnerException is OperationCanceledException;

    /// <summary>Whether the submit ran out of time (the inner error is a <see cref="TranscriptKitTimeoutException"/>).</summary>
    public bool TimedOut => InnerException is TranscriptKitTimeoutException;
}
