using System;
using NUnit.Framework;

namespace TranscriptKit.Core.Tests.Definitions;

/// <summary>A pricing rule's arithmetic: per request, per second or minute, rounded up or exact, and how sure its result is.</summary>
[TestFixture]
public sealed class VendorPricingTests
{
    private static readonly VendorPricing s_perStartedMinute = new("credits", 1, BilledPer.Minute) { Rounding = PricingRounding.Up };

    [TestCase(0.001, 1)]
    [TestCase(59.999, 1)]
    [TestCase(60, 1)]
    [TestCase(60.001, 2)]
    [TestCase(126, 3)]
    [TestCase(3600, 60)]
    public void A_started_minute_counts_in_full_and_a_whole_one_is_not_rounded_past(double seconds, int credits)
    {
        Assert.That(s_perStartedMinute.ChargeFor(TimeSpan.FromSeconds(seconds)), Is.EqualTo((decimal)credits));
    }

    [Test]
    public void An_exact_rule_charges_the_fraction()
    {
        var pricing = new VendorPricing("seconds", 1, BilledPer.Second);

        Assert.That(pricing.ChargeFor(TimeSpan.FromSeconds(60.5)), Is.EqualTo(60.5m));
        Assert.That(new VendorPricing("credits", 0.5m, BilledPer.Minute).ChargeFor(TimeSpan.FromSeconds(90)), Is.EqualTo(0.75m));
    }

    [Test]
    public void A_length_based_rule_without_a_length_gives_no_charge_and_a_per_request_rule_needs_none()
    {
        Assert.That(s_perStartedMinute.ChargeFor(null), Is.Null);
        Assert.That(s_perStartedMinute.ChargeFor(TimeSpan.FromSeconds(-1)), Is.Null);
        Assert.That(new VendorPricing("credits", 1, BilledPer.Request).ChargeFor(null), Is.EqualTo(1m));
    }

    [Test]
    public void A_charge_is_inferred_when_a_part_it_uses_is()
    {
        Assert.That((s_perStartedMinute with { InferredFacts = ["rounding"] }).Basis, Is.EqualTo(ChargeBasis.Inferred));
        Assert.That(s_perStartedMinute.Basis, Is.EqualTo(ChargeBasis.Documented));
        Assert.That(new VendorPricing("credits", 1, BilledPer.Request) { InferredFacts = ["rounding"] }.Basis, Is.EqualTo(ChargeBasis.Documented), "a per-request charge rounds nothing");
    }

    [Test]
    public void The_rule_reads_for_people()
    {
        Assert.That((s_perStartedMinute with { InferredFacts = ["rounding"] }).ToString(), Is.EqualTo("1 credits per started minute, rounding inferred"));
        Assert.That(new VendorPricing("seconds", 1, BilledPer.Second).ToString(), Is.EqualTo("1 seconds per second"));
    }
}
