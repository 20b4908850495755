using System.Collections.Generic;

namespace TranscriptKit.Contract.Tests;

/// <summary>The test project's composition root: the one place that names the vendors' definitions (the five built-in ones and the test vendor Murmur).</summary>
internal static class Definitions
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
}
