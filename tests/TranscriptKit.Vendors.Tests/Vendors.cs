using System.Collections.Generic;

namespace TranscriptKit.Vendors.Tests;

/// <summary>The shared suite's composition root: the one place that names the vendors every case runs for.</summary>
internal static class Vendors
{
    public static readonly IReadOnlyList<VendorDefinition> All =
    [
        TranscriptKit.CaptionCat.CaptionCatVendor.Definition,
        TranscriptKit.Subclip.SubclipVendor.Definition,
        TranscriptKit.TranscriptGenerate.TranscriptGenerateVendor.Definition,
        TranscriptKit.Cliptext.CliptextVendor.Definition,
        TranscriptKit.Soscripted.SoscriptedVendor.Definition,
        TranscriptKit.Murmur.MurmurVendor.Definition,
    ];

    /// <summary>Each vendor's facade adapter, for the cases that run whole flows against the sandbox.</summary>
    public static readonly IReadOnlyList<TranscriptionVendor> Registrations =
    [
        CaptionCatTranscriber.Registration,
        SubclipTranscriber.Registration,
        TranscriptGenerateTranscriber.Registration,
        CliptextTranscriber.Registration,
        SoscriptedTranscriber.Registration,
        MurmurTranscriber.Registration,
    ];

    /// <summary>The sandbox's emulators beyond its built-in five.</summary>
    public static TranscriptKit.Sandbox.VendorEmulator[] ExtraEmulators() => [new TranscriptKit.Murmur.Sandbox.MurmurEmulator()];
}
