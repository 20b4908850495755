using System;
using System.Collections.Generic;

namespace TranscriptKit;

/// <summary>
/// The vendor ids TranscriptKit uses everywhere: configuration sections (<c>TranscriptKit:Vendors:&lt;id&gt;</c>),
/// keyed services, <see cref="ITranscriberFactory.Create(string)"/>, the CLI's <c>--vendor</c> and exceptions' <c>Vendor</c>.
/// </summary>
public static class VendorIds
{
    /// <summary>Caption Cat: video upload, SRT and text.</summary>
    public const string CaptionCat = "captioncat";

    /// <summary>Subclip: uploaded files or social/public URLs; text, SRT or JSON with word timestamps.</summary>
    public const string Subclip = "subclip";

    /// <summary>TranscriptGenerate: Douyin, Xiaohongshu and Kuaishou video URLs; text.</summary>
    public const string TranscriptGenerate = "transcriptgenerate";

    /// <summary>Cliptext: uploaded files; text.</summary>
    public const string Cliptext = "cliptext";

    /// <summary>Soscripted: social video URLs; timed captions, with streamed progress.</summary>
    public const string Soscripted = "soscripted";

    /// <summary>Every vendor id, in the order the docs list them.</summary>
    public static IReadOnlyList<string> All { get; } = [CaptionCat, Subclip, TranscriptGenerate, Cliptext, Soscripted];

    /// <summary>Returns the canonical id for <paramref name="vendorId"/> (case-insensitive), or throws naming the known ids.</summary>
    /// <exception cref="ArgumentException">The id is not one of <see cref="All"/>.</exception>
    public static string Normalize(string vendorId)
    {
        ArgumentNullException.ThrowIfNull(vendorId);
        foreach (var id in All)
        {
            if (string.Equals(id, vendorId.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return id;
            }
        }

        throw new ArgumentException($"Unknown vendor '{vendorId}'. Known vendors: {string.Join(", ", All)}.", nameof(vendorId));
    }

    /// <summary>The name of the <c>IHttpClientFactory</c> client that <c>AddTranscriptKit</c> registers for a vendor.</summary>
    public static string HttpClientName(string vendorId) => "TranscriptKit." + Normalize(vendorId);
}
