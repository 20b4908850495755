using System;
using System.IO;
using System.Linq;
using System.Text;

namespace TranscriptKit.Prism.Tests;

/// <summary>
/// A media file whose every byte is below 0x80, with an SRT sidecar, for file flows through Prism. Prism 5.14.2's proxy
/// forwards a request body decoded as UTF-8 and encoded again: each byte that is not valid UTF-8 becomes U+FFFD
/// (EF BF BD), so samples/welcome.mp4 (85,617 bytes) reached the sandbox as 155,225 bytes with 35,299 replacements, and
/// the sandbox rightly did not recognise it. That is Prism's defect, not a fault of a valid multipart body;
/// <see cref="PrismDefectTests"/> shows it still happens. ASCII bytes survive the round trip, so this sample does.
/// </summary>
internal static class Utf8SafeSample
{
    /// <summary>The sidecar's only cue, which the sandbox returns when it recognises the uploaded bytes.</summary>
    public const string Text = "This sample crossed Prism byte for byte.";

    private const string Name = "utf8-safe";

    // The extensions written, in order of preference: a video container first (Caption Cat takes only video).
    private static readonly string[] s_extensions = [".mp4", ".mp3"];

    /// <summary>The bytes: an ISO media "ftyp" box header (what the sandbox sniffs as video), then 0x00–0x7F repeated.</summary>
    public static byte[] Bytes { get; } = [0, 0, 0, 24, .. "ftypisom"u8, .. Enumerable.Range(0, 4096).Select(i => (byte)(i % 0x80))];

    /// <summary>Writes the sample under each extension, and one sidecar, into <paramref name="directory"/>.</summary>
    public static void WriteTo(string directory)
    {
        foreach (var extension in s_extensions)
        {
            File.WriteAllBytes(Path.Combine(directory, Name + extension), Bytes);
        }

        File.WriteAllText(Path.Combine(directory, Name + ".srt"), $"1\n00:00:00,000 --> 00:00:02,000\n{Text}\n", Encoding.UTF8);
    }

    /// <summary>The copy with the first extension the vendor takes.</summary>
    public static string PathFor(string directory, TranscriberCapabilities capabilities) =>
        s_extensions.Where(e => capabilities.FileTypes.Count == 0 || capabilities.FileTypes.Contains(e, StringComparer.OrdinalIgnoreCase))
            .Select(e => Path.Combine(directory, Name + e))
            .FirstOrDefault()
        ?? throw new InvalidOperationException($"the vendor takes none of {string.Join(", ", s_extensions)} ({string.Join(", ", capabilities.FileTypes)})");
}
