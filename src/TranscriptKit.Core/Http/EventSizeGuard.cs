using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Runtime;

/// <summary>
/// Counts the bytes of the event being received (since the last blank line, which ends an event) and fails once
/// they pass the cap: System.Net.ServerSentEvents buffers a whole event before handing it over, with no limit of
/// its own, so one 50 MB event cost 842 MB. Comment lines count too; a server that sends a megabyte of them
/// without a blank line is not an event stream.
/// </summary>
internal sealed class EventSizeGuard(Stream inner, int maxEventBytes) : Stream
{
    private long _eventBytes;
    private bool _lineStart = true;
    private bool _afterCarriageReturn;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override int Read(Span<byte> buffer) => Count(buffer[..inner.Read(buffer)]);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Count(buffer.Span[..read]);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private int Count(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b == (byte)'\n' && _afterCarriageReturn)
            {
                // The second half of a CRLF ends the same line.
                _afterCarriageReturn = false;
                continue;
            }

            _afterCarriageReturn = b == (byte)'\r';
            if (b is (byte)'\r' or (byte)'\n')
            {
                if (_lineStart)
                {
                    _eventBytes = 0;
                }

                _lineStart = true;
                continue;
            }

            _lineStart = false;
            if (++_eventBytes > maxEventBytes)
            {
                throw new EventTooLargeException(maxEventBytes);
            }
        }

        return bytes.Length;
    }
}

/// <summary>An event passed <see cref="EventSizeGuard"/>'s cap.</summary>
internal sealed class EventTooLargeException(int maxEventBytes) : IOException($"An event passed {maxEventBytes:N0} bytes.");
