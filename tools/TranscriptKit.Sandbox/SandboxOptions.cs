using System;
using System.Collections.Generic;

namespace TranscriptKit.Sandbox;

/// <summary>How a <see cref="VendorSandbox"/> is started: port, credentials, job timing, media and the vendors' account state.</summary>
public sealed class SandboxOptions
{
    /// <summary>The TCP port on 127.0.0.1; 0 (the default) picks a free ephemeral port.</summary>
    public int Port { get; set; }

    /// <summary>The credential every vendor accepts (Bearer token, or TranscriptGenerate's <c>X-API-Key</c>).</summary>
    public string ApiKey { get; set; } = "sandbox-key";

    /// <summary>The secret TranscriptGenerate accepts in <c>X-API-Secret</c>.</summary>
    public string ApiSecret { get; set; } = "sandbox-secret";

    /// <summary>How many status requests a job answers "still running" before it is done (0 = done at the first poll).</summary>
    public int PendingPolls { get; set; } = 2;

    /// <summary>Folders searched (not recursively) for sample media with an SRT sidecar (<c>name.ext</c> + <c>name.srt</c>).</summary>
    public IList<string> MediaDirectories { get; } = new List<string>();

    /// <summary>The real delay between Soscripted's Server-Sent Events.</summary>
    public TimeSpan StreamEventDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How many unfinished TranscriptGenerate tasks may exist at once; one more is refused with code 601.</summary>
    public int TranscriptGenerateConcurrencyLimit { get; set; } = 2;

    /// <summary>TranscriptGenerate's video-to-text quota in seconds; -1 means unlimited. Each task reserves its media's duration.</summary>
    public long TranscriptGenerateQuotaSeconds { get; set; } = 7200;

    /// <summary>Caption Cat's opening balance in credits; transcribing and rendering cost 1 credit per second of video.</summary>
    public long CaptionCatInitialCredits { get; set; } = 2400;

    /// <summary>Subclip's opening balance in credits; a job costs 1 credit per started source minute.</summary>
    public long SubclipInitialCredits { get; set; } = 600;

    /// <summary>Soscripted's opening balance in credits; each transcription costs 1 credit.</summary>
    public long SoscriptedInitialCredits { get; set; } = 100;

    /// <summary>The duration, in seconds, assumed for media without a sidecar (used for credits, quota and the simulated transcript).</summary>
    public double SimulatedDurationSeconds { get; set; } = 60;
}
