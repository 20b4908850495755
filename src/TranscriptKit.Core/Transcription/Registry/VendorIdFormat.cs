using System;
using System.Buffers;

namespace TranscriptKit;

/// <summary>
/// What a vendor id looks like wherever one enters (job tokens, the registry, configuration): lower-case ASCII
/// letters, digits, '-', '_' or '.', starting with a letter or digit. Ids are compared after trimming and lower-casing,
/// so <c>Subclip</c> and <c>subclip</c> are one vendor; whether the vendor is registered is the registry's question.
/// </summary>
internal static class VendorIdFormat
{
    private const int MaxLength = 64;

    private static readonly SearchValues<char> s_allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_.");

    /// <summary>The canonical (trimmed, lower-case) id, or an <see cref="ArgumentException"/> saying what is wrong with it.</summary>
    public static string Normalize(string? vendorId, string paramName)
    {
        if (string.IsNullOrWhiteSpace(vendorId))
        {
            throw new ArgumentException("A vendor id is required (for example the Id of a vendor's definition).", paramName);
        }

        var id = vendorId.Trim().ToLowerInvariant();
        if (id.Length > MaxLength || !IsIdStart(id[0]) || id.AsSpan().ContainsAnyExcept(s_allowed))
        {
            throw new ArgumentException($"'{vendorId}' is not a vendor id: ids are lower-case letters, digits, '-', '_' or '.', start with a letter or digit, and have at most {MaxLength} characters.", paramName);
        }

        return id;
    }

    private static bool IsIdStart(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
}
