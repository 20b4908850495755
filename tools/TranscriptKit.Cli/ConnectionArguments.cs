using System;
using System.Collections.Generic;
using System.Linq;

namespace TranscriptKit.Cli;

/// <summary>
/// The repeatable --endpoint, --api-key and --api-secret values as given: each either plain (for whichever vendor is
/// used) or <c>vendor=value</c> for one vendor of a routed <c>--vendor a,b,c</c>.
/// </summary>
internal sealed record ConnectionArguments(IReadOnlyList<string> Endpoints, IReadOnlyList<string> ApiKeys, IReadOnlyList<string> ApiSecrets)
{
    public ConnectionArguments(Uri? endpoint, string? apiKey, string? apiSecret)
        : this(endpoint is null ? [] : [endpoint.ToString()], apiKey is null ? [] : [apiKey], apiSecret is null ? [] : [apiSecret])
    {
    }

    /// <summary>The endpoint for <paramref name="vendor"/>: its own <c>vendor=url</c>, else the plain one.</summary>
    public Uri? EndpointFor(string vendor)
    {
        var text = VendorScopedValue.For(Endpoints, vendor, "--endpoint");
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new UsageException($"--endpoint '{text}' is not an absolute http(s) URL.");
    }

    /// <summary>The key for <paramref name="vendor"/>: its own <c>vendor=key</c>, else the plain one.</summary>
    public string? ApiKeyFor(string vendor) => VendorScopedValue.For(ApiKeys, vendor, "--api-key");

    /// <summary>The secret for <paramref name="vendor"/>: its own <c>vendor=secret</c>, else the plain one.</summary>
    public string? ApiSecretFor(string vendor) => VendorScopedValue.For(ApiSecrets, vendor, "--api-secret");

    public override string ToString() =>
        $"ConnectionArguments {{ Endpoints = {(Endpoints.Count == 0 ? "(default)" : string.Join(", ", Endpoints))}, ApiKeys = {(ApiKeys.Count == 0 ? "(none)" : string.Join(", ", ApiKeys.Select(_ => "***")))} }}";
}
