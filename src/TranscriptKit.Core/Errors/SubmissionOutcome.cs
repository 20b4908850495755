namespace TranscriptKit;

/// <summary>What a failed call says about whether the vendor accepted a job-starting request.</summary>
public enum SubmissionOutcome
{
    /// <summary>The call does not start a job (a status poll, a download, an idempotent request).</summary>
    NotASubmission = 0,

    /// <summary>The vendor refused the request or it was never sent: no job exists, submitting again is safe.</summary>
    NotAccepted,

    /// <summary>The request may have reached the vendor and started a job; submitting again may pay twice.</summary>
    Unknown,
}
