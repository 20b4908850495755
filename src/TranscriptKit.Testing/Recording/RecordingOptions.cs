using System;
using System.Collections.Generic;

namespace TranscriptKit.Testing;

/// <summary>
/// What a <see cref="RecordingHandler"/> keeps and what it redacts. Credentials (<c>Authorization</c>, <c>X-API-Key</c>,
/// <c>X-API-Secret</c>, <c>Cookie</c>, <c>Set-Cookie</c>) and signed-URL signatures are always redacted; the sets here
/// add to those rules. All names are case-insensitive.
/// </summary>
public sealed class RecordingOptions
{
    /// <summary>
    /// The request headers written to the cassette, and so checked on replay. Defaults to <c>Authorization</c>,
    /// <c>X-API-Key</c>, <c>X-API-Secret</c> (all redacted), <c>Content-Type</c> and <c>Accept</c>; add a header such as
    /// <c>Idempotency-Key</c> to have replays check it too.
    /// </summary>
    public ISet<string> RecordRequestHeaders { get; } =
        new HashSet<string>(["Authorization", "X-API-Key", "X-API-Secret", "Content-Type", "Accept"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Response headers left out of the cassette: by default the ones that describe one connection rather than the API
    /// (<c>Date</c>, <c>Connection</c>, <c>Keep-Alive</c>, <c>Transfer-Encoding</c>, <c>Alt-Svc</c>, <c>Via</c>, <c>Server</c>)
    /// and <c>Content-Length</c>, which a replay computes from the (possibly redacted) body. Every other response header
    /// is recorded.
    /// </summary>
    public ISet<string> OmitResponseHeaders { get; } =
        new HashSet<string>(["Date", "Connection", "Keep-Alive", "Transfer-Encoding", "Alt-Svc", "Via", "Server", "Content-Length"], StringComparer.OrdinalIgnoreCase);

    /// <summary>More header names whose values are replaced by <c>[REDACTED]</c>, in requests and responses.</summary>
    public ISet<string> RedactHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// JSON property names whose values are redacted in request and response bodies, at any depth. A string value
    /// becomes <c>"[REDACTED]"</c>; for an object or array, every string inside it does. Numbers, booleans and nulls are
    /// kept, so the body still matches its schema.
    /// </summary>
    public ISet<string> RedactJsonFields { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// More query parameter names whose values are redacted wherever a URL is recorded (request paths, URL-valued
    /// headers, URL strings in JSON bodies), in addition to the signed-URL parameters that always are.
    /// </summary>
    public ISet<string> RedactQueryParameters { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The largest request body recorded, in bytes (1 MiB by default). Larger bodies, and every body that is not text
    /// (multipart, octet-stream, audio, video), stream through unread and are recorded as <c>"body": null</c> with
    /// <see cref="BodyMatch.Ignore"/>.
    /// </summary>
    public long MaxRecordedRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// The clock for each interaction's <see cref="CassetteInteraction.RecordedAt"/> and an event stream's
    /// <see cref="CassetteResponse.EventOffsetsMs"/>; <see cref="TimeProvider.System"/> by default.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
