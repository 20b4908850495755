using System;
using Microsoft.Extensions.Logging;
using Microsoft.Kiota.Abstractions.Authentication;

namespace TranscriptKit;

/// <summary>How a transcriber waits and reports; each setting has a sensible default.</summary>
public sealed class TranscriberOptions
{
    /// <summary>
    /// Changes to the vendor's recommended polling from its spec; only the values set change (for example
    /// <c>new() { Timeout = TimeSpan.FromHours(2) }</c> keeps the spec's intervals). <see langword="null"/> keeps the spec's.
    /// </summary>
    public PollingOverride? Polling { get; set; }

    /// <summary>The clock for batch back-off; vendor clients created by TranscriptKit get it for polling and retries too.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where transcription events are logged (never with credentials or URL queries).</summary>
    public ILogger? Logger { get; set; }

    /// <summary>
    /// Authenticates every request instead of <see cref="VendorSettings.ApiKey"/>/<see cref="VendorSettings.ApiSecret"/>
    /// (any Kiota <see cref="IAuthenticationProvider"/>, for example one that fetches short-lived tokens from a vault);
    /// with it, no key is needed in the settings. In DI, register it as a keyed service under the vendor id.
    /// </summary>
    public IAuthenticationProvider? AuthenticationProvider { get; set; }

    /// <summary>
    /// Turns on the drift check for every vendor client created with these options: each response is also compared
    /// with the vendor's spec and each difference is added here and, once, logged to <see cref="Logger"/> as a warning.
    /// <see langword="null"/> (the default) checks nothing.
    /// </summary>
    public DriftReport? Drift { get; set; }
}
