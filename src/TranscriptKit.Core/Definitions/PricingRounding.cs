namespace TranscriptKit;

/// <summary>How a media length becomes billed units (<c>x-tk-pricing.rounding</c>).</summary>
public enum PricingRounding
{
    /// <summary>The exact length: 90 s at a per-minute price is 1.5 units.</summary>
    None,

    /// <summary>Every started unit counts in full: 90 s at a per-minute price is 2 units.</summary>
    Up,
}
