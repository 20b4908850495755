using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Tests;

/// <summary>A seekable file of any size that never holds its bytes (byte at position p is <see cref="At"/>(p) = p mod 251), so huge uploads can be tested in bounded memory.</summary>
public sealed class GeneratedStream(long length) : Stream
{
    private const int Period = 251;
    private static readonly byte[] s_pattern = BuildPattern();
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value is >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public static byte At(long position) => (byte)(position % Period);

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, Math.Max(0, length - _position));
        var written = 0;
        while (written < count)
        {
            var offset = (int)((_position + written) % Period);
            var chunk = Math.Min(count - written, s_pattern.Length - offset);
            s_pattern.AsSpan(offset, chunk).CopyTo(buffer[written..]);
            written += chunk;
        }

        _position += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static byte[] BuildPattern()
    {
        var pattern = new byte[Period * 512];
        for (var i = 0; i < pattern.Length; i++)
        {
            pattern[i] = (byte)(i % Period);
        }

        return pattern;
    }
}
