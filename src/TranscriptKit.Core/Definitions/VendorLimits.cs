using System;
using System.Collections.Generic;

namespace TranscriptKit;

/// <summary>A vendor's documented limits (<c>x-tk-limits</c> and <c>x-tk-upload.max-size</c>); each is absent when the docs state none.</summary>
public sealed record VendorLimits
{
    /// <summary>No documented limits.</summary>
    public static VendorLimits None { get; } = new();

    /// <summary>The largest upload in bytes.</summary>
    public long? MaxUploadBytes { get; init; }

    /// <summary>
    /// The largest file sent inside one request (a multipart body) rather than by a signed-URL upload
    /// (<c>x-tk-limits.max-direct-upload-bytes</c>); an adapter with both ways uses it to choose.
    /// </summary>
    public long? MaxDirectUploadBytes { get; init; }

    /// <summary>Media types the vendor accepts for uploads (e.g. <c>video/mp4</c>); empty when not documented.</summary>
    public IReadOnlyList<string> MediaTypes { get; init; } = [];

    /// <summary>File extensions the vendor accepts, lower case with the dot (e.g. <c>.mp4</c>); empty when not documented.</summary>
    public IReadOnlyList<string> FileExtensions { get; init; } = [];

    /// <summary>Spoken languages the vendor takes, as the lower-case ISO 639 codes its docs list (mostly 639-1, e.g. <c>en</c>; some vendors list 639-2 codes such as <c>haw</c>); empty when not documented.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>
    /// Hosts whose URLs the vendor takes (the platforms it supports), lower case; each also covers its subdomains
    /// (<c>youtube.com</c> takes <c>www.youtube.com</c> and <c>m.youtube.com</c>). Empty when the vendor takes any host.
    /// </summary>
    public IReadOnlyList<string> UrlHosts { get; init; } = [];

    /// <summary>Jobs that may run at once per account.</summary>
    public int? MaxConcurrentJobs { get; init; }

    /// <summary>Requests allowed per <see cref="RateLimitWindow"/>.</summary>
    public int? RateLimitRequests { get; init; }

    /// <summary>The window of <see cref="RateLimitRequests"/>.</summary>
    public TimeSpan? RateLimitWindow { get; init; }

    /// <summary>The account plans whose limits differ (e.g. Cliptext's Free and Pro); empty when the docs state none.</summary>
    public IReadOnlyList<VendorPlan> Plans { get; init; } = [];

    /// <summary>The plan a client assumes when none is configured (the spec's <c>default-plan</c>); null without plans.</summary>
    public string? DefaultPlan { get; init; }
}
