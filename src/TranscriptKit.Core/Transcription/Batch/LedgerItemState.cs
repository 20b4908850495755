namespace TranscriptKit;

/// <summary>Where one batch item stands in an <see cref="ITranscriptionLedger"/>.</summary>
public enum LedgerItemState
{
    /// <summary>Nothing was sent for it yet (or the vendor refused it without accepting a job).</summary>
    Pending,

    /// <summary>
    /// Written before the paid submit is sent. An item found here by a later run was interrupted between sending and
    /// recording the answer: its outcome is unknown, and only an explicit retry sends it again.
    /// </summary>
    Submitting,

    /// <summary>The vendor accepted the job; <see cref="LedgerItem.JobToken"/> resumes it without submitting again.</summary>
    Submitted,

    /// <summary>The transcript arrived.</summary>
    Done,

    /// <summary>It failed; <see cref="LedgerItem.Error"/> says why. Retried on a later run only when no job was accepted.</summary>
    Failed,
}
