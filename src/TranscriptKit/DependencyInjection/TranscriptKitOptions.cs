using System;
using System.Collections.Generic;

namespace TranscriptKit;

/// <summary>The <c>TranscriptKit</c> configuration section: <c>TranscriptKit:Vendors:&lt;id&gt;</c> with <c>ApiKey</c>, <c>ApiSecret</c>, <c>Endpoint</c>.</summary>
public sealed class TranscriptKitOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string SectionName = "TranscriptKit";

    /// <summary>Settings per vendor id (see <see cref="VendorIds"/>), case-insensitive.</summary>
    public Dictionary<string, VendorSettings> Vendors { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Replaces each vendor's recommended polling; <see langword="null"/> keeps the spec's.</summary>
    public PollingOptions? Polling { get; set; }
}
