using System.Collections.Generic;
using TranscriptKit.Sandbox.Vendors;

namespace TranscriptKit.Sandbox;

/// <summary>
/// The composition root of the emulated vendors: the one place in the sandbox that lists them. Everything else (routing,
/// fault switches, options, the request log, start-up output) enumerates the emulators a sandbox was started with.
/// </summary>
internal static class BuiltInEmulators
{
    /// <summary>Fresh emulators (each holds its vendor's state), in the order the sandbox lists them.</summary>
    public static IReadOnlyList<VendorEmulator> Create() =>
    [
        new CaptionCatEmulator(),
        new SubclipEmulator(),
        new TranscriptGenerateEmulator(),
        new CliptextEmulator(),
        new SoscriptedEmulator(),
    ];
}
