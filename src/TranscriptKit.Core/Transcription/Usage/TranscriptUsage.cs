using System;

namespace TranscriptKit;

/// <summary>
/// What one transcript used: the media's length and what the vendor charged for it in its own unit. Each figure is
/// <see langword="null"/> when neither the vendor's answer nor its documented pricing tells it; nothing is invented.
/// </summary>
public sealed record TranscriptUsage
{
    /// <summary>Nothing known.</summary>
    public static TranscriptUsage Unknown { get; } = new();

    /// <summary>The media's length: as the vendor reported it, else as read from the local file's container headers.</summary>
    public TimeSpan? MediaDuration { get; init; }

    /// <summary>The charge in <see cref="Unit"/>, when the vendor reported it or its pricing rule gives it.</summary>
    public decimal? Charge { get; init; }

    /// <summary>The vendor's unit of <see cref="Charge"/> as its spec names it (<c>credits</c>, <c>seconds</c> of quota…).</summary>
    public string? Unit { get; init; }

    /// <summary>Where <see cref="Charge"/> comes from; <see langword="null"/> when there is no charge figure.</summary>
    public ChargeBasis? Basis { get; init; }

    /// <summary>For people: <c>3 credits (reported), 2:06 of media</c>.</summary>
    public override string ToString() => UsageText.Describe(Charge, Unit, Basis, MediaDuration);
}
