using System;

namespace TranscriptKit.Subclip;

/// <summary>Checks the spec cannot state, run before a job request spends a credit.</summary>
public partial class SubclipClient
{
    // Hosts Subclip infers a platform from (its docs: "youtube, instagram, facebook, x, and tiktok").
    private static readonly string[] s_socialHosts =
    [
        "youtube.com", "youtu.be", "instagram.com", "facebook.com", "fb.watch", "x.com", "twitter.com", "tiktok.com",
    ];

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
        if (!RecognisesPlatform(url) && body.Platform != Platform.Public)
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
        foreach (var host in s_socialHosts)
        {
            if (url.Host.Equals(host, StringComparison.OrdinalIgnoreCase) || url.Host.EndsWith("." + host, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
