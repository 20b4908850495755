using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Tests;

/// <summary>A sink for huge uploads: counts what is written and samples managed memory every <c>sampleEvery</c> bytes, keeping nothing, so bounded memory can be asserted.</summary>
public sealed class CountingStream(int sampleEvery) : Stream
{
    private long _nextSample;

    public long Count { get; private set; }

    public long Baseline { get; set; }

    public long PeakMemory { get; private set; }

    public int Samples { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Count += buffer.Length;
        if (Count >= _nextSample)
        {
            _nextSample = Count + sampleEvery;
            Samples++;
            PeakMemory = Math.Max(PeakMemory, GC.GetTotalMemory(forceFullCollection: false));
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
