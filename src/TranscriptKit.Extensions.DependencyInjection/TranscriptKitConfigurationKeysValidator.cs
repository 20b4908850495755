using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace TranscriptKit;

/// <summary>
/// Refuses, at start-up, a key under <c>TranscriptKit</c> that no setting reads (<c>TranscriptKit:Vendors:subclip:Timeout</c>
/// instead of <c>…:Polling:Timeout</c>, <c>ApiKee</c>), naming it: the binder ignores unknown keys, so a misspelt
/// setting would otherwise be silently dropped and the default used. A vendor section whose id the container's
/// registry does not hold (<c>TranscriptKit:Vendors:subclp</c>) is refused the same way, naming the registered ids;
/// the registry is read when validation runs, so vendors added with <c>AddVendor</c> after this count.
/// </summary>
internal sealed class TranscriptKitConfigurationKeysValidator(IConfigurationSection section, TranscriberRegistry registry) : IValidateOptions<TranscriptKitOptions>
{
    // The names the configuration binder reads; kept beside the types by nameof, so a renamed setting breaks the build here.
    private static readonly string[] s_sectionKeys = [nameof(TranscriptKitOptions.Vendors), nameof(TranscriptKitOptions.Polling), nameof(TranscriptKitOptions.Routing)];

    private static readonly string[] s_vendorKeys =
    [
        nameof(VendorSettings.ApiKey), nameof(VendorSettings.ApiSecret), nameof(VendorSettings.Endpoint), nameof(VendorSettings.Polling),
        nameof(VendorSettings.RequestTimeout), nameof(VendorSettings.UploadIdleTimeout), nameof(VendorSettings.EventIdleTimeout),
        nameof(VendorSettings.MaxRetries), nameof(VendorSettings.RetryBaseDelay), nameof(VendorSettings.ApplicationId),
    ];

    private static readonly string[] s_pollingKeys =
    [
        nameof(PollingOverride.InitialInterval), nameof(PollingOverride.MaxInterval), nameof(PollingOverride.BackoffFactor), nameof(PollingOverride.Timeout), nameof(PollingOverride.UnknownStatusPolls),
    ];

    public ValidateOptionsResult Validate(string? name, TranscriptKitOptions options)
    {
        // Only the options bound from this section; named options configured in code have no keys to check.
        if (name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        Unknown(failures, section, s_sectionKeys);
        Unknown(failures, section.GetSection(nameof(TranscriptKitOptions.Polling)), s_pollingKeys);
        foreach (var vendor in section.GetSection(nameof(TranscriptKitOptions.Vendors)).GetChildren())
        {
            if (!registry.TryGet(vendor.Key, out _))
            {
                failures.Add($"{vendor.Path} names no registered vendor. {registry}");
            }

            Unknown(failures, vendor, s_vendorKeys);
            Unknown(failures, vendor.GetSection(nameof(VendorSettings.Polling)), s_pollingKeys);
        }

        foreach (var routed in section.GetSection(nameof(TranscriptKitOptions.Routing)).GetChildren())
        {
            if (!registry.TryGet(routed.Value, out _))
            {
                failures.Add($"{routed.Path} = '{routed.Value}' names no registered vendor. {registry}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Unknown(List<string> failures, IConfigurationSection parent, string[] known)
    {
        foreach (var child in parent.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{child.Path} is not a TranscriptKit setting; known here: {string.Join(", ", known)}.");
            }
        }
    }
}
