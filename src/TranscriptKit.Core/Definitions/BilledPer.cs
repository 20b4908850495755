namespace TranscriptKit;

/// <summary>What one <see cref="VendorPricing.Amount"/> pays for (<c>x-tk-pricing.per</c>).</summary>
public enum BilledPer
{
    /// <summary>Each request, whatever the media's length (Soscripted: "each request costs 1 credit").</summary>
    Request,

    /// <summary>Each second of media.</summary>
    Second,

    /// <summary>Each minute of media.</summary>
    Minute,
}
