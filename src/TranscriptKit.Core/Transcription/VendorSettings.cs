using System;

namespace TranscriptKit;

/// <summary>One vendor's account settings, bound from <c>TranscriptKit:Vendors:&lt;id&gt;</c>.</summary>
/// <remarks>
/// The key and secret travel as HTTP header values: one with a control character (a line break could split the
/// request), a non-ASCII character or surrounding spaces is refused by <see cref="TranscriptionVendor.Create"/> and by
/// options validation at start-up, with a message that names the setting and never shows the value.
/// </remarks>
public sealed class VendorSettings
{
    /// <summary>The API key (sent as the vendor's definition says: a Bearer token, or its key header).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API secret, for vendors whose definition asks for one (<see cref="VendorCredentials.RequiresSecret"/>); ignored otherwise.</summary>
    public string? ApiSecret { get; set; }

    /// <summary>Overrides the vendor's documented base URL, for example a sandbox or a proxy.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Changes to this vendor's polling (<c>TranscriptKit:Vendors:&lt;id&gt;:Polling:Timeout</c>, …), on top of <c>TranscriptKitOptions.Polling</c> and the spec's defaults.</summary>
    public PollingOverride? Polling { get; set; }

    /// <summary>How long one HTTP attempt may take (<see cref="TranscriptKitClientOptions.RequestTimeout"/>); <see langword="null"/> keeps the client's default.</summary>
    public TimeSpan? RequestTimeout { get; set; }

    /// <summary>How long an upload may go without moving a byte (<see cref="TranscriptKitClientOptions.UploadIdleTimeout"/>); <see langword="null"/> keeps the client's default.</summary>
    public TimeSpan? UploadIdleTimeout { get; set; }

    /// <summary>How long an event stream may go without an event (<see cref="TranscriptKitClientOptions.EventIdleTimeout"/>); <see langword="null"/> keeps the client's default.</summary>
    public TimeSpan? EventIdleTimeout { get; set; }

    /// <summary>How many times a failed request that is safe to repeat is sent again (<see cref="RetryOptions.MaxRetries"/>); <see langword="null"/> keeps the client's default. A job-starting POST is never repeated.</summary>
    public int? MaxRetries { get; set; }

    /// <summary>The first retry's delay (<see cref="RetryOptions.BaseDelay"/>); <see langword="null"/> keeps the client's default.</summary>
    public TimeSpan? RetryBaseDelay { get; set; }

    /// <summary>Added to the <c>User-Agent</c> header (<see cref="TranscriptKitClientOptions.ApplicationId"/>).</summary>
    public string? ApplicationId { get; set; }

    /// <summary>Never shows credentials.</summary>
    public override string ToString() => $"VendorSettings {{ Endpoint = {Endpoint?.ToString() ?? "(vendor default)"}, ApiKey = {(ApiKey is null ? "(none)" : "***")} }}";
}
