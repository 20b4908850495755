using System;
using System.Buffers;
using System.Collections.Frozen;

namespace TranscriptKit.Subclip;

/// <summary>Checks the spec cannot state, run before a job request spends a credit.</summary>
public partial class SubclipClient
{
    // Hosts Subclip infers a platform from (its docs: "youtube, instagram, facebook, x, and tiktok"), and their subdomains.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_socialHosts = new[]
    {
        "youtube.com", "youtu.be", "instagram.com", "facebook.com", "fb.watch", "x.com", "twitter.com", "tiktok.com",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SearchValues<char> s_plainHostChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-");

    partial void ValidateCreateJob(CreateJobRequest body)
    {
        var hasUrl = !string.IsNullOrWhiteSpace(body.Url);
        var hasKey = !string.IsNullOrWhiteSpace(body.SourceObjectKey);
        if (hasUrl == hasKey)
        {
            throw new ArgumentException(
                "Subclip needs exactly one of Url (a social or downloadable media URL) and SourceObjectKey (from UploadSourceAsync).",
                nameof(body));
        }

        if (!hasUrl)
        {
            return;
        }

        if (!Uri.TryCreate(body.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"Subclip needs an absolute http(s) URL, not '{body.Url}'.", nameof(body));
        }

        // The docs: a direct downloadable URL without platform "public" fails at Subclip, after the request.
        if (body.Platform != Platform.Public && !RecognisesPlatform(url))
        {
            throw new ArgumentException(
                $"'{url.Host}' is not a social platform Subclip recognises, so it needs Platform = Platform.Public for a direct media URL.",
                nameof(body));
        }
    }

    /// <summary>
    /// True when Subclip infers the platform from <paramref name="url"/>'s host (YouTube, Instagram, Facebook, X,
    /// TikTok); any other URL is a direct media URL and needs <c>Platform = Platform.Public</c>.
    /// </summary>
    public static bool RecognisesPlatform(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);

        // This runs before every job request: the host is read from the text when it is plain, and it and each
        // parent domain (m.youtube.com, then youtube.com) looked up as spans.
        var host = PlainHost(url);
        if (host.IsEmpty)
        {
            host = url.Host;
        }

        while (!s_socialHosts.Contains(host))
        {
            var dot = host.IndexOf('.');
            if (dot < 0)
            {
                return false;
            }

            host = host[(dot + 1)..];
        }

        return true;
    }

    /// <summary>
    /// The host of an absolute http(s) URL read straight from its text when the authority is plain (ASCII letters,
    /// digits, dots and hyphens, an optional port, no user info), where it is exactly what <see cref="Uri.Host"/>
    /// returns up to case; <see langword="null"/> for anything else, which <see cref="Uri.Host"/> then reads. Saves the
    /// components <see cref="Uri"/> would build (about 150 bytes a call).
    /// </summary>
    private static ReadOnlySpan<char> PlainHost(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            return null;
        }

        var text = url.OriginalString.AsSpan();
        var start = text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8 : text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7 : -1;
        if (start < 0)
        {
            return null;
        }

        var rest = text[start..];
        var end = rest.IndexOfAny("/?#\\");
        var authority = end < 0 ? rest : rest[..end];
        var colon = authority.IndexOf(':');
        var host = colon < 0 ? authority : authority[..colon];
        if (host.IsEmpty || host.ContainsAnyExcept(s_plainHostChars) || (colon >= 0 && (authority.Length == colon + 1 || authority[(colon + 1)..].ContainsAnyExceptInRange('0', '9'))))
        {
            return null;
        }

        return host;
    }
}
