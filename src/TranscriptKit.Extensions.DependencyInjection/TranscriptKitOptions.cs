using System;
using System.Collections.Generic;

namespace TranscriptKit;

/// <summary>The <c>TranscriptKit</c> configuration section: <c>TranscriptKit:Vendors:&lt;id&gt;</c> with <c>ApiKey</c>, <c>ApiSecret</c>, <c>Endpoint</c>.</summary>
public sealed class TranscriptKitOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string SectionName = "TranscriptKit";

    /// <summary>Settings per vendor id (a registered vendor id, see <see cref="TranscriberRegistry"/>), case-insensitive.</summary>
    public Dictionary<string, VendorSettings> Vendors { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Changes to every vendor's recommended polling (<c>TranscriptKit:Polling:Timeout</c>, …), layered on the spec's
    /// defaults; a vendor's own <see cref="VendorSettings.Polling"/> is layered on top of this.
    /// </summary>
    public PollingOverride? Polling { get; set; }

    /// <summary>
    /// The vendor ids a <see cref="TranscriptionRouter"/> resolved from the container tries, first choice first
    /// (<c>TranscriptKit:Routing:0</c>, <c>TranscriptKit:Routing:1</c>, … or a JSON array); empty means every vendor
    /// with credentials in <see cref="Vendors"/>, in the order configured.
    /// </summary>
    public List<string> Routing { get; set; } = [];
}
