using System;
using System.Collections.Generic;

namespace TranscriptKit;

/// <summary>
/// The one place that decides which option values make no sense, for both start-up validation (keys named as in
/// configuration, <c>TranscriptKit:Vendors:&lt;id&gt;:RequestTimeout</c>) and <see cref="TranscriptionVendor.Create"/>
/// (named as in code), so a bad value fails before the first call rather than as an odd timeout mid-job.
/// </summary>
internal static class OptionsCheck
{
    /// <summary>Problems in one vendor's settings; <paramref name="prefix"/> plus a setting's name is its key.</summary>
    public static IEnumerable<string> Problems(VendorSettings settings, string prefix, string separator = ":")
    {
        foreach (var problem in Timeout(settings.RequestTimeout, prefix + nameof(VendorSettings.RequestTimeout)))
        {
            yield return problem;
        }

        foreach (var problem in Timeout(settings.UploadIdleTimeout, prefix + nameof(VendorSettings.UploadIdleTimeout)))
        {
            yield return problem;
        }

        foreach (var problem in Timeout(settings.EventIdleTimeout, prefix + nameof(VendorSettings.EventIdleTimeout)))
        {
            yield return problem;
        }

        if (settings.MaxRetries is < 0)
        {
            yield return $"{prefix}{nameof(VendorSettings.MaxRetries)} must not be negative (0 turns retries off).";
        }

        if (settings.RetryBaseDelay is { } delay && delay < TimeSpan.Zero)
        {
            yield return $"{prefix}{nameof(VendorSettings.RetryBaseDelay)} must not be negative.";
        }

        if (settings.Polling is { } polling)
        {
            foreach (var problem in Problems(polling, prefix + nameof(VendorSettings.Polling) + separator))
            {
                yield return problem;
            }
        }
    }

    /// <summary>Problems in a polling override; <paramref name="prefix"/> plus a setting's name is its key.</summary>
    public static IEnumerable<string> Problems(PollingOverride polling, string prefix)
    {
        if (polling.InitialInterval is { } initial && initial <= TimeSpan.Zero)
        {
            yield return $"{prefix}{nameof(PollingOverride.InitialInterval)} must be positive.";
        }

        if (polling.MaxInterval is { } max && max <= TimeSpan.Zero)
        {
            yield return $"{prefix}{nameof(PollingOverride.MaxInterval)} must be positive.";
        }

        if (polling.InitialInterval is { } first && polling.MaxInterval is { } cap && cap > TimeSpan.Zero && cap < first)
        {
            yield return $"{prefix}{nameof(PollingOverride.MaxInterval)} must not be shorter than {nameof(PollingOverride.InitialInterval)}.";
        }

        if (polling.BackoffFactor is { } factor && (double.IsNaN(factor) || factor < 1))
        {
            yield return $"{prefix}{nameof(PollingOverride.BackoffFactor)} must be at least 1 (1 keeps the interval constant).";
        }

        if (polling.UnknownStatusPolls is { } unknown && unknown < 1)
        {
            yield return $"{prefix}{nameof(PollingOverride.UnknownStatusPolls)} must be at least 1.";
        }

        foreach (var problem in Timeout(polling.Timeout, prefix + nameof(PollingOverride.Timeout)))
        {
            yield return problem;
        }
    }

    // Zero or negative would time out at once; -00:00:00.001 (Timeout.InfiniteTimeSpan) is how code says "never".
    private static IEnumerable<string> Timeout(TimeSpan? value, string key)
    {
        if (value is { } timeout && timeout <= TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            yield return $"{key} must be positive (it was {timeout}).";
        }
    }
}
