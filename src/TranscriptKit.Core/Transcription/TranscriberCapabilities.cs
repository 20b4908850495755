using System.Collections.Generic;
using System.Text;

namespace TranscriptKit;

/// <summary>What a vendor can do, so a request it cannot serve is refused before any network call.</summary>
public sealed record TranscriberCapabilities
{
    /// <summary>Takes local files and streams (uploaded by the transcriber).</summary>
    public required bool AcceptsFiles { get; init; }

    /// <summary>Takes URLs the vendor downloads itself.</summary>
    public required bool AcceptsUrls { get; init; }

    /// <summary>File extensions it accepts (lower case, with the dot); empty means any.</summary>
    public IReadOnlyList<string> FileTypes { get; init; } = [];

    /// <summary>The largest file it takes, in bytes, when documented.</summary>
    public long? MaxFileSize { get; init; }

    /// <summary>What kinds of URL it takes, in words (for messages).</summary>
    public string? UrlKinds { get; init; }

    /// <summary>
    /// The hosts it takes URLs from (its supported platforms, the spec's <c>x-tk-limits.url-hosts</c>), lower case, each
    /// covering its subdomains; empty means any host. <see cref="AcceptsUrlHost"/> applies it.
    /// </summary>
    public IReadOnlyList<string> UrlHosts { get; init; } = [];

    /// <summary>Returns timed segments.</summary>
    public required bool Timings { get; init; }

    /// <summary>Returns per-word timings.</summary>
    public required bool WordTimestamps { get; init; }

    /// <summary>Lets the caller choose the spoken language; false means the vendor detects it.</summary>
    public required bool AcceptsLanguage { get; init; }

    /// <summary>The language codes it accepts when <see cref="AcceptsLanguage"/>, when the vendor documents a short list; empty otherwise (a vendor with a long list checks codes itself before sending).</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Needs the spoken language in every request.</summary>
    public bool RequiresLanguage { get; init; }

    /// <summary>Reports a processing percentage (not just a state).</summary>
    public required bool ReportsProgress { get; init; }

    /// <summary>Has jobs that <see cref="ITranscriber.StartAsync(TranscriptionRequest, System.Threading.CancellationToken)"/> can hand out and a later process can resume; false for vendors that transcribe in one call.</summary>
    public required bool ResumableJobs { get; init; }

    /// <summary>How many jobs it runs at once for one account, when documented (the batch helper stays under it).</summary>
    public int? MaxConcurrentJobs { get; init; }

    /// <summary>These capabilities with the spec's documented limits (file types, upload size, concurrency) from the vendor's definition.</summary>
    /// <param name="limits">The definition's <see cref="VendorDefinition.Limits"/>.</param>
    /// <returns>A copy with <see cref="FileTypes"/>, <see cref="MaxFileSize"/>, <see cref="MaxConcurrentJobs"/> and <see cref="UrlHosts"/> taken from <paramref name="limits"/>.</returns>
    public TranscriberCapabilities WithLimits(VendorLimits limits)
    {
        System.ArgumentNullException.ThrowIfNull(limits);
        return this with { FileTypes = limits.FileExtensions, MaxFileSize = limits.MaxUploadBytes, MaxConcurrentJobs = limits.MaxConcurrentJobs, UrlHosts = limits.UrlHosts };
    }

    /// <summary>
    /// Whether <paramref name="url"/>'s host is one of <see cref="UrlHosts"/> or a subdomain of one (any host when the
    /// list is empty). The one platform check: the adapters' refusal and the router's skip both call it.
    /// </summary>
    /// <param name="url">An absolute URL.</param>
    /// <returns><see langword="true"/> when the vendor takes URLs from that host.</returns>
    public bool AcceptsUrlHost(System.Uri url)
    {
        System.ArgumentNullException.ThrowIfNull(url);
        if (UrlHosts.Count == 0)
        {
            return true;
        }

        // IdnHost: a Unicode host compares in its ASCII form, as the specs write hosts; a trailing root dot is the same host.
        var host = url.IdnHost.TrimEnd('.');
        foreach (var listed in UrlHosts)
        {
            if (host.Equals(listed, System.StringComparison.OrdinalIgnoreCase)
                || (host.Length > listed.Length && host[host.Length - listed.Length - 1] == '.' && host.EndsWith(listed, System.StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What the transcriber reports about the account (it implements <see cref="ITranscriberAccount"/> when this is not <see cref="AccountFeatures.None"/>).</summary>
    public AccountFeatures Account { get; init; }

    /// <summary>One line describing what the vendor accepts, for messages.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        if (AcceptsFiles)
        {
            text.Append("files");
            if (FileTypes.Count > 0)
            {
                text.Append(" (").Append(string.Join(", ", FileTypes)).Append(')');
            }
        }

        if (AcceptsUrls)
        {
            text.Append(text.Length > 0 ? " or " : "").Append(UrlKinds ?? "URLs");
        }

        text.Append("; ").Append(WordTimestamps ? "timed segments with word timings" : Timings ? "timed segments" : "text only");
        return text.ToString();
    }
}
