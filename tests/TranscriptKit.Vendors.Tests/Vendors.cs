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
}
