using System;
using Microsoft.Kiota.Abstractions.Authentication;

namespace TranscriptKit;

/// <summary>
/// Settings every TranscriptKit vendor client shares. Each vendor's generated <c>&lt;Vendor&gt;ClientOptions</c>
/// derives from this and adds its credentials.
/// </summary>
public abstract class TranscriptKitClientOptions
{
    /// <summary>Creates options that target <paramref name="defaultEndpoint"/>.</summary>
    /// <param name="defaultEndpoint">The vendor's documented base URL.</param>
    protected TranscriptKitClientOptions(Uri defaultEndpoint)
    {
        Endpoint = defaultEndpoint ?? throw new ArgumentNullException(nameof(defaultEndpoint));
    }

    /// <summary>
    /// The vendor's base URL. A path is kept: <c>http://127.0.0.1:5000/captioncat/v1</c> sends
    /// <c>GET /captioncat/v1/balance</c>. Plain <c>http</c> is accepted only for loopback hosts.
    /// </summary>
    public Uri Endpoint { get; set; }

    /// <summary>How long one HTTP attempt may take before it counts as timed out. Operations the spec gives their own timeout (<c>x-tk-timeout</c>) use that instead.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// How long an upload may go without moving a byte before it counts as timed out (a storage PUT or a multipart
    /// body the server stopped reading). Default 60 s. Once the last byte is sent, the wait for the answer is bounded
    /// by <see cref="RequestTimeout"/> (or the operation's own timeout) instead: a 2 GB upload outlasts any fixed limit,
    /// a stalled one should not.
    /// </summary>
    public TimeSpan UploadIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a Server-Sent Events stream may take to start (its response headers) and then go between two events
    /// before it counts as timed out. Default 60 s.
    /// Comment lines (<c>: keep-alive</c>) do not reset it: a server that only sends keep-alives has stopped producing
    /// events. The whole stream is also bounded by the operation's own timeout (<c>x-tk-timeout</c>) when its spec sets one.
    /// </summary>
    public TimeSpan EventIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The largest response body read into memory, in bytes. Default 16 MiB: the longest transcripts the vendors
    /// document (hours of speech with word timings) are a few MB; a larger body is refused with a
    /// <see cref="TranscriptKitResponseException"/> before it is buffered whole (a declared <c>Content-Length</c> is
    /// checked first, then bytes are counted as they arrive).
    /// </summary>
    public long MaxResponseBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// The largest single Server-Sent Event, in bytes. Default 1 MiB: events carry progress and transcript
    /// segments of a few KB; a larger one is refused with a <see cref="TranscriptKitResponseException"/>.
    /// </summary>
    public int MaxEventBytes { get; set; } = 1024 * 1024;

    /// <summary>When and how failed requests are sent again.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>
    /// The account's plan (e.g. <c>pro</c>), whose documented request rate and concurrent uploads the client keeps to
    /// (<c>x-tk-limits.plans</c>); null assumes the spec's <c>default-plan</c>. Ignored for vendors without plans.
    /// </summary>
    public string? Plan { get; set; }

    /// <summary>
    /// Overrides the plan's documented limits; <see cref="RateLimitOptions.Off"/> turns client-side limiting off.
    /// Null keeps the spec's limits for <see cref="Plan"/>.
    /// </summary>
    public RateLimitOptions? RateLimit { get; set; }

    /// <summary>The clock for retries, timeouts and polling; tests substitute a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Replaces the key-based authentication with any Kiota <see cref="IAuthenticationProvider"/>
    /// (for example one that fetches short-lived tokens).
    /// </summary>
    public IAuthenticationProvider? AuthenticationProvider { get; set; }

    /// <summary>
    /// Receives the client's warnings, for example a job state the spec does not list (event
    /// <c>TranscriptKit.UnknownJobStatus</c>, id 101); no credential is ever written to it.
    /// </summary>
    public Microsoft.Extensions.Logging.ILogger? Logger { get; set; }

    /// <summary>
    /// Turns on the drift check: every response is also compared with the spec (status codes, unknown and missing
    /// fields, types, enum values) and each difference is added here, credentials masked. <see langword="null"/>
    /// (the default) checks nothing and costs nothing per call.
    /// </summary>
    public DriftReport? Drift { get; set; }

    /// <summary>Added to the <c>User-Agent</c> header, for example your application's name and version.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>Never shows credentials.</summary>
    public override string ToString() =>
        $"{GetType().Name} {{ Endpoint = {(Endpoint is { IsAbsoluteUri: true } endpoint ? endpoint.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped) : Endpoint?.ToString())} }}";
}
