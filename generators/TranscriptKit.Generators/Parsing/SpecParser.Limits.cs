using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TranscriptKit.Generators.Model;
using YamlDotNet.RepresentationModel;

namespace TranscriptKit.Generators.Parsing;

/// <summary><c>x-tk-limits</c> at the root → <see cref="LimitsSpec"/>; every fact may be written <c>{ value: …, x-tk-inferred: true }</c>.</summary>
internal sealed partial class SpecParser
{
    private const string LimitsKey = "x-tk-limits";

    private static readonly string[] s_limitKeys = { "max-upload-bytes", "max-direct-upload-bytes", "media-types", "file-extensions", "languages", "max-concurrent-jobs", "rate-limit", "plans", "default-plan", "url-hosts" };

    private static readonly string[] s_planKeys = { "rate-limit", "max-concurrent-uploads" };

    private LimitsSpec ParseLimits(YamlMappingNode root, EquatableArray<UploadSpec> uploads)
    {
        // The signed-URL helper enforces x-tk-upload.max-size before sending a byte, so that is where the upload limit
        // lives when the spec has one; stating it twice would let the two drift apart.
        var uploadMax = uploads.Where(u => u.MaxSize is not null).Select(u => u.MaxSize!.Value).DefaultIfEmpty().Max();
        LimitFact<long>? maxUpload = uploadMax > 0 ? new LimitFact<long>(uploadMax, false) : null;
        var node = Get(root, LimitsKey);
        if (node is null)
        {
            return LimitsSpec.None with { MaxUploadBytes = maxUpload };
        }

        if (Map(node) is not { } map)
        {
            Report(Diagnostics.InvalidExtension, node, LimitsKey, "must be a mapping of " + string.Join(", ", s_limitKeys));
            return LimitsSpec.None;
        }

        foreach (var key in map.Children.Keys)
        {
            if (!s_limitKeys.Contains(KeyText(key), StringComparer.Ordinal))
            {
                Report(Diagnostics.InvalidExtension, key, $"{LimitsKey}.{KeyText(key)}", "is not a limit TranscriptKit knows; the limits are " + string.Join(", ", s_limitKeys));
            }
        }

        if (Get(map, "max-upload-bytes") is { } maxNode)
        {
            if (maxUpload is not null)
            {
                var upload = uploads.First(u => u.MaxSize is not null);
                Report(Diagnostics.InvalidExtension, KeyNode(map, "max-upload-bytes"), LimitsKey + ".max-upload-bytes", $"the upload limit is already x-tk-upload.max-size of '{upload.Name}' (which the upload helper enforces); state it once, there");
            }
            else
            {
                maxUpload = Fact(maxNode, "max-upload-bytes", (text, _) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes > 0 ? bytes : (long?)null, "must be a positive whole number of bytes");
            }
        }

        var (plans, defaultPlan) = ParsePlans(map);
        return new LimitsSpec(
            maxUpload,
            ListFact(Get(map, "media-types"), "media-types", IsMediaType, "must be a media type such as 'video/mp4' (lower case, type/subtype)"),
            ListFact(Get(map, "file-extensions"), "file-extensions", IsExtension, "must be a lower-case file extension with its dot, such as '.mp4'"),
            ListFact(Get(map, "languages"), "languages", IsLanguage, "must be a lower-case language code such as 'en' (ISO 639, optionally with a region: 'pt-br')"),
            Get(map, "max-concurrent-jobs") is { } jobsNode
                ? Fact(jobsNode, "max-concurrent-jobs", (text, _) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var jobs) && jobs > 0 ? jobs : (int?)null, "must be a positive whole number")
                : null,
            Get(map, "rate-limit") is { } rateNode ? RateFact(rateNode) : null,
            plans,
            defaultPlan)
        {
            UrlHosts = ListFact(Get(map, "url-hosts"), "url-hosts", IsHost, "must be a lower-case host name such as 'youtube.com' (no scheme, port or path; it matches its subdomains too)"),
            MaxDirectUploadBytes = Get(map, "max-direct-upload-bytes") is { } directNode
                ? Fact(directNode, "max-direct-upload-bytes", (text, _) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes > 0 ? bytes : (long?)null, "must be a positive whole number of bytes")
                : null,
        };
    }

    /// <summary><c>plans: { free: { rate-limit, max-concurrent-uploads }, … }</c> and the <c>default-plan</c> a client assumes.</summary>
    private (EquatableArray<PlanSpec> Plans, string? DefaultPlan) ParsePlans(YamlMappingNode map)
    {
        var plans = new List<PlanSpec>();
        var plansNode = Get(map, "plans");
        if (plansNode is not null)
        {
            if (Map(plansNode) is not { Children.Count: > 0 } plansMap)
            {
                Report(Diagnostics.InvalidExtension, plansNode, LimitsKey + ".plans", "must map each plan's name to { rate-limit, max-concurrent-uploads }");
                return (EquatableArray<PlanSpec>.Empty, null);
            }

            foreach (var entry in plansMap.Children)
            {
                var name = KeyText(entry.Key);
                var where = $"{LimitsKey}.plans.{name}";
                if (!IsPlanName(name) || Map(entry.Value) is not { Children.Count: > 0 } plan)
                {
                    Report(Diagnostics.InvalidExtension, entry.Key, where, "a plan is a lower-case name (a-z, 0-9, -) mapped to { rate-limit, max-concurrent-uploads }");
                    continue;
                }

                foreach (var key in plan.Children.Keys.Where(k => !s_planKeys.Contains(KeyText(k), StringComparer.Ordinal)))
                {
                    Report(Diagnostics.InvalidExtension, key, $"{where}.{KeyText(key)}", "a plan states " + string.Join(", ", s_planKeys));
                }

                var rate = Get(plan, "rate-limit") is { } rateNode ? RateFact(rateNode)?.Value : null;
                int? uploads = null;
                if (Get(plan, "max-concurrent-uploads") is { } uploadsNode)
                {
                    if (int.TryParse(Str(uploadsNode), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
                    {
                        uploads = count;
                    }
                    else
                    {
                        Report(Diagnostics.InvalidExtension, uploadsNode, where + ".max-concurrent-uploads", "must be a positive whole number");
                    }
                }

                plans.Add(new PlanSpec(name!, rate, uploads));
            }
        }

        var defaultNode = Get(map, "default-plan");
        var defaultPlan = Str(defaultNode);
        if (defaultNode is not null && (defaultPlan is null || plans.All(p => p.Name != defaultPlan)))
        {
            Report(Diagnostics.InvalidExtension, defaultNode, LimitsKey + ".default-plan", "must name one of the plans: " + string.Join(", ", plans.Select(p => p.Name)));
            defaultPlan = null;
        }
        else if (defaultNode is null && plans.Count > 0)
        {
            // A client must know which plan's limits to assume when the caller names none.
            Report(Diagnostics.InvalidExtension, plansNode!, LimitsKey + ".plans", "needs a default-plan next to it (the plan a client assumes when none is configured)");
        }

        return (plans.ToEquatableArray(), defaultPlan);
    }

    private static bool IsPlanName(string? text) =>
        text is { Length: > 0 } && text.All(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');

    /// <summary>Reads a scalar fact, plain or as <c>{ value, x-tk-inferred }</c>.</summary>
    private LimitFact<T>? Fact<T>(YamlNode node, string key, Func<string?, YamlNode, T?> read, string expected)
        where T : struct
    {
        var (valueNode, inferred) = Unwrap(node, key);
        if (valueNode is null)
        {
            return null;
        }

        if (read(Str(valueNode), valueNode) is { } value)
        {
            return new LimitFact<T>(value, inferred);
        }

        Report(Diagnostics.InvalidExtension, valueNode, $"{LimitsKey}.{key}", expected);
        return null;
    }

    private LimitFact<EquatableArray<string>>? ListFact(YamlNode? node, string key, Func<string, bool> valid, string expected)
    {
        if (node is null)
        {
            return null;
        }

        var (valueNode, inferred) = Unwrap(node, key);
        if (valueNode is null)
        {
            return null;
        }

        if (valueNode is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            Report(Diagnostics.InvalidExtension, valueNode, $"{LimitsKey}.{key}", "must be a non-empty list; leave the key out when the docs state none");
            return null;
        }

        var values = new List<string>();
        var ok = true;
        foreach (var item in sequence.Children)
        {
            var text = Str(item);
            if (text is null || !valid(text))
            {
                Report(Diagnostics.InvalidExtension, item, $"{LimitsKey}.{key}", $"{Shown(text ?? "(not text)")} {expected}");
                ok = false;
            }
            else if (values.Contains(text, StringComparer.Ordinal))
            {
                Report(Diagnostics.InvalidExtension, item, $"{LimitsKey}.{key}", $"{Shown(text)} is listed twice");
                ok = false;
            }
            else
            {
                values.Add(text);
            }
        }

        return ok ? new LimitFact<EquatableArray<string>>(values.ToEquatableArray(), inferred) : null;
    }

    private LimitFact<RateLimitSpec>? RateFact(YamlNode node)
    {
        const string Key = "rate-limit";
        var (valueNode, inferred) = Unwrap(node, Key);
        if (valueNode is null)
        {
            return null;
        }

        if (Map(valueNode) is not { } map || map.Children.Count != 2 || Get(map, "requests") is null || Get(map, "per") is null)
        {
            Report(Diagnostics.InvalidExtension, valueNode, $"{LimitsKey}.{Key}", "must be { requests: <count>, per: <duration> }, e.g. { requests: 60, per: 1m }");
            return null;
        }

        var ok = true;
        if (!int.TryParse(Str(Get(map, "requests")), NumberStyles.None, CultureInfo.InvariantCulture, out var requests) || requests <= 0)
        {
            Report(Diagnostics.InvalidExtension, Get(map, "requests")!, $"{LimitsKey}.{Key}.requests", "must be a positive whole number");
            ok = false;
        }

        if (!Durations.TryParseSeconds(Str(Get(map, "per")), out var seconds))
        {
            Report(Diagnostics.InvalidExtension, Get(map, "per")!, $"{LimitsKey}.{Key}.per", "must be " + Durations.Expected);
            ok = false;
        }

        return ok ? new LimitFact<RateLimitSpec>(new RateLimitSpec(requests, seconds), inferred) : null;
    }

    /// <summary>A fact's value node and its <c>x-tk-inferred</c> mark; a mapping is the <c>{ value, x-tk-inferred }</c> form unless the fact is itself a mapping without <c>value</c>.</summary>
    private (YamlNode? Value, bool Inferred) Unwrap(YamlNode node, string key, string extension = LimitsKey)
    {
        if (Map(node) is not { } map || Get(map, "value") is null)
        {
            return (node, false);
        }

        var inferred = false;
        foreach (var entry in map.Children)
        {
            switch (KeyText(entry.Key))
            {
                case "value":
                    break;
                case "x-tk-inferred":
                    if (Bool(entry.Value) is { } mark)
                    {
                        inferred = mark;
                    }
                    else
                    {
                        Report(Diagnostics.InvalidExtension, entry.Value, $"{extension}.{key}.x-tk-inferred", "must be true or false");
                        return (null, false);
                    }

                    break;
                default:
                    Report(Diagnostics.InvalidExtension, entry.Key, $"{extension}.{key}.{KeyText(entry.Key)}", "a fact written as a mapping takes only 'value' and 'x-tk-inferred'");
                    return (null, false);
            }
        }

        return (Get(map, "value"), inferred);
    }

    private static bool IsMediaType(string text)
    {
        var slash = text.IndexOf('/');
        return slash > 0 && slash < text.Length - 1 && text.IndexOf('/', slash + 1) < 0 && text.All(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c is '/' or '-' or '+' or '.');
    }

    private static bool IsExtension(string text) =>
        text.Length > 1 && text[0] == '.' && text.Skip(1).All(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c is '.' or '-' or '_') && text[text.Length - 1] != '.';

    // A DNS name of at least two labels: a bare label ("localhost") or an address would be a spec mistake, not a platform.
    private static bool IsHost(string text)
    {
        var labels = text.Split('.');
        return labels.Length >= 2 && text.Length <= 253
            && labels.All(l => l.Length is >= 1 and <= 63 && l[0] != '-' && l[l.Length - 1] != '-' && l.All(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            && !labels[labels.Length - 1].All(c => c >= '0' && c <= '9');
    }

    private static bool IsLanguage(string text)
    {
        var parts = text.Split('-');
        return parts[0].Length is 2 or 3 && parts[0].All(c => c >= 'a' && c <= 'z')
            && parts.Skip(1).All(p => p.Length is >= 2 and <= 8 && p.All(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')));
    }
}
