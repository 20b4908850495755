using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.CaptionCat.Tests;

/// <summary>Streaming uploads: progress, content type, retries that resend the bytes, and constant memory for a 1 GiB file.</summary>
[TestFixture]
public sealed class CaptionCatUploadTests
{
    [Test]
    public async Task UploadVideo_from_stream_reports_progress_up_to_the_total_and_sends_video_mp4()
    {
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i % 253)).ToArray();
        var handler = new StubHandler().Respond(HttpStatusCode.OK, CaptionCatDocExamples.Upload);
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var file = UploadFile.FromStream(new MemoryStream(bytes), "clip.mp4");
        var progress = new RecordingProgress<UploadProgress>();

        var result = await client.UploadVideoAsync(file, progress);

        var reports = progress.Reports;
        var request = handler.Requests.Single();
        var part = Multipart.Parse(request.ContentType!, request.Body!).Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Id, Is.EqualTo("cb6dc793fa1ceadb55744ba0a7b0af56"));
            Assert.That(file.ContentType, Is.EqualTo("video/mp4"));
            Assert.That(part.Header("Content-Type"), Is.EqualTo("video/mp4"));
            Assert.That(Multipart.DispositionParameter(part, "name"), Is.EqualTo("video"));
            Assert.That(Multipart.DispositionParameter(part, "filename"), Is.EqualTo("clip.mp4"));
            Assert.That(part.Content, Is.EqualTo(bytes));
            Assert.That(reports, Is.Not.Empty);
            Assert.That(reports.Select(r => r.TotalBytes), Is.All.EqualTo(200_000L));
            Assert.That(reports.Select(r => r.BytesSent), Is.Ordered.Ascending);
            Assert.That(reports[^1].BytesSent, Is.EqualTo(200_000L));
            Assert.That(reports[^1].Percent, Is.EqualTo(100.0));
        });
    }

    [Test]
    public async Task UploadVideo_sends_the_stream_from_its_current_position()
    {
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        var stream = new MemoryStream(bytes) { Position = 100 };
        var handler = new StubHandler().Respond(HttpStatusCode.OK, CaptionCatDocExamples.Upload);
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var file = UploadFile.FromStream(stream, "clip.mov");
        var progress = new RecordingProgress<UploadProgress>();

        await client.UploadVideoAsync(file, progress);

        var part = Multipart.Parse(handler.Requests[0].ContentType!, handler.Requests[0].Body!).Single();
        Assert.Multiple(() =>
        {
            Assert.That(part.Content, Is.EqualTo(bytes[100..]));
            Assert.That(part.Header("Content-Type"), Is.EqualTo("video/quicktime"));
            Assert.That(progress.Reports[^1], Is.EqualTo(new UploadProgress(900, 900)));
        });
    }

    [Test]
    public async Task UploadVideo_of_a_non_seekable_stream_is_sent_with_unknown_total()
    {
        var bytes = Enumerable.Range(0, 5000).Select(i => (byte)(i * 3)).ToArray();
        var handler = new StubHandler().Respond(HttpStatusCode.OK, CaptionCatDocExamples.Upload);
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var file = UploadFile.FromStream(new ForwardOnlyStream(new MemoryStream(bytes)), "clip.webm");
        var progress = new RecordingProgress<UploadProgress>();

        await client.UploadVideoAsync(file, progress);

        var part = Multipart.Parse(handler.Requests[0].ContentType!, handler.Requests[0].Body!).Single();
        Assert.Multiple(() =>
        {
            Assert.That(part.Content, Is.EqualTo(bytes));
            Assert.That(part.Header("Content-Type"), Is.EqualTo("video/webm"));
            Assert.That(progress.Reports.Select(r => r.TotalBytes), Is.All.Null);
            Assert.That(progress.Reports[^1].BytesSent, Is.EqualTo(5000L));
        });
    }

    [Test]
    public async Task UploadVideo_refused_with_429_is_sent_again_after_Retry_After_with_the_same_bytes()
    {
        var time = new FakeTimeProvider();
        var bytes = Enumerable.Range(0, 10_000).Select(i => (byte)(i * 11)).ToArray();
        var handler = new StubHandler()
            .Respond(HttpStatusCode.TooManyRequests, """{"error": "Too many requests"}""", configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(1)))
            .Respond(HttpStatusCode.OK, CaptionCatDocExamples.Upload);
        using var client = TestClients.Create(handler, time, new RetryOptions { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(5) });
        using var file = UploadFile.FromStream(new MemoryStream(bytes), "clip.mp4");

        var call = client.UploadVideoAsync(file);
        await Eventually.RequestsAsync(handler, 1);
        time.Advance(TimeSpan.FromSeconds(1));
        var result = await call;

        Assert.That(result.Id, Is.EqualTo(CaptionCatDocExamples.VideoId));
        Assert.That(handler.Requests, Has.Count.EqualTo(2));
        var first = Multipart.Parse(handler.Requests[0].ContentType!, handler.Requests[0].Body!).Single();
        var second = Multipart.Parse(handler.Requests[1].ContentType!, handler.Requests[1].Body!).Single();
        Assert.Multiple(() =>
        {
            Assert.That(first.Content, Is.EqualTo(bytes));
            Assert.That(second.Content, Is.EqualTo(bytes), "the stream is rewound before the second attempt");
        });
    }

    [Test]
    public async Task UploadVideo_of_a_non_seekable_stream_is_not_sent_again_after_429()
    {
        var time = new FakeTimeProvider();
        var handler = new StubHandler()
            .Respond(HttpStatusCode.TooManyRequests, """{"error": "Too many requests"}""", configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(1)))
            .Otherwise(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(CaptionCatDocExamples.Upload) });
        using var client = TestClients.Create(handler, time, new RetryOptions { MaxRetries = 3 });
        using var file = UploadFile.FromStream(new ForwardOnlyStream(new MemoryStream(new byte[100])), "clip.mp4");

        var call = client.UploadVideoAsync(file);
        await Eventually.WaitUntilAsync(() => call.IsCompleted || Eventually.Count(handler) >= 1, "the first attempt");
        time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.WaitUntilAsync(() => call.IsCompleted, "the call to end");

        var error = Assert.ThrowsAsync<TranscriptKitRateLimitException>(() => call);

        Assert.Multiple(() =>
        {
            Assert.That(error!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(handler.Requests, Has.Count.EqualTo(1), "the bytes cannot be read a second time");
        });
    }

    [Test]
    public async Task UploadVideo_streams_1_GiB_with_bounded_memory()
    {
        const long size = 1L << 30;
        const long budget = 64L << 20;
        var source = new GeneratedStream(size);
        var sink = new CountingStream(sampleEvery: 4 << 20);
        var handler = new DrainingHandler(sink);
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = new CaptionCatClient(http, TestClients.Options(new FakeTimeProvider()));
        using var file = UploadFile.FromStream(source, "big.mp4");
        var progress = new LastProgress<UploadProgress>();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        sink.Baseline = GC.GetTotalMemory(forceFullCollection: true);

        var result = await client.UploadVideoAsync(file, progress);
        TestContext.Out.WriteLine($"sent {sink.Count} bytes; peak managed memory {(sink.PeakMemory - sink.Baseline) / 1024} KiB above baseline over {sink.Samples} samples");

        Assert.Multiple(() =>
        {
            Assert.That(result.Id, Is.EqualTo(CaptionCatDocExamples.VideoId));
            Assert.That(source.Position, Is.EqualTo(size), "the whole file was read");
            Assert.That(handler.ContentLength, Is.Not.Null, "a seekable stream gives the request a known length");
            Assert.That(sink.Count, Is.EqualTo(handler.ContentLength), "every declared byte arrived");
            Assert.That(sink.Count - size, Is.InRange(1L, 1024L), "the body is the file plus a little multipart framing");
            Assert.That(progress.Last, Is.EqualTo(new UploadProgress(size, size)));
            Assert.That(handler.ContentType, Does.StartWith("multipart/form-data"));
            Assert.That(handler.Authorization, Is.EqualTo("Bearer test-key"));
            Assert.That(sink.Samples, Is.GreaterThan(200), "memory was sampled throughout");
            Assert.That(
                sink.PeakMemory - sink.Baseline,
                Is.LessThan(budget),
                $"peak managed memory grew by {(sink.PeakMemory - sink.Baseline) / (1 << 20)} MiB while uploading 1 GiB");
        });
    }

    /// <summary>A transport that streams the request body into a sink (no buffering) and answers with the docs' upload example.</summary>
    private sealed class DrainingHandler(Stream sink) : HttpMessageHandler
    {
        public long? ContentLength { get; private set; }

        public string? ContentType { get; private set; }

        public string? Authorization { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.Authorization?.ToString();
            ContentType = request.Content?.Headers.ContentType?.ToString();
            ContentLength = request.Content?.Headers.ContentLength;
            await request.Content!.CopyToAsync(sink, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(CaptionCatDocExamples.Upload, Encoding.UTF8, "application/json"),
                RequestMessage = request,
            };
        }
    }
}
