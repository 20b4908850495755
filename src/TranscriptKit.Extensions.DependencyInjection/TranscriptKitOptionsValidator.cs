using System.Collections.Generic;
using Microsoft.Extensions.Options;
using TranscriptKit.Authentication;

namespace TranscriptKit;

/// <summary>
/// Refuses, at start-up, a configured key or secret that is not a valid HTTP header value, naming the configuration
/// key (never the value): a line break in a key would otherwise reach the wire on the first call. Also refuses
/// timeouts, intervals and retry counts that make no sense (<see cref="OptionsCheck"/>), naming their keys.
/// </summary>
internal sealed class TranscriptKitOptionsValidator : IValidateOptions<TranscriptKitOptions>
{
    public ValidateOptionsResult Validate(string? name, TranscriptKitOptions options)
    {
        var failures = new List<string>();
        foreach (var (vendor, settings) in options.Vendors)
        {
            Check(failures, vendor, nameof(VendorSettings.ApiKey), settings?.ApiKey);
            Check(failures, vendor, nameof(VendorSettings.ApiSecret), settings?.ApiSecret);
            if (settings is not null)
            {
                failures.AddRange(OptionsCheck.Problems(settings, $"{TranscriptKitOptions.SectionName}:Vendors:{vendor}:"));
            }
        }

        if (options.Polling is { } polling)
        {
            failures.AddRange(OptionsCheck.Problems(polling, $"{TranscriptKitOptions.SectionName}:Polling:"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // An absent or blank value is not this check's business: the factory reports a missing key when it is used.
    private static void Check(List<string> failures, string vendor, string setting, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && CredentialCheck.FindProblem(value) is { } problem)
        {
            failures.Add(CredentialCheck.Describe($"{TranscriptKitOptions.SectionName}:Vendors:{vendor}:{setting}", problem));
        }
    }
}
