using System;

namespace TranscriptKit;

/// <summary>
/// Changes to a vendor's polling, layered on top of the spec's defaults for each poll operation: a value left
/// <see langword="null"/> keeps the spec's (Caption Cat's 60 min timeout stays 60 min unless <see cref="Timeout"/> is set).
/// Bound from <c>TranscriptKit:Polling</c> (all vendors) and <c>TranscriptKit:Vendors:&lt;id&gt;:Polling</c> (one vendor, wins).
/// </summary>
public sealed class PollingOverride
{
    /// <summary>The wait before the second status request; <see langword="null"/> keeps the spec's.</summary>
    public TimeSpan? InitialInterval { get; set; }

    /// <summary>The longest wait between two status requests; <see langword="null"/> keeps the spec's.</summary>
    public TimeSpan? MaxInterval { get; set; }

    /// <summary>How each interval grows (at least 1); <see langword="null"/> keeps the spec's.</summary>
    public double? BackoffFactor { get; set; }

    /// <summary>How long to wait in all before a timeout; <see langword="null"/> keeps the spec's.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>How many answers in a row may report a state the spec does not list before the wait ends; <see langword="null"/> keeps the spec's <c>unknown-grace</c>.</summary>
    public int? UnknownStatusPolls { get; set; }

    /// <summary>An override that sets every value, replacing the spec's schedule whole (what <c>TranscriberOptions.Polling</c> did when it was a <see cref="PollingOptions"/>).</summary>
    /// <param name="options">The complete schedule.</param>
    /// <returns>A new override.</returns>
    public static PollingOverride From(PollingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new()
        {
            InitialInterval = options.InitialInterval,
            MaxInterval = options.MaxInterval,
            BackoffFactor = options.BackoffFactor,
            Timeout = options.Timeout,
            UnknownStatusPolls = options.UnknownStatusPolls,
        };
    }

    /// <summary>The spec's <paramref name="defaults"/> with the values set here.</summary>
    /// <param name="defaults">A generated client's <c>Default…Polling</c>.</param>
    /// <returns>The polling to use.</returns>
    public PollingOptions ApplyTo(PollingOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        return defaults with
        {
            InitialInterval = InitialInterval ?? defaults.InitialInterval,
            MaxInterval = MaxInterval ?? defaults.MaxInterval,
            BackoffFactor = BackoffFactor ?? defaults.BackoffFactor,
            Timeout = Timeout ?? defaults.Timeout,
            UnknownStatusPolls = UnknownStatusPolls ?? defaults.UnknownStatusPolls,
        };
    }

    /// <summary>This override with <paramref name="other"/>'s values on top (each set value of <paramref name="other"/> wins).</summary>
    /// <param name="other">The more specific override, for example a vendor's over the section's; <see langword="null"/> changes nothing.</param>
    /// <returns>A new override.</returns>
    public PollingOverride Then(PollingOverride? other) => new()
    {
        InitialInterval = other?.InitialInterval ?? InitialInterval,
        MaxInterval = other?.MaxInterval ?? MaxInterval,
        BackoffFactor = other?.BackoffFactor ?? BackoffFactor,
        Timeout = other?.Timeout ?? Timeout,
        UnknownStatusPolls = other?.UnknownStatusPolls ?? UnknownStatusPolls,
    };
}
