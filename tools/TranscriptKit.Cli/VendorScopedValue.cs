using System;
using System.Collections.Generic;
using System.Linq;

namespace TranscriptKit.Cli;

/// <summary>
/// One reading of a <c>vendor=value</c> option value. The text splits at the first '=' only when what precedes it is a
/// registered vendor id, so a plain key or URL that itself contains '=' (base64 padding, a query string) stays whole.
/// </summary>
internal static class VendorScopedValue
{
    /// <summary>The vendor the value names (normalized), or <see langword="null"/> for a plain value, and the value.</summary>
    public static (string? Vendor, string Value) Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && Transcribers.Registry.TryGet(text[..equals].Trim(), out var vendor)
            ? (vendor.Id, text[(equals + 1)..])
            : (null, text);
    }

    /// <summary>The value for <paramref name="vendor"/>: its scoped one, else the plain one, else <see langword="null"/>.</summary>
    /// <exception cref="UsageException">The option names the same vendor twice, or gives two plain values.</exception>
    public static string? For(IReadOnlyList<string> values, string vendor, string option)
    {
        var split = values.Select(Split).ToList();
        var scoped = split.Where(s => string.Equals(s.Vendor, vendor, StringComparison.OrdinalIgnoreCase)).ToList();
        var plain = split.Where(s => s.Vendor is null).ToList();
        if (scoped.Count > 1)
        {
            throw new UsageException($"{option} is given twice for {vendor}.");
        }

        if (scoped.Count == 0 && plain.Count > 1)
        {
            throw new UsageException($"{option} is given {plain.Count} times without a vendor: write {option} <vendor>=<value> for each vendor.");
        }

        return (scoped.Count == 1 ? scoped[0].Value : plain.FirstOrDefault().Value) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;
    }

    /// <summary>The part of each value that is the secret itself, for redaction: after the vendor prefix, when there is one.</summary>
    public static IEnumerable<string> SecretParts(string text)
    {
        yield return text;
        var (vendor, value) = Split(text);
        if (vendor is not null)
        {
            yield return value;
        }
    }
}
