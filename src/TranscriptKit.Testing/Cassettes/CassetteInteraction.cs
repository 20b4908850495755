using System;
using System.Text.Json.Serialization;

namespace TranscriptKit.Testing;

/// <summary>One recorded HTTP exchange: a request and the response it got.</summary>
public sealed class CassetteInteraction
{
    /// <summary>The spec's operationId for the request, when known (used to check that every operation has a fixture).</summary>
    [JsonPropertyName("operation")]
    public string? Operation { get; set; }

    /// <summary>
    /// When the exchange was recorded (UTC, whole seconds), written by the recorders. <see langword="null"/> for
    /// hand-written interactions and cassettes recorded before times were kept: their age is unknown, and
    /// <see cref="CassetteMode.ReRecordOlderThan"/> treats an unknown age as too old.
    /// </summary>
    [JsonPropertyName("recordedAt")]
    public DateTimeOffset? RecordedAt { get; set; }

    /// <summary>The request the client sent.</summary>
    [JsonPropertyName("request")]
    [JsonRequired]
    public CassetteRequest Request { get; set; } = new();

    /// <summary>The response the vendor gave.</summary>
    [JsonPropertyName("response")]
    [JsonRequired]
    public CassetteResponse Response { get; set; } = new();
}
