using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Benchmarks.Upload;

/// <summary>
/// A read-only, seekable stream of <see cref="Length"/> pseudo-random bytes made on the fly from a 64 KiB
/// pattern: a "file" of any size with no disk and no memory beyond the pattern. Seekable like a
/// <see cref="FileStream"/>, so clients see a known length (Content-Length, Subclip's size check, replays).
/// </summary>
internal sealed class GeneratedStream : Stream
{
    private const int PatternSize = 64 * 1024;
    private static readonly byte[] s_pattern = CreatePattern();
    private readonly long _length;
    private long _position;

    public GeneratedStream(long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _length = length;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _position = value;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var remaining = _length - _position;
        if (remaining <= 0)
        {
            return 0;
        }

        var toRead = (int)Math.Min(buffer.Length, remaining);
        var written = 0;
        while (written < toRead)
        {
            var patternOffset = (int)((_position + written) % PatternSize);
            var n = Math.Min(toRead - written, PatternSize - patternOffset);
            s_pattern.AsSpan(patternOffset, n).CopyTo(buffer.Slice(written));
            written += n;
        }

        _position += toRead;
        return toRead;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static byte[] CreatePattern()
    {
        var pattern = new byte[PatternSize];
        new Random(20240501).NextBytes(pattern);
        return pattern;
    }
}
