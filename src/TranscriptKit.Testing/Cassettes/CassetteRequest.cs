using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace TranscriptKit.Testing;

/// <summary>A request as the client sent it, recorded in a cassette.</summary>
public sealed class CassetteRequest
{
    /// <summary>The HTTP method, for example <c>GET</c>.</summary>
    [JsonPropertyName("method")]
    [JsonRequired]
    public string Method { get; set; } = "GET";

    /// <summary>
    /// The path and query exactly as the client sends them, including the endpoint's base path, for example
    /// <c>/v1/balance</c>. Redacted query values are <c>[REDACTED]</c> and match any value on replay.
    /// </summary>
    [JsonPropertyName("path")]
    [JsonRequired]
    public string Path { get; set; } = "/";

    /// <summary>
    /// The recorded request headers (names case-insensitive). On replay each must be present with the same value; a
    /// value ending in <c>[REDACTED]</c> only requires the header (and the text before the marker, such as the
    /// <c>Bearer</c> scheme).
    /// </summary>
    [JsonPropertyName("headers")]
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The body as text, or <see langword="null"/> when there was none or it was not recorded.</summary>
    [JsonPropertyName("body")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Body { get; set; }

    /// <summary>How a replayed request's body is compared with <see cref="Body"/>.</summary>
    [JsonPropertyName("bodyMatch")]
    public BodyMatch BodyMatch { get; set; } = BodyMatch.Json;

    /// <summary>The method and path, as a request line without the protocol.</summary>
    /// <returns>For example <c>GET /v1/balance</c>.</returns>
    public override string ToString() => Method + " " + Path;
}
