using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions;
using NUnit.Framework;
using TranscriptKit.Runtime;

namespace TranscriptKit.Core.Tests.Http;

/// <summary>Uploads time out when no byte moves for UploadIdleTimeout, and when the answer after the last byte takes longer than the request timeout.</summary>
[CancelAfter(20_000)]
public class ClientPipelineUploadTimeoutTests
{
    private static readonly OperationDescriptor s_upload = new("uploadMedia", Idempotent: false);

    private static PipelineFixture Fixture(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> server, out Func<int> requests)
    {
        var handler = new ServerHandler(server);
        requests = () => handler.Count;
        return new PipelineFixture(
            retry: new RetryOptions { MaxRetries = 3 },
            requestTimeout: TimeSpan.FromSeconds(5),
            configure: o => o.UploadIdleTimeout = TimeSpan.FromSeconds(3),
            handler: handler);
    }

    private static MultipartRequestBody Body(int bytes) =>
        new MultipartRequestBody(progress: null).AddField("language", "en").AddFile("file", UploadFile.FromStream(new MemoryStream(new byte[bytes]), "clip.mp4"));

    [Test]
    public void Upload_the_server_stops_reading_times_out_as_idle_and_is_sent_once()
    {
        var fixture = Fixture(
            async (request, ct) =>
            {
                // Reads 64 KiB of the body, then never reads again: the client's writes block.
                await request.Content!.CopyToAsync(new StallingSink(64 * 1024), ct);
                return new HttpResponseMessage(HttpStatusCode.OK);
            },
            out var requests);

        var send = fixture.Pipeline.SendAsync(fixture.Request(Method.POST, "{+baseurl}/uploads"), Body(1024 * 1024), s_upload, CancellationToken.None);
        var error = Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => Eventually.Drive(fixture.Clock, send, TimeSpan.FromMilliseconds(500)))!;

        Assert.That(error.Message, Does.Contain("upload bytes for 3 s").And.Contain("uploadMedia"));
        Assert.That(error.Submission, Is.EqualTo(SubmissionOutcome.Unknown));
        Assert.That(requests(), Is.EqualTo(1));
    }

    [Test]
    public void Answer_that_never_comes_after_the_last_byte_times_out_within_the_request_timeout()
    {
        var fixture = Fixture(
            async (request, ct) =>
            {
                await request.Content!.CopyToAsync(Stream.Null, ct);
                await Task.Delay(Timeout.Infinite, ct);
                return new HttpResponseMessage(HttpStatusCode.OK);
            },
            out var requests);

        var send = fixture.Pipeline.SendAsync(fixture.Request(Method.POST, "{+baseurl}/uploads"), Body(256 * 1024), s_upload, CancellationToken.None);
        var error = Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => Eventually.Drive(fixture.Clock, send, TimeSpan.FromMilliseconds(500)))!;

        Assert.That(error.Message, Does.Contain("last byte").And.Contain("5 s"));
        Assert.That(requests(), Is.EqualTo(1));
    }

    [Test]
    public async Task Upload_that_keeps_moving_is_not_cut_short_by_the_idle_timeout()
    {
        // Each write (80 KiB chunks) takes 1 s of fake time: over 13 s for the whole 1 MiB, past the 3 s idle and 5 s request timeouts.
        PipelineFixture? fixture = null;
        fixture = Fixture(
            async (request, ct) =>
            {
                await request.Content!.CopyToAsync(new SlowSink(() => fixture!.Clock.Advance(TimeSpan.FromSeconds(1))), ct);
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") };
            },
            out var requests);

        using var response = await Eventually.Drive(fixture.Clock, fixture.Pipeline.SendAsync(fixture.Request(Method.POST, "{+baseurl}/uploads"), Body(1024 * 1024), s_upload, CancellationToken.None), TimeSpan.Zero);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(requests(), Is.EqualTo(1));
    }

    private sealed class ServerHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> server) : HttpMessageHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return server(request, cancellationToken);
        }
    }

    /// <summary>Accepts some bytes, then blocks every write until cancelled, as a socket whose peer stopped reading.</summary>
    private sealed class StallingSink(int accept) : WriteOnlySink
    {
        private long _taken;

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_taken >= accept)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            _taken += buffer.Length;
        }
    }

    /// <summary>Takes every write, running <paramref name="perWrite"/> (a fake-clock step) for each.</summary>
    private sealed class SlowSink(Action perWrite) : WriteOnlySink
    {
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            perWrite();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>The write-only stream both sinks are: every write goes through <see cref="WriteAsync(ReadOnlyMemory{byte}, CancellationToken)"/>.</summary>
    private abstract class WriteOnlySink : Stream
    {
        public abstract override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
