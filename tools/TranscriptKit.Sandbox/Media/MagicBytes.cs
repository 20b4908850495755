using System;

namespace TranscriptKit.Sandbox.Media;

/// <summary>Recognises video containers by their first bytes, as Caption Cat's 415 "uploaded file is not a video" implies.</summary>
internal static class MagicBytes
{
    /// <summary>How many leading bytes <see cref="IsVideo"/> needs.</summary>
    public const int HeaderLength = 12;

    public static bool IsVideo(ReadOnlySpan<byte> header) =>
        // MP4 / MOV / 3GP: an ISO base media "ftyp" box at offset 4.
        (header.Length >= 8 && header.Slice(4, 4).SequenceEqual("ftyp"u8))
        // WebM / MKV: EBML magic.
        || (header.Length >= 4 && header[0] == 0x1A && header[1] == 0x45 && header[2] == 0xDF && header[3] == 0xA3)
        // AVI: RIFF....AVI<space>.
        || (header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header.Slice(8, 4).SequenceEqual("AVI "u8))
        // MPEG program stream / QuickTime "moov"/"mdat" first (old .mov files).
        || (header.Length >= 4 && header[0] == 0x00 && header[1] == 0x00 && header[2] == 0x01 && header[3] == 0xBA)
        || (header.Length >= 8 && (header.Slice(4, 4).SequenceEqual("moov"u8) || header.Slice(4, 4).SequenceEqual("mdat"u8)))
        // FLV and ASF (WMV).
        || (header.Length >= 3 && header[..3].SequenceEqual("FLV"u8))
        || (header.Length >= 4 && header[0] == 0x30 && header[1] == 0x26 && header[2] == 0xB2 && header[3] == 0x75);
}
