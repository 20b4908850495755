using System.Text.Json.Serialization;

namespace TranscriptKit.Testing;

/// <summary>How a replayed request's body is compared with the recorded one.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BodyMatch>))]
public enum BodyMatch
{
    /// <summary>
    /// Compared as JSON values: property order and whitespace are ignored, each differing field is reported by its
    /// JSON path. A recorded <c>"[REDACTED]"</c> string matches any value.
    /// </summary>
    [JsonStringEnumMemberName("json")]
    Json,

    /// <summary>Compared as decoded <c>application/x-www-form-urlencoded</c> pairs; field order is ignored.</summary>
    [JsonStringEnumMemberName("form")]
    Form,

    /// <summary>Compared as byte-identical text.</summary>
    [JsonStringEnumMemberName("exact")]
    Exact,

    /// <summary>
    /// Not compared: multipart and binary uploads, whose boundaries and bytes differ from run to run. Only the method,
    /// path and headers are checked.
    /// </summary>
    [JsonStringEnumMemberName("ignore")]
    Ignore,
}
