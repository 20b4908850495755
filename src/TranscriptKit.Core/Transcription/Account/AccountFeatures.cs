using System;

namespace TranscriptKit;

/// <summary>What a vendor reports about the account through <see cref="ITranscriberAccount"/>.</summary>
[Flags]
public enum AccountFeatures
{
    /// <summary>Nothing: the transcriber does not implement <see cref="ITranscriberAccount"/>.</summary>
    None = 0,

    /// <summary>The credit balance (<see cref="AccountStatus.Credits"/>).</summary>
    Credits = 1,

    /// <summary>The quota (<see cref="AccountStatus.Quota"/>).</summary>
    Quota = 2,

    /// <summary>Running jobs against the limit (<see cref="AccountStatus.Concurrency"/>).</summary>
    Concurrency = 4,
}
