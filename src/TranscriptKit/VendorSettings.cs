using System;

namespace TranscriptKit;

/// <summary>One vendor's account settings, bound from <c>TranscriptKit:Vendors:&lt;id&gt;</c>.</summary>
/// <remarks>
/// The key and secret travel as HTTP header values: one with a control character (a line break could split the
/// request), a non-ASCII character or surrounding spaces is refused by <see cref="Transcribers.Create"/> and by
/// options validation at start-up, with a message that names the setting and never shows the value.
/// </remarks>
public sealed class VendorSettings
{
    /// <summary>The API key (Bearer token, or <c>X-API-Key</c> for TranscriptGenerate).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API secret (<c>X-API-Secret</c>), TranscriptGenerate only.</summary>
    public string? ApiSecret { get; set; }

    /// <summary>Overrides the vendor's documented base URL, for example a sandbox or a proxy.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Never shows credentials.</summary>
    public override string ToString() => $"VendorSettings {{ Endpoint = {Endpoint?.ToString() ?? "(vendor default)"}, ApiKey = {(ApiKey is null ? "(none)" : "***")} }}";
}
