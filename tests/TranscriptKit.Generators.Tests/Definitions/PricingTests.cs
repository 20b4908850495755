using System;
using NUnit.Framework;

namespace TranscriptKit.Generators.Tests.Definitions;

/// <summary>
/// <c>x-tk-pricing</c>: a documented rule reaches <c>Definition.Pricing</c> with its inferred parts named, a spec
/// without one has none, and each malformed fact is a located TK0006.
/// </summary>
public class PricingTests
{
    [Test]
    public void A_rule_reaches_the_definition_with_its_inferred_parts()
    {
        var pricing = DefinitionSpec.Load(DefinitionSpec.With("""
            x-tk-pricing:
              unit: credits
              amount: 0.5
              per: minute
              rounding: { value: up, x-tk-inferred: true }
              source: "docs: 'half a credit per minute'"
            """)).Pricing!;

        Assert.Multiple(() =>
        {
            Assert.That((pricing.Unit, pricing.Amount, pricing.Per, pricing.Rounding), Is.EqualTo(("credits", 0.5m, BilledPer.Minute, PricingRounding.Up)));
            Assert.That(pricing.InferredFacts, Is.EqualTo(new[] { "rounding" }));
            Assert.That(pricing.Source, Is.EqualTo("docs: 'half a credit per minute'"));
            Assert.That(pricing.ChargeFor(TimeSpan.FromSeconds(61)), Is.EqualTo(1m), "two started minutes at half a credit");
        });
    }

    [Test]
    public void A_rule_marked_inferred_as_a_whole_marks_every_stated_part()
    {
        var pricing = DefinitionSpec.Load(DefinitionSpec.With("x-tk-pricing: { x-tk-inferred: true, unit: seconds, amount: 1, per: second }")).Pricing!;

        Assert.That(pricing.InferredFacts, Is.EqualTo(new[] { "amount", "per" }));
        Assert.That(pricing.Basis, Is.EqualTo(ChargeBasis.Inferred));
    }

    [Test]
    public void A_spec_whose_docs_state_no_price_has_no_pricing()
    {
        Assert.That(DefinitionSpec.Load(DefinitionSpec.With()).Pricing, Is.Null);
    }

    [Test]
    public void The_generated_rule_is_culture_independent_source()
    {
        var source = GeneratedCode.AssertCompiles(DefinitionSpec.With("x-tk-pricing: { unit: credits, amount: 1.25, per: request }")).Source("ProbeVendor.g.cs");

        Assert.That(source, Does.Contain("    {\n        Pricing = new global::TranscriptKit.VendorPricing(\"credits\", 1.25m, global::TranscriptKit.BilledPer.Request),\n    };"));
    }

    [TestCase("x-tk-pricing: [1]", 15, 15, "must be a mapping")]
    [TestCase("x-tk-pricing: { unit: credits, amount: 1, per: minute, price: 3 }", 15, 56, "is not a pricing fact")]
    [TestCase("x-tk-pricing: { unit: Credits!, amount: 1, per: minute }", 15, 23, "one lower-case word")]
    [TestCase("x-tk-pricing: { amount: 1, per: minute }", 15, 15, "one lower-case word")]
    [TestCase("x-tk-pricing: { unit: credits, amount: -1, per: minute }", 15, 40, "positive number")]
    [TestCase("x-tk-pricing: { unit: credits, amount: 1, per: hour }", 15, 48, "request, second or minute")]
    [TestCase("x-tk-pricing: { unit: credits, per: minute }", 15, 15, "amount: is missing")]
    [TestCase("x-tk-pricing: { unit: credits, amount: 1, per: minute, rounding: down }", 15, 66, "must be up")]
    [TestCase("x-tk-pricing: { unit: credits, amount: 1, per: request, rounding: up }", 15, 57, "no length to round")]
    [TestCase("x-tk-pricing: { unit: credits, amount: { value: 1, x-tk-inferred: perhaps }, per: minute }", 15, 67, "true or false")]
    [TestCase("x-tk-pricing: { unit: credits, amount: 1, per: minute, x-tk-inferred: 2 }", 15, 71, "true or false")]
    public void A_malformed_rule_is_TK0006_where_it_is_written(string pricing, int line, int column, string message)
    {
        var diagnostic = GeneratedCode.AssertReports(DefinitionSpec.With(pricing), "TK0006", line, column);
        Assert.That(diagnostic.GetMessage(), Does.Contain(message));
    }
}
