using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;

namespace TranscriptKit.Cli;

/// <summary>--vendor for transcribe: one registered vendor id, or several comma-separated ones to route over in order.</summary>
internal static class VendorListOption
{
    public static Option<IReadOnlyList<string>> Create() => new("--vendor")
    {
        Description = $"The vendor, or vendors to try in order (a,b,c): the first whose capabilities fit and that accepts the job serves it. {CliVendors.IdList(Transcribers.Registry.Ids)}.",
        Required = true,
        HelpName = "id[,id…]",
        CustomParser = Parse,
    };

    private static IReadOnlyList<string> Parse(ArgumentResult result)
    {
        var ids = new List<string>();
        foreach (var part in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!Transcribers.Registry.TryGet(part, out var vendor))
            {
                result.AddError($"--vendor '{part}' is not a registered vendor; {CliVendors.IdList(Transcribers.Registry.Ids)}.");
                continue;
            }

            if (ids.Contains(vendor.Id, StringComparer.Ordinal))
            {
                result.AddError($"--vendor names {vendor.Id} twice.");
                continue;
            }

            ids.Add(vendor.Id);
        }

        if (ids.Count == 0 && result.Tokens.Count > 0 && !result.Implicit)
        {
            result.AddError("--vendor needs at least one vendor id.");
        }

        return ids;
    }
}
