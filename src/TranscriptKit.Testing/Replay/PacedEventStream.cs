using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Testing;

/// <summary>
/// A recorded event-stream body that hands out each event no earlier than its recorded offset from the moment the
/// response was created, waiting on a <see cref="TimeProvider"/> (a fake one in tests, so nothing sleeps). Bytes after
/// the last timed event follow it at once.
/// </summary>
internal sealed class PacedEventStream : Stream
{
    private readonly byte[] _body;
    private readonly List<long> _ends;
    private readonly IList<long> _offsetsMs;
    private readonly TimeProvider _time;
    private readonly long _started;
    private int _position;

    public PacedEventStream(byte[] body, IList<long> offsetsMs, TimeProvider time)
    {
        _body = body;
        _ends = EventBoundaries.In(body);
        _offsetsMs = offsetsMs;
        _time = time;
        _started = time.GetTimestamp();
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= _body.Length || buffer.Length == 0)
        {
            return 0;
        }

        // The event the next byte belongs to; past the last boundary, the tail goes with the last timed event.
        var index = 0;
        while (index < _ends.Count && _ends[index] <= _position)
        {
            index++;
        }

        var due = index < _offsetsMs.Count ? TimeSpan.FromMilliseconds(_offsetsMs[index]) : (TimeSpan?)null;
        if (due is { } at && _time.GetElapsedTime(_started) is var elapsed && elapsed < at)
        {
            await Task.Delay(at - elapsed, _time, cancellationToken).ConfigureAwait(false);
        }

        var end = index < _ends.Count && index < _offsetsMs.Count ? (int)_ends[index] : _body.Length;
        var count = Math.Min(buffer.Length, end - _position);
        _body.AsMemory(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
