using System;
using System.Buffers;
using System.Collections.Frozen;

namespace TranscriptKit.Subclip;

/// <summary>Checks the spec cannot state, run before a job request spends a credit.</summary>
public partial class SubclipClient
{
    // Far above any job URL, far below what Uri refuses (65,519 characters).
    private const int MaxPlainUrlLength = 4096;

    // Hosts Subclip infers a platform from (its docs: "youtube, instagram, facebook, x, and tiktok"), and their subdomains.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_socialHosts = new[]
    {
        "youtube.com", "youtu.be", "instagram.com", "facebook.com", "fb.watch", "x.com", "twitter.com", "tiktok.com",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SearchValues<char> s_plainHostChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-");

    private static readonly SearchValues<char> s_letters = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

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

        // Most job URLs are plain (an ASCII host, then printable ASCII): those are checked from their text, where Uri
        // would read the same host; any other goes through Uri's parser. Spares the parse on every job request.
        var host = PlainUrlHost(body.Url!);
        if (host.IsEmpty)
        {
            if (!Uri.TryCreate(body.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                throw new ArgumentException($"Subclip needs an absolute http(s) URL, not '{body.Url}'.", nameof(body));
            }

            host = url.Host;
        }

        // The docs: a direct downloadable URL without platform "public" fails at Subclip, after the request.
        if (body.Platform != Platform.Public && !IsSocialHost(host))
        {
            throw new ArgumentException(
                $"'{host}' is not a social platform Subclip recognises, so it needs Platform = Platform.Public for a direct media URL.",
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

        // A plain URL's host is read from its text, which spares the components Uri.Host builds (about 150 bytes).
        var host = PlainUrlHost(url.OriginalString);
        return IsSocialHost(host.IsEmpty ? url.Host : host);
    }

    /// <summary>The host or one of its parent domains (m.youtube.com, then youtube.com) is a platform's.</summary>
    private static bool IsSocialHost(ReadOnlySpan<char> host)
    {
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
    /// The host of an http(s) URL read straight from its text when the URL is plain, where <see cref="Uri"/> accepts the
    /// text and its <see cref="Uri.Host"/> is this host up to case; empty for anything else, which <see cref="Uri"/> then
    /// reads. Plain: the scheme first (no leading space), no user info, DNS labels of ASCII letters, digits and inner
    /// hyphens (1–63 each, the last all letters, so never an IPv4 form <see cref="Uri"/> rewrites), an optional port up
    /// to 65535, then printable ASCII other than <c>\</c> (which http URLs read as <c>/</c>), and not over
    /// <see cref="MaxPlainUrlLength"/> in all.
    /// </summary>
    private static ReadOnlySpan<char> PlainUrlHost(string text)
    {
        var span = text.AsSpan();
        var start = span.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8 : span.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7 : -1;
        if (start < 0 || span.Length > MaxPlainUrlLength)
        {
            return default;
        }

        var rest = span[start..];
        var end = rest.IndexOfAny("/?#\\");
        var authority = end < 0 ? rest : rest[..end];
        var colon = authority.IndexOf(':');
        var host = colon < 0 ? authority : authority[..colon];
        if (!IsPlainDnsName(host) || (colon >= 0 && !IsPort(authority[(colon + 1)..])))
        {
            return default;
        }

        if (end >= 0 && (rest[end..].ContainsAnyExceptInRange('!', '~') || rest[end..].Contains('\\')))
        {
            return default;
        }

        return host;
    }

    private static bool IsPlainDnsName(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty || host.Length > 253 || host.ContainsAnyExcept(s_plainHostChars))
        {
            return false;
        }

        while (true)
        {
            var dot = host.IndexOf('.');
            var label = dot < 0 ? host : host[..dot];
            if (label.IsEmpty || label.Length > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            if (dot < 0)
            {
                // The last label all letters: "123", "0x7f.1" and "1.2.3.4" are addresses Uri rewrites.
                return !label.ContainsAnyExcept(s_letters);
            }

            host = host[(dot + 1)..];
        }
    }

    private static bool IsPort(ReadOnlySpan<char> port) =>
        port.Length is > 0 and <= 5 && !port.ContainsAnyExceptInRange('0', '9') && int.Parse(port, provider: System.Globalization.CultureInfo.InvariantCulture) <= 65535;
}
