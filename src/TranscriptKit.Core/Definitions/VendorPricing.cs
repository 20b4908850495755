using System;
using System.Collections.Generic;
using System.Linq;

namespace TranscriptKit;

/// <summary>
/// A vendor's pricing rule as its spec states it (<c>x-tk-pricing</c>): <see cref="Amount"/> of <see cref="Unit"/>
/// (the vendor's own currency: <c>credits</c>, quota <c>seconds</c>…) per request, second or minute of media. Only
/// documented rules are written down; a part the docs do not state but the spec infers is listed in
/// <see cref="InferredFacts"/>, and a vendor whose docs give no rule has no pricing at all (<see langword="null"/>).
/// </summary>
/// <param name="Unit">What the vendor charges in, as its docs name it (e.g. <c>credits</c>).</param>
/// <param name="Amount">How many <paramref name="Unit"/> one <paramref name="Per"/> costs.</param>
/// <param name="Per">What one <paramref name="Amount"/> pays for.</param>
public sealed record VendorPricing(string Unit, decimal Amount, BilledPer Per)
{
    /// <summary>How a media length becomes billed units; irrelevant for <see cref="BilledPer.Request"/>.</summary>
    public PricingRounding Rounding { get; init; } = PricingRounding.None;

    /// <summary>The parts of the rule the spec marks <c>x-tk-inferred</c> (<c>amount</c>, <c>per</c>, <c>rounding</c>); empty when the docs state it all.</summary>
    public IReadOnlyList<string> InferredFacts { get; init; } = [];

    /// <summary>Where the vendor's docs state the rule (or what it is inferred from), for people.</summary>
    public string? Source { get; init; }

    /// <summary><see langword="true"/> when the charge depends on the media's length, so a URL's cannot be known before the vendor fetches it.</summary>
    public bool DependsOnDuration => Per != BilledPer.Request;

    /// <summary>How sure a charge computed from this rule is: <see cref="ChargeBasis.Inferred"/> when a part it uses is inferred.</summary>
    public ChargeBasis Basis => InferredFacts.Any(f => DependsOnDuration || f != "rounding") ? ChargeBasis.Inferred : ChargeBasis.Documented;

    /// <summary>The charge for media of <paramref name="mediaDuration"/>, or <see langword="null"/> when the rule needs a length that is not known.</summary>
    /// <param name="mediaDuration">The media's length, when known.</param>
    /// <returns>The charge in <see cref="Unit"/>.</returns>
    public decimal? ChargeFor(TimeSpan? mediaDuration)
    {
        if (Per == BilledPer.Request)
        {
            return Amount;
        }

        if (mediaDuration is not { } duration || duration < TimeSpan.Zero)
        {
            return null;
        }

        // Ticks, not TotalMinutes: 120 s is exactly 2 minutes, never 2.0000000001 rounded up to 3.
        var units = (decimal)duration.Ticks / (Per == BilledPer.Minute ? TimeSpan.TicksPerMinute : TimeSpan.TicksPerSecond);
        if (Rounding == PricingRounding.Up)
        {
            units = decimal.Ceiling(units);
        }

        return units * Amount;
    }

    /// <summary>The rule for people, e.g. <c>1 credits per started minute, rounding inferred</c>.</summary>
    public override string ToString()
    {
        var per = Per switch
        {
            BilledPer.Request => "request",
            _ => (Rounding == PricingRounding.Up ? "started " : "") + (Per == BilledPer.Minute ? "minute" : "second"),
        };
        return $"{Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)} {Unit} per {per}" + (InferredFacts.Count > 0 ? $", {string.Join(" and ", InferredFacts)} inferred" : "");
    }
}
