using System;
using Microsoft.Extensions.Logging;

namespace TranscriptKit;

/// <summary>How a transcriber waits and reports; each setting has a sensible default.</summary>
public sealed class TranscriberOptions
{
    /// <summary>Replaces the vendor's recommended polling (interval, growth, cap, timeout) from its spec.</summary>
    public PollingOptions? Polling { get; set; }

    /// <summary>The clock for batch back-off; vendor clients created by TranscriptKit get it for polling and retries too.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where transcription events are logged (never with credentials or URL queries).</summary>
    public ILogger? Logger { get; set; }
}
