using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Core.Tests.Http;

/// <summary>
/// A response body that plays a script: some bytes, then a stall (until the reader's token fires), a cut
/// (an <see cref="IOException"/>, as a reset mid-body looks) or the end. Counts the bytes handed out.
/// </summary>
internal sealed class ScriptedStream : Stream
{
    private readonly Queue<object> _steps = new();
    private ReadOnlyMemory<byte> _pending;

    public long BytesRead { get; private set; }

    public ScriptedStream Bytes(string text) => Bytes(Encoding.UTF8.GetBytes(text));

    public ScriptedStream Bytes(byte[] bytes)
    {
        _steps.Enqueue(bytes);
        return this;
    }

    public ScriptedStream Stall()
    {
        _steps.Enqueue(Step.Stall);
        return this;
    }

    /// <summary>Runs <paramref name="action"/> when the reader gets here (for example, moves a fake clock).</summary>
    public ScriptedStream Then(Action action)
    {
        _steps.Enqueue(action);
        return this;
    }

    public ScriptedStream Cut()
    {
        _steps.Enqueue(Step.Cut);
        return this;
    }

    /// <summary>A response whose content plays this script.</summary>
    public HttpResponseMessage Response(System.Net.HttpStatusCode status = System.Net.HttpStatusCode.OK, string mediaType = "application/json", long? contentLength = null)
    {
        var content = new StreamContent(this);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        content.Headers.ContentLength = contentLength;
        return new HttpResponseMessage(status) { Content = content };
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_pending.IsEmpty)
        {
            if (!_steps.TryDequeue(out var step))
            {
                return 0;
            }

            switch (step)
            {
                case byte[] bytes:
                    _pending = bytes;
                    break;
                case Action action:
                    action();
                    break;
                case Step.Stall:
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                    break;
                default:
                    throw new IOException("The connection was reset mid-body (scripted).");
            }
        }

        var n = Math.Min(buffer.Length, _pending.Length);
        _pending[..n].CopyTo(buffer);
        _pending = _pending[n..];
        BytesRead += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private enum Step
    {
        Stall,
        Cut,
    }
}
