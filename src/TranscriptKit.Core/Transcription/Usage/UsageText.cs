using System;
using System.Globalization;

namespace TranscriptKit;

/// <summary>One wording of charges and lengths for usage, estimates and the CLI.</summary>
internal static class UsageText
{
    public static string Amount(decimal amount) => amount.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Length(TimeSpan duration) => duration.TotalHours >= 1
        ? duration.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : duration.TotalMinutes >= 1
            ? duration.ToString(@"m\:ss", CultureInfo.InvariantCulture)
            : duration.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";

    public static string Basis(ChargeBasis basis) => basis switch
    {
        ChargeBasis.Reported => "reported by the vendor",
        ChargeBasis.VendorEstimate => "the vendor's estimate",
        ChargeBasis.Documented => "from the documented price",
        _ => "from an inferred price",
    };

    public static string Describe(decimal? charge, string? unit, ChargeBasis? basis, TimeSpan? duration)
    {
        var cost = charge is { } c && unit is not null ? $"{Amount(c)} {unit}" + (basis is { } b ? $" ({Basis(b)})" : "") : "charge unknown";
        return duration is { } d ? $"{cost}, {Length(d)} of media" : $"{cost}, media length unknown";
    }
}
