using System;
using System.Globalization;
using System.Linq;
using TranscriptKit.Generators.Model;
using YamlDotNet.RepresentationModel;

namespace TranscriptKit.Generators.Parsing;

/// <summary>
/// <c>x-tk-pricing</c> at the root → <see cref="PricingSpec"/>: <c>{ unit, amount, per, rounding, source }</c>, each
/// fact plain or <c>{ value, x-tk-inferred: true }</c>, or the whole rule marked <c>x-tk-inferred: true</c>.
/// </summary>
internal sealed partial class SpecParser
{
    private const string PricingKey = "x-tk-pricing";

    private static readonly string[] s_pricingKeys = { "unit", "amount", "per", "rounding", "source", "x-tk-inferred" };

    private PricingSpec? ParsePricing(YamlMappingNode root)
    {
        var node = Get(root, PricingKey);
        if (node is null)
        {
            return null;
        }

        if (Map(node) is not { } map)
        {
            Report(Diagnostics.InvalidExtension, node, PricingKey, "must be a mapping of unit, amount, per and optionally rounding, source, x-tk-inferred; leave it out when the docs state no price");
            return null;
        }

        foreach (var key in map.Children.Keys.Where(k => !s_pricingKeys.Contains(KeyText(k), StringComparer.Ordinal)))
        {
            Report(Diagnostics.InvalidExtension, key, $"{PricingKey}.{KeyText(key)}", "is not a pricing fact TranscriptKit knows; they are " + string.Join(", ", s_pricingKeys));
        }

        var allInferred = false;
        if (Get(map, "x-tk-inferred") is { } markNode)
        {
            if (Bool(markNode) is { } mark)
            {
                allInferred = mark;
            }
            else
            {
                Report(Diagnostics.InvalidExtension, markNode, PricingKey + ".x-tk-inferred", "must be true or false");
            }
        }

        // The unit becomes a metric tag and a usage key, so it is a plain word such as 'credits' or 'seconds'.
        var unit = Str(Get(map, "unit"));
        var unitOk = unit is { Length: > 0 and <= 40 } && unit[0] >= 'a' && unit[0] <= 'z' && unit.All(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c is '-' or '_');
        if (!unitOk)
        {
            Report(Diagnostics.InvalidExtension, Get(map, "unit") ?? node, PricingKey + ".unit", "must name what the vendor charges in as one lower-case word, such as 'credits' or 'seconds'");
        }

        var amount = Required(map, node, "amount", "must be a positive number, such as 1 or 0.5", text =>
            decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : (decimal?)null);
        var per = Required(map, node, "per", "must be request, second or minute", text => text switch
        {
            "request" => PricingPer.Request,
            "second" => PricingPer.Second,
            "minute" => PricingPer.Minute,
            _ => (PricingPer?)null,
        });
        LimitFact<PricingRoundingSpec>? rounding = new(PricingRoundingSpec.None, false);
        if (Get(map, "rounding") is { } roundingNode)
        {
            rounding = PricingFact(roundingNode, "rounding", "must be up (each started second or minute counts in full) or none", text => text switch
            {
                "up" => PricingRoundingSpec.Up,
                "none" => PricingRoundingSpec.None,
                _ => (PricingRoundingSpec?)null,
            });
            if (per?.Value == PricingPer.Request)
            {
                Report(Diagnostics.InvalidExtension, KeyNode(map, "rounding")!, PricingKey + ".rounding", "a price per request has no length to round; leave rounding out");
            }
        }

        if (!unitOk || amount is null || per is null || rounding is null)
        {
            return null;
        }

        return new PricingSpec(
            unit!,
            amount with { Inferred = amount.Inferred || allInferred },
            per with { Inferred = per.Inferred || allInferred },
            rounding with { Inferred = rounding.Inferred || (allInferred && Get(map, "rounding") is not null) },
            Prose(Get(map, "source")));
    }

    private LimitFact<T>? Required<T>(YamlMappingNode map, YamlNode node, string key, string expected, Func<string?, T?> read)
        where T : struct
    {
        if (Get(map, key) is { } value)
        {
            return PricingFact(value, key, expected, read);
        }

        Report(Diagnostics.InvalidExtension, node, $"{PricingKey}.{key}", "is missing: it " + expected);
        return null;
    }

    private LimitFact<T>? PricingFact<T>(YamlNode node, string key, string expected, Func<string?, T?> read)
        where T : struct
    {
        var (valueNode, inferred) = Unwrap(node, key, PricingKey);
        if (valueNode is null)
        {
            return null;
        }

        if (read(Str(valueNode)) is { } value)
        {
            return new LimitFact<T>(value, inferred);
        }

        Report(Diagnostics.InvalidExtension, valueNode, $"{PricingKey}.{key}", expected);
        return null;
    }
}
