using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace TranscriptKit.Testing;

/// <summary>A vendor's answer, recorded in a cassette and served again on replay.</summary>
public sealed class CassetteResponse
{
    /// <summary>The HTTP status code.</summary>
    [JsonPropertyName("status")]
    [JsonRequired]
    public int Status { get; set; } = 200;

    /// <summary>The response headers (names case-insensitive); content headers are put on the content on replay.</summary>
    [JsonPropertyName("headers")]
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The body as text, served as UTF-8 bytes; <see langword="null"/> for an empty body. Kept as text, not parsed, so
    /// a vendor's quirks (trailing commas, odd escapes) survive byte for byte.
    /// </summary>
    [JsonPropertyName("body")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Body { get; set; }

    /// <summary>
    /// For an event stream (<c>text/event-stream</c>) recorded by a recorder: when each event's last byte arrived, in
    /// whole milliseconds from the moment the response headers did, one entry per event in <see cref="Body"/>.
    /// <see cref="ReplayTiming.Original"/> delivers the events at these offsets; <see langword="null"/> for every other
    /// body and for hand-written streams, which replay as fast as possible.
    /// </summary>
    [JsonPropertyName("eventOffsetsMs")]
    public IList<long>? EventOffsetsMs { get; set; }
}
