namespace TranscriptKit.Generators.Model;

/// <summary>
/// <c>x-tk-pricing</c> at the root: the vendor's documented price, <see cref="Amount"/> <see cref="Unit"/> per
/// request, second or minute of media; each fact carries its <c>x-tk-inferred</c> mark.
/// </summary>
internal sealed record PricingSpec(
    string Unit,
    LimitFact<decimal> Amount,
    LimitFact<PricingPer> Per,
    LimitFact<PricingRoundingSpec> Rounding,
    string? Source);

internal enum PricingPer
{
    Request,
    Second,
    Minute,
}

internal enum PricingRoundingSpec
{
    None,
    Up,
}
