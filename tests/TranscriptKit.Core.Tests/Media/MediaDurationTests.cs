using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;
using NUnit.Framework;

namespace TranscriptKit.Core.Tests.Media;

/// <summary>
/// Durations read from container headers match the samples' real durations (samples/README.md: the MP3 decodes to
/// exactly 5.2 s once the encoder's delay and padding are taken off; the MP4s are padded to whole video frames),
/// and hand-built WAV, M4A (64-bit mvhd) and constant-rate MP3 headers read as their arithmetic says.
/// </summary>
[TestFixture]
[CancelAfter(10_000)]
public sealed class MediaDurationTests
{
    [TestCase("short-note.mp3", 5.2, 0.0005)]
    [TestCase("welcome.mp4", 15.2, 0.05)]
    [TestCase("bonjour.mp4", 4.7, 0.05)]
    public void The_samples_read_as_their_real_durations(string sample, double seconds, double within)
    {
        Assert.That(MediaDuration.TryRead(Sample(sample))!.Value.TotalSeconds, Is.EqualTo(seconds).Within(within));
    }

    [Test]
    public void A_wav_lasts_its_data_size_over_its_byte_rate()
    {
        using var wav = Wav(sampleRate: 16000, channels: 1, bitsPerSample: 16, seconds: 3);

        Assert.That(MediaDuration.TryRead(wav), Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void An_m4a_with_a_64_bit_movie_header_reads_its_wide_duration_and_the_stream_position_is_restored()
    {
        using var m4a = new MemoryStream();
        m4a.Write([0xAA]); // a caller's position that is not 0
        Box(m4a, "ftyp", Encoding.ASCII.GetBytes("M4A \0\0\0\0M4A isom"));
        var mvhd = new byte[32 + 80];
        mvhd[0] = 1;
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(20), 1000);
        BinaryPrimitives.WriteUInt64BigEndian(mvhd.AsSpan(24), 5_000_000_123);
        var moov = new MemoryStream();
        Box(moov, "mvhd", mvhd);
        Box(m4a, "moov", moov.ToArray());
        m4a.Position = 1;

        Assert.That(MediaDuration.TryRead(m4a)!.Value.TotalSeconds, Is.EqualTo(5_000_000.123).Within(0.0005));
        Assert.That(m4a.Position, Is.EqualTo(1));
    }

    [Test]
    public void A_constant_rate_mp3_without_a_xing_frame_lasts_its_size_over_its_bit_rate()
    {
        // MPEG-1 Layer III, 128 kb/s, 44.1 kHz, stereo: 16,000 bytes of frames are 1 s.
        var bytes = new byte[16_000];
        for (var i = 0; i + 418 <= bytes.Length; i += 418)
        {
            bytes[i] = 0xFF; bytes[i + 1] = 0xFB; bytes[i + 2] = 0x90; bytes[i + 3] = 0x00;
        }

        Assert.That(MediaDuration.TryRead(new MemoryStream(bytes))!.Value.TotalSeconds, Is.EqualTo(1.0).Within(1e-9));
    }

    [Test]
    public void Bytes_that_are_no_known_container_read_as_unknown_rather_than_a_guess()
    {
        Assert.That(MediaDuration.TryRead(new MemoryStream(Encoding.ASCII.GetBytes("just some text, not media at all"))), Is.Null);
        Assert.That(MediaDuration.TryRead(new MemoryStream([0, 0, 0, 24, (byte)'f', (byte)'t', (byte)'y', (byte)'p', 1, 2, 3, 4])), Is.Null, "a cut-off MP4");
    }

    private static MemoryStream Wav(int sampleRate, short channels, short bitsPerSample, int seconds)
    {
        var byteRate = sampleRate * channels * bitsPerSample / 8;
        var data = byteRate * seconds;
        var stream = new MemoryStream();
        var w = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: true);
        w.Write("RIFF"u8); w.Write(36 + data); w.Write("WAVE"u8);
        w.Write("fmt "u8); w.Write(16); w.Write((short)1); w.Write(channels); w.Write(sampleRate); w.Write(byteRate); w.Write((short)(channels * bitsPerSample / 8)); w.Write(bitsPerSample);
        w.Write("data"u8); w.Write(data); w.Write(new byte[data]);
        w.Flush();
        stream.Position = 0;
        return stream;
    }

    private static void Box(Stream into, string type, byte[] body)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)(8 + body.Length));
        Encoding.ASCII.GetBytes(type).CopyTo(header, 4);
        into.Write(header);
        into.Write(body);
    }

    private static string Sample(string name)
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "samples", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"samples/{name} not found above {TestContext.CurrentContext.TestDirectory}");
    }
}
