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

    /// <summary>When and how failed requests are sent again.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>The clock for retries, timeouts and polling; tests substitute a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Replaces the key-based authentication with any Kiota <see cref="IAuthenticationProvider"/>
    /// (for example one that fetches short-lived tokens).
    /// </summary>
    public IAuthenticationProvider? AuthenticationProvider { get; set; }

    /// <summary>Added to the <c>User-Agent</c> header, for example your application's name and version.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>Never shows credentials.</summary>
    public override string ToString() =>
        $"{GetType().Name} {{ Endpoint = {(Endpoint is { IsAbsoluteUri: true } endpoint ? endpoint.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped) : Endpoint?.ToString())} }}";
}
