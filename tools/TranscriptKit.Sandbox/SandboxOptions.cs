using System;
using System.Collections.Generic;

namespace TranscriptKit.Sandbox;

/// <summary>How a <see cref="VendorSandbox"/> is started: port, credentials, job timing, media, emulators and each vendor's account state.</summary>
public sealed class SandboxOptions
{
    /// <summary>The TCP port on 127.0.0.1; 0 (the default) picks a free ephemeral port.</summary>
    public int Port { get; set; }

    /// <summary>The credential every vendor accepts (a Bearer token, or the vendor's key header).</summary>
    public string ApiKey { get; set; } = "sandbox-key";

    /// <summary>The secret accepted by vendors that take a key and a secret.</summary>
    public string ApiSecret { get; set; } = "sandbox-secret";

    /// <summary>How many status requests a job answers "still running" before it is done (0 = done at the first poll).</summary>
    public int PendingPolls { get; set; } = 2;

    /// <summary>
    /// When set, a TranscriptGenerate task runs for this long after it was created, on <see cref="TimeProvider"/>,
    /// however often it is queried, and holds its concurrency slot until then (as the vendor does): a schedule in
    /// time, for measuring how well a client keeps the slots busy. <see langword="null"/> (the default):
    /// <see cref="PendingPolls"/> decides. The other emulators always count polls.
    /// </summary>
    public TimeSpan? JobDuration { get; set; }

    /// <summary>The clock <see cref="JobDuration"/> is measured on; tests substitute a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Folders searched (not recursively) for sample media with an SRT sidecar (<c>name.ext</c> + <c>name.srt</c>).</summary>
    public IList<string> MediaDirectories { get; } = new List<string>();

    /// <summary>The real delay between the Server-Sent Events of a streamed transcription.</summary>
    public TimeSpan StreamEventDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Whether the sandbox emulates the built-in vendors (the default) besides <see cref="Emulators"/>.</summary>
    public bool IncludeBuiltInEmulators { get; set; } = true;

    /// <summary>Your own emulators, served beside the built-in ones; each instance serves one sandbox.</summary>
    /// <example><c>new SandboxOptions { Emulators = { new AcmeEmulator() } }</c></example>
    public IList<VendorEmulator> Emulators { get; } = new List<VendorEmulator>();

    /// <summary>
    /// Opening balances in credits, by vendor id, for emulators that keep one; a vendor not named starts with its
    /// emulator's default. An id no emulator has is refused at start.
    /// </summary>
    public IDictionary<string, long> InitialCredits { get; } = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Unfinished jobs allowed at once, by vendor id, for emulators that enforce a concurrency limit. An id no emulator has is refused at start.</summary>
    public IDictionary<string, int> ConcurrencyLimits { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Media-seconds quotas (-1 = unlimited), by vendor id, for emulators that keep one. An id no emulator has is refused at start.</summary>
    public IDictionary<string, long> QuotaSeconds { get; } = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The duration, in seconds, assumed for media without a sidecar (used for credits, quota and the simulated transcript).</summary>
    public double SimulatedDurationSeconds { get; set; } = 60;

    /// <summary>The vendor's opening balance: <see cref="InitialCredits"/>, else the emulator's default.</summary>
    /// <param name="vendorId">The emulator's id.</param>
    /// <param name="defaultCredits">The emulator's default.</param>
    /// <returns>The balance to start with.</returns>
    public long InitialCreditsFor(string vendorId, long defaultCredits) =>
        InitialCredits.TryGetValue(vendorId, out var credits) ? credits : defaultCredits;

    /// <summary>The vendor's concurrency limit: <see cref="ConcurrencyLimits"/>, else the emulator's default.</summary>
    /// <param name="vendorId">The emulator's id.</param>
    /// <param name="defaultLimit">The emulator's default.</param>
    /// <returns>The limit to enforce.</returns>
    public int ConcurrencyLimitFor(string vendorId, int defaultLimit) =>
        ConcurrencyLimits.TryGetValue(vendorId, out var limit) ? limit : defaultLimit;

    /// <summary>The vendor's quota in seconds: <see cref="QuotaSeconds"/>, else the emulator's default.</summary>
    /// <param name="vendorId">The emulator's id.</param>
    /// <param name="defaultSeconds">The emulator's default (-1 = unlimited).</param>
    /// <returns>The quota to enforce.</returns>
    public long QuotaSecondsFor(string vendorId, long defaultSeconds) =>
        QuotaSeconds.TryGetValue(vendorId, out var seconds) ? seconds : defaultSeconds;
}
