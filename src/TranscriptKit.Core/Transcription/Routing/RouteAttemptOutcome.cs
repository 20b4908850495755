namespace TranscriptKit;

/// <summary>What happened to one vendor in a routed request.</summary>
public enum RouteAttemptOutcome
{
    /// <summary>The vendor's capabilities do not fit the request: nothing was sent to it.</summary>
    Skipped = 0,

    /// <summary>The vendor refused the request before accepting a job (refusal before sending, auth, credits, 429, circuit open): the next vendor was tried.</summary>
    Refused,

    /// <summary>The vendor accepted the job (or returned the transcript): no later vendor was tried.</summary>
    Accepted,

    /// <summary>The vendor failed in a way that may hide an accepted job, or that falling back cannot cure: no later vendor was tried.</summary>
    Failed,
}
