namespace TranscriptKit;

/// <summary>A vendor's account state, in vendor-neutral terms; a part the vendor does not report is <see langword="null"/>.</summary>
public sealed record AccountStatus
{
    /// <summary>The credit balance, in the vendor's credits.</summary>
    public long? Credits { get; init; }

    /// <summary>The transcription quota, in seconds of media.</summary>
    public AccountQuota? Quota { get; init; }

    /// <summary>Jobs running now and how many may run at once.</summary>
    public AccountConcurrency? Concurrency { get; init; }
}

/// <summary>A transcription quota in seconds of media.</summary>
/// <param name="Unlimited">Whether the plan has no limit (then only <paramref name="UsedSeconds"/> means anything).</param>
/// <param name="TotalSeconds">The quota per period.</param>
/// <param name="UsedSeconds">Seconds used this period.</param>
/// <param name="AvailableSeconds">Seconds left this period.</param>
/// <param name="Resets">How often the quota resets, in the vendor's words (e.g. <c>monthly</c>), when it says.</param>
public sealed record AccountQuota(bool Unlimited, double TotalSeconds, double UsedSeconds, double AvailableSeconds, string? Resets = null);

/// <summary>Jobs running now against the account's limit.</summary>
/// <param name="Running">Jobs running now.</param>
/// <param name="Limit">Jobs that may run at once.</param>
/// <param name="Available">Jobs that may start now.</param>
/// <param name="CanStartNow">Whether the vendor takes a new job now.</param>
public sealed record AccountConcurrency(int Running, int Limit, int Available, bool CanStartNow);
