using System;
using Microsoft.Extensions.Logging;

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
}
