namespace TranscriptKit;

/// <summary>Where a charge figure comes from, from most to least certain.</summary>
public enum ChargeBasis
{
    /// <summary>The vendor's response said what it charged (Subclip's <c>creditsUsed</c>).</summary>
    Reported,

    /// <summary>The vendor's own estimate when it accepted the job (Subclip's <c>estimatedCredits</c>).</summary>
    VendorEstimate,

    /// <summary>Computed from the vendor's documented pricing rule (<see cref="VendorPricing"/>).</summary>
    Documented,

    /// <summary>Computed from a pricing rule the spec infers in part (<see cref="VendorPricing.InferredFacts"/>).</summary>
    Inferred,
}
