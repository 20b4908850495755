using System;

namespace TranscriptKit.Cli;

/// <summary>What the command line said about the vendor connection; see <see cref="VendorConnection"/>.</summary>
/// <param name="Endpoint">--endpoint, already checked to be an absolute http(s) URL.</param>
/// <param name="ApiKey">--api-key.</param>
/// <param name="ApiSecret">--api-secret.</param>
internal sealed record ConnectionArguments(Uri? Endpoint, string? ApiKey, string? ApiSecret)
{
    /// <summary>Never shows credentials.</summary>
    public override string ToString() => $"ConnectionArguments {{ Endpoint = {Endpoint?.ToString() ?? "(default)"}, ApiKey = {(ApiKey is null ? "(none)" : "***")} }}";
}
