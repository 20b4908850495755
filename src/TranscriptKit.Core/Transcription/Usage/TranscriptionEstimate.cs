using System;

namespace TranscriptKit;

/// <summary>
/// The expected charge of a request before anything is sent (<see cref="ITranscriber.EstimateAsync"/>): the media's
/// length read locally from the file's container headers and the vendor's pricing rule from its spec.
/// <see cref="Charge"/> is <see langword="null"/> when either is missing; <see cref="Explanation"/> says which.
/// </summary>
/// <param name="Vendor">The vendor id.</param>
public sealed record TranscriptionEstimate(string Vendor)
{
    /// <summary>The media's length read from the local file or stream, or <see langword="null"/> (a URL, or a container this does not read).</summary>
    public TimeSpan? MediaDuration { get; init; }

    /// <summary>The expected charge in <see cref="Unit"/>, or <see langword="null"/> when it cannot be known before paying.</summary>
    public decimal? Charge { get; init; }

    /// <summary>The vendor's unit (<c>credits</c>, <c>seconds</c>…), when its spec states a pricing rule.</summary>
    public string? Unit { get; init; }

    /// <summary><see cref="ChargeBasis.Documented"/> or <see cref="ChargeBasis.Inferred"/> when there is a charge.</summary>
    public ChargeBasis? Basis { get; init; }

    /// <summary>The rule the charge comes from, or <see langword="null"/> when the vendor's docs state none.</summary>
    public VendorPricing? Pricing { get; init; }

    /// <summary>For people: the figure and how it was reached, or why there is none.</summary>
    public string Explanation { get; init; } = "";

    /// <inheritdoc/>
    public override string ToString() => Explanation;

    /// <summary>The estimate for media of <paramref name="duration"/> under <paramref name="pricing"/>; the shared rule every transcriber uses.</summary>
    /// <param name="vendor">The vendor id.</param>
    /// <param name="displayName">The vendor's name for people.</param>
    /// <param name="pricing">The vendor's rule, or <see langword="null"/>.</param>
    /// <param name="request">The request.</param>
    /// <param name="duration">The length read locally, or <see langword="null"/>.</param>
    /// <returns>The estimate.</returns>
    internal static TranscriptionEstimate For(string vendor, string displayName, VendorPricing? pricing, TranscriptionRequest request, TimeSpan? duration)
    {
        var length = duration is { } d ? $"{UsageText.Length(d)} of media" : request.Kind == TranscriptionSourceKind.Url
            ? "the length of media at a URL is known only once the vendor has fetched it"
            : $"the length of '{request.FileName}' could not be read from its headers (MP4, MOV, M4A, WAV and MP3 are read)";
        var estimate = new TranscriptionEstimate(vendor) { MediaDuration = duration, Pricing = pricing, Unit = pricing?.Unit };
        if (pricing is null)
        {
            return estimate with { Explanation = $"Charge unknown: {displayName}'s docs state no price; {length}." };
        }

        if (pricing.ChargeFor(duration) is not { } charge)
        {
            return estimate with { Explanation = $"Charge unknown: {displayName} charges {pricing}, and {length}." };
        }

        return estimate with
        {
            Charge = charge,
            Basis = pricing.Basis,
            Explanation = $"About {UsageText.Amount(charge)} {pricing.Unit} ({pricing}" + (pricing.DependsOnDuration || duration is not null ? $"; {length}" : "") + ").",
        };
    }
}
