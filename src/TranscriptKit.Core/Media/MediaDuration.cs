using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace TranscriptKit;

/// <summary>
/// Reads a media file's duration from its container headers, locally and without decoding: MP4, MOV and M4A (the
/// <c>mvhd</c> box), WAV (data size over byte rate) and MP3 (the Xing/Info frame count less the LAME delay and
/// padding, or the size over the bit rate of a constant-rate file). Used to estimate a charge before paying for it.
/// </summary>
public static class MediaDuration
{
    // Headers live at the start (an MP4 written without faststart keeps moov at the end: the box walk seeks to it).
    private const int MaxBoxDepth = 4;

    /// <summary>The duration of the media file at <paramref name="path"/>, or <see langword="null"/> when its container is not one this reads.</summary>
    /// <param name="path">A local file.</param>
    /// <returns>The duration, or <see langword="null"/>.</returns>
    public static TimeSpan? TryRead(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess);
        return TryRead(stream);
    }

    /// <summary>The duration of the media in a seekable <paramref name="stream"/> (read from its current position, which is restored), or <see langword="null"/>.</summary>
    /// <param name="stream">A readable, seekable stream.</param>
    /// <returns>The duration, or <see langword="null"/> when the container is not one this reads or the stream cannot seek.</returns>
    public static TimeSpan? TryRead(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek || !stream.CanRead)
        {
            return null;
        }

        var start = stream.Position;
        try
        {
            var head = new byte[12];
            if (ReadFully(stream, head) < 12)
            {
                return null;
            }

            stream.Position = start;
            if (Ascii(head, 4, 4) == "ftyp" || Ascii(head, 4, 4) is "moov" or "wide" or "mdat" or "free")
            {
                return Mp4(stream, start, stream.Length, 0);
            }

            if (Ascii(head, 0, 4) == "RIFF" && Ascii(head, 8, 4) == "WAVE")
            {
                return Wav(stream, start);
            }

            return Mp3(stream, start);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentOutOfRangeException or OverflowException)
        {
            return null;
        }
        finally
        {
            stream.Position = start;
        }
    }

    private static TimeSpan? Mp4(Stream stream, long from, long to, int depth)
    {
        var header = new byte[16];
        var position = from;
        while (position + 8 <= to)
        {
            stream.Position = position;
            if (ReadFully(stream, header.AsSpan(0, 8)) < 8)
            {
                return null;
            }

            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = Ascii(header, 4, 4);
            var body = position + 8;
            if (size == 1)
            {
                if (ReadFully(stream, header.AsSpan(8, 8)) < 8)
                {
                    return null;
                }

                size = checked((long)BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8)));
                body += 8;
            }
            else if (size == 0)
            {
                size = to - position;
            }

            if (size < body - position || position + size > to)
            {
                return null;
            }

            if (type == "mvhd")
            {
                return Mvhd(stream, body);
            }

            if (type == "moov" && depth < MaxBoxDepth)
            {
                return Mp4(stream, body, position + size, depth + 1);
            }

            position += size;
        }

        return null;
    }

    private static TimeSpan? Mvhd(Stream stream, long body)
    {
        var box = new byte[32];
        stream.Position = body;
        if (ReadFully(stream, box) < 32)
        {
            return null;
        }

        // Version 1 widens the creation and modification times and the duration to 64 bits.
        var (timescale, duration) = box[0] == 1
            ? (BinaryPrimitives.ReadUInt32BigEndian(box.AsSpan(20)), BinaryPrimitives.ReadUInt64BigEndian(box.AsSpan(24)))
            : (BinaryPrimitives.ReadUInt32BigEndian(box.AsSpan(12)), BinaryPrimitives.ReadUInt32BigEndian(box.AsSpan(16)));
        return timescale == 0 || duration == uint.MaxValue || duration == ulong.MaxValue ? null : TimeSpan.FromSeconds((double)duration / timescale);
    }

    private static TimeSpan? Wav(Stream stream, long start)
    {
        var header = new byte[8];
        var fmt = new byte[16];
        uint? byteRate = null;
        var position = start + 12;
        while (position + 8 <= stream.Length)
        {
            stream.Position = position;
            if (ReadFully(stream, header) < 8)
            {
                return null;
            }

            var id = Ascii(header, 0, 4);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
            if (id == "fmt ")
            {
                if (size < 16 || ReadFully(stream, fmt) < 16)
                {
                    return null;
                }

                byteRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt.AsSpan(8));
            }
            else if (id == "data")
            {
                // A streamed WAV may leave the size unset (0 or all ones): the bytes that follow are the data then.
                var data = size is 0 or uint.MaxValue ? stream.Length - position - 8 : Math.Min(size, stream.Length - position - 8);
                return byteRate is > 0 ? TimeSpan.FromSeconds((double)data / byteRate.Value) : null;
            }

            position += 8 + size + (size & 1);
        }

        return null;
    }

    private static TimeSpan? Mp3(Stream stream, long start)
    {
        var position = start;
        var id3 = new byte[10];
        if (ReadFully(stream, id3) == 10 && Ascii(id3, 0, 3) == "ID3")
        {
            // A syncsafe size: 7 bits per byte; a footer adds 10 more.
            var size = (id3[6] << 21) | (id3[7] << 14) | (id3[8] << 7) | id3[9];
            position += 10 + size + ((id3[5] & 0x10) != 0 ? 10 : 0);
        }

        stream.Position = position;
        var frame = new byte[512];
        var read = ReadFully(stream, frame);
        if (read < 4 || frame[0] != 0xFF || (frame[1] & 0xE0) != 0xE0)
        {
            return null;
        }

        var version = (frame[1] >> 3) & 3; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
        var layer = (frame[1] >> 1) & 3;   // 1 = Layer III
        var bitrateIndex = frame[2] >> 4;
        var rateIndex = (frame[2] >> 2) & 3;
        if (version == 1 || layer != 1 || bitrateIndex is 0 or 15 || rateIndex == 3)
        {
            return null;
        }

        int[] rates = version switch { 3 => [44100, 48000, 32000], 2 => [22050, 24000, 16000], _ => [11025, 12000, 8000] };
        int[] bitrates = version == 3
            ? [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
            : [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
        var sampleRate = rates[rateIndex];
        var samplesPerFrame = version == 3 ? 1152 : 576;
        var mono = (frame[3] >> 6) == 3;
        var xing = 4 + (version == 3 ? (mono ? 17 : 32) : (mono ? 9 : 17));
        if (read >= xing + 16 && Ascii(frame, xing, 4) is "Xing" or "Info")
        {
            var flags = BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(xing + 4));
            if ((flags & 1) != 0)
            {
                long frames = BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(xing + 8));
                var samples = frames * samplesPerFrame;
                var lame = xing + 8 + 4 + ((flags & 2) != 0 ? 4 : 0) + ((flags & 4) != 0 ? 100 : 0) + ((flags & 8) != 0 ? 4 : 0);
                if (read >= lame + 24 && Ascii(frame, lame, 4) is "LAME" or "Lavf" or "Lavc")
                {
                    // The encoder's delay and padding (12 bits each) are not part of the decoded audio.
                    var delay = (frame[lame + 21] << 4) | (frame[lame + 22] >> 4);
                    var padding = ((frame[lame + 22] & 0x0F) << 8) | frame[lame + 23];
                    samples = Math.Max(0, samples - delay - padding);
                }

                return TimeSpan.FromSeconds((double)samples / sampleRate);
            }
        }

        // Constant bit rate: the audio's size over the rate (an ID3v1 tag at the end is 128 bytes of no audio).
        var end = stream.Length;
        stream.Position = end - 128;
        var tag = new byte[3];
        if (end - 128 > position && ReadFully(stream, tag) == 3 && Ascii(tag, 0, 3) == "TAG")
        {
            end -= 128;
        }

        return TimeSpan.FromSeconds((end - position) * 8.0 / (bitrates[bitrateIndex] * 1000.0));
    }

    private static int ReadFully(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = stream.Read(buffer[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    private static string Ascii(byte[] bytes, int offset, int count) => Encoding.ASCII.GetString(bytes, offset, count);
}
