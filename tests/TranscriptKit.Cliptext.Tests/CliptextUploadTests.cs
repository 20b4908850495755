using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Cliptext.Tests;

/// <summary>
/// UploadFileAsync (x-tk-upload, all inferred): POST /uploads/presigned, PUT the bytes to upload_url without the
/// API key, then POST /uploads/complete with the upload_id. Progress, failures at each step, retries, memory.
/// </summary>
[TestFixture]
public sealed class CliptextUploadTests
{
    [Test]
    public async Task UploadFile_sends_presigned_then_PUT_then_complete_in_order_and_returns_the_create_response()
    {
        var bytes = Pattern(150_000);
        var handler = UploadHandler();
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var file = UploadFile.FromStream(new MemoryStream(bytes), "meeting.mp3");

        var result = await client.UploadFileAsync(file);

        Assert.That(handler.Requests, Has.Count.EqualTo(3));
        var (presign, put, complete) = (handler.Requests[0], handler.Requests[1], handler.Requests[2]);
        Assert.Multiple(() =>
        {
            Assert.That(presign.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(presign.Uri.AbsoluteUri, Is.EqualTo("https://api.cliptext.ai/v1/uploads/presigned"));
            Assert.That(presign.Header("Authorization"), Is.EqualTo("Bearer test-key"));
            Assert.That(presign.ContentType, Is.EqualTo("application/json; charset=utf-8"));
            Assert.That(presign.BodyText, Is.EqualTo("""{"file_name":"meeting.mp3","content_type":"audio/mpeg","file_size":150000}"""));

            Assert.That(put.Method, Is.EqualTo(HttpMethod.Put));
            Assert.That(put.Uri.AbsoluteUri, Is.EqualTo(CliptextDocExamples.UploadUrl), "the presigned URL is used exactly as returned, signature included");
            Assert.That(put.Header("Authorization"), Is.Null, "the API key is never sent to the storage URL");
            Assert.That(put.Headers, Does.Not.Contain(TestClients.ApiKey));
            Assert.That(put.ContentType, Is.EqualTo("audio/mpeg"), "the upload is sent with the content_type announced");
            Assert.That(put.Message.Content!.Headers.ContentLength, Is.EqualTo(150_000L));
            Assert.That(put.Body, Is.EqualTo(bytes), "the body is the file's bytes, unwrapped");

            Assert.That(complete.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(complete.Uri.AbsoluteUri, Is.EqualTo("https://api.cliptext.ai/v1/uploads/complete"));
            Assert.That(complete.Header("Authorization"), Is.EqualTo("Bearer test-key"));
            Assert.That(complete.BodyText, Is.EqualTo("""{"upload_id":"upl_789"}"""));

            Assert.That(result, Is.EqualTo(new PresignedUpload { UploadId = "upl_789", UploadUrl = CliptextDocExamples.UploadUrl, ExpiresIn = 3600 }));
        });
    }

    [Test]
    public async Task UploadFile_reports_byte_progress_up_to_the_total()
    {
        var bytes = Pattern(300_000);
        var handler = UploadHandler();
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var file = UploadFile.FromStream(new MemoryStream(bytes), "interview.wav");
        var progress = new RecordingProgress<UploadProgress>();

        await client.UploadFileAsync(file, progress);

        var reports = progress.Reports;
        Assert.Multiple(() =>
        {
            Assert.That(reports, Has.Count.GreaterThan(1), "a 300 kB file is reported in several chunks");
            Assert.That(reports.Select(r => r.TotalBytes), Is.All.EqualTo(300_000L));
            Assert.That(reports.Select(r => r.BytesSent), Is.Ordered.Ascending);
            Assert.That(reports[^1], Is.EqualTo(new UploadProgress(300_000, 300_000)));
            Assert.That(reports[^1].Percent, Is.EqualTo(100.0));
            Assert.That(handler.Requests[1].ContentType, Is.EqualTo("audio/wav"));
        });
    }

    [Test]
    public async Task UploadFile_sends_the_stream_from_its_current_position_and_announces_that_size()
    {
        var bytes = Pattern(1000);
        var handler = UploadHandler();
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var file = UploadFile.FromStream(new MemoryStream(bytes) { Position = 250 }, "clip.mp4");

        await client.UploadFileAsync(file);

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests[0].BodyText, Is.EqualTo("""{"file_name":"clip.mp4","content_type":"video/mp4","file_size":750}"""));
            Assert.That(handler.Requests[1].Body, Is.EqualTo(bytes[250..]));
        });
    }

    [Test]
    public async Task UploadFile_from_a_path_sends_the_file_name_without_directories_and_the_guessed_type()
    {
        var directory = Directory.CreateTempSubdirectory("cliptext-tests-");
        try
        {
            var path = Path.Combine(directory.FullName, "episode 12.flac");
            var bytes = Pattern(4096);
            await File.WriteAllBytesAsync(path, bytes);
            var handler = UploadHandler();
            using var client = TestClients.Create(handler, new FakeTimeProvider());

            using (var file = UploadFile.FromPath(path))
            {
                await client.UploadFileAsync(file);
            }

            Assert.Multiple(() =>
            {
                Assert.That(handler.Requests[0].BodyText, Is.EqualTo("""{"file_name":"episode 12.flac","content_type":"audio/flac","file_size":4096}"""));
                Assert.That(handler.Requests[1].ContentType, Is.EqualTo("audio/flac"));
                Assert.That(handler.Requests[1].Body, Is.EqualTo(bytes));
            });
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    public async Task UploadFile_uses_an_explicit_content_type()
    {
        var handler = UploadHandler();
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var file = UploadFile.FromStream(new MemoryStream(Pattern(10)), "recording.bin", "audio/ogg");

        await client.UploadFileAsync(file);

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests[0].BodyText, Does.Contain("\"content_type\":\"audio/ogg\""));
            Assert.That(handler.Requests[1].ContentType, Is.EqualTo("audio/ogg"));
        });
    }

    [Test]
    public void UploadFile_of_a_non_seekable_stream_is_refused_before_anything_is_sent()
    {
        var handler = UploadHandler();
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var file = UploadFile.FromStream(new ForwardOnlyStream(new MemoryStream(Pattern(100))), "meeting.mp3");

        var error = Assert.ThrowsAsync<ArgumentException>(() => client.UploadFileAsync(file));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("size"));
            Assert.That(handler.Requests, Is.Empty, "file_size must be known before asking for a URL");
        });
    }

    [Test]
    public void UploadFile_stops_when_the_presigned_request_is_refused()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.BadRequest, CliptextDocExamples.ErrorEnvelope);
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var file = UploadFile.FromStream(new MemoryStream(Pattern(100)), "notes.txt");

        var error = Assert.ThrowsAsync<TranscriptKitBadRequestException>(() => client.UploadFileAsync(file));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo("VALIDATION_ERROR"));
            Assert.That(error.VendorMessage, Is.EqualTo("Invalid file format"));
            Assert.That(handler.Requests, Has.Count.EqualTo(1), "no PUT and no complete after a refused presign");
        });
    }

    [Test]
    public void UploadFile_does_not_complete_when_the_storage_refuses_the_bytes()
    {
        const string s3Error = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match</Message></Error>";
        var handler = new StubHandler()
            .Respond(HttpStatusCode.OK, CliptextDocExamples.PresignedUpload)
            .Respond(HttpStatusCode.Forbidden, s3Error, "application/xml");
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var file = UploadFile.FromStream(new MemoryStream(Pattern(100)), "meeting.mp3");

        var error = Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() => client.UploadFileAsync(file));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Status, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(error.Vendor, Is.EqualTo("cliptext"));
            Assert.That(error.Message, Does.Contain("Cliptext storage"), "the message says the storage, not the API, refused");
            Assert.That(error.Message, Does.Not.Contain(TestClients.ApiKey));
            Assert.That(handler.Requests, Has.Count.EqualTo(2), "completeUpload is not called for bytes that never arrived");
            Assert.That(handler.Requests[1].Method, Is.EqualTo(HttpMethod.Put));
        });
    }

    [Test]
    public void UploadFile_refuses_a_plain_http_upload_url_and_sends_nothing_to_it()
    {
        var handler = new StubHandler()
            .Respond(HttpStatusCode.OK, """{"upload_id": "upl_789", "upload_url": "http://uploads.cliptext.ai/upl_789?X-Signature=abc"}""")
            .Otherwise(_ => Http.Json(CliptextDocExamples.CompletedUpload));
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var file = UploadFile.FromStream(new MemoryStream(Pattern(100)), "meeting.mp3");

        var error = Assert.CatchAsync<Exception>(() => client.UploadFileAsync(file));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("https"));
            Assert.That(error.Message, Does.Not.Contain("X-Signature"), "the signature is a credential and stays out of messages");
            Assert.That(handler.Requests, Has.Count.EqualTo(1), "neither the bytes nor completeUpload were sent");
        });
    }

    [Test]
    public void UploadFile_sends_nothing_to_a_relative_upload_url()
    {
        var handler = new StubHandler()
            .Respond(HttpStatusCode.OK, """{"upload_id": "upl_789", "upload_url": "/uploads/upl_789"}""")
            .Otherwise(_ => Http.Json(CliptextDocExamples.CompletedUpload));
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var file = UploadFile.FromStream(new MemoryStream(Pattern(100)), "meeting.mp3");

        Assert.CatchAsync<Exception>(() => client.UploadFileAsync(file));

        Assert.That(handler.Requests, Has.Count.EqualTo(1), "neither the bytes nor completeUpload were sent");
    }

    [Test]
    public void UploadFile_refuses_a_relative_upload_url_as_a_bad_vendor_response()
    {
        var handler = new StubHandler()
            .Respond(HttpStatusCode.OK, """{"upload_id": "upl_789", "upload_url": "/uploads/upl_789"}""")
            .Otherwise(_ => Http.Json(CliptextDocExamples.CompletedUpload));
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var file = UploadFile.FromStream(new MemoryStream(Pattern(100)), "meeting.mp3");

        var error = Assert.ThrowsAsync<TranscriptKitResponseException>(() => client.UploadFileAsync(file));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Vendor, Is.EqualTo("cliptext"));
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void UploadFile_surfaces_a_failed_complete_as_the_vendor_error()
    {
        var handler = new StubHandler()
            .Respond(HttpStatusCode.OK, CliptextDocExamples.PresignedUpload)
            .Respond(_ => new HttpResponseMessage(HttpStatusCode.OK))
            .Respond(HttpStatusCode.NotFound, """{"error": {"code": "NOT_FOUND", "message": "Upload not found"}}""");
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var file = UploadFile.FromStream(new MemoryStream(Pattern(100)), "meeting.mp3");

        var error = Assert.ThrowsAsync<TranscriptKitNotFoundException>(() => client.UploadFileAsync(file));

        Assert.Multiple(() =>
        {
            Assert.That(error!.VendorMessage, Is.EqualTo("Upload not found"));
            Assert.That(handler.Requests, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task UploadFile_sends_the_same_bytes_again_when_the_storage_answers_503()
    {
        var time = new FakeTimeProvider();
        var bytes = Pattern(20_000);
        var handler = new StubHandler()
            .Respond(HttpStatusCode.OK, CliptextDocExamples.PresignedUpload)
            .Respond(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("") })
            .Respond(_ => new HttpResponseMessage(HttpStatusCode.OK))
            .Respond(HttpStatusCode.OK, CliptextDocExamples.CompletedUpload);
        var retry = new RetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };
        using var client = TestClients.Create(handler, time, retry);
        using var file = UploadFile.FromStream(new MemoryStream(bytes), "meeting.mp3");

        var call = client.UploadFileAsync(file);
        await Eventually.RequestsAsync(handler, 2);
        time.Advance(retry.MaxDelay);
        var result = await call;

        Assert.Multiple(() =>
        {
            Assert.That(result.UploadId, Is.EqualTo("upl_789"));
            Assert.That(handler.Requests.Select(r => r.Method.Method), Is.EqualTo(new[] { "POST", "PUT", "PUT", "POST" }));
            Assert.That(handler.Requests[1].Body, Is.EqualTo(bytes));
            Assert.That(handler.Requests[2].Body, Is.EqualTo(bytes), "the stream is rewound before the second attempt");
            Assert.That(handler.Requests[2].Header("Authorization"), Is.Null);
        });
    }

    [Test]
    public async Task Upload_then_create_then_wait_runs_the_whole_documented_flow()
    {
        var time = new FakeTimeProvider();
        var handler = UploadHandler()
            .Respond(HttpStatusCode.Created, Responses.Transcription("queued"))
            .Respond(HttpStatusCode.OK, Responses.Transcription("processing"))
            .Respond(HttpStatusCode.OK, CliptextDocExamples.GenericResponse);
        using var client = TestClients.Create(handler, time);
        using var file = UploadFile.FromStream(new MemoryStream(Pattern(5000)), "meeting.mp3");

        var upload = await client.UploadFileAsync(file);
        var created = await client.CreateTranscriptionAsync(new CreateTranscriptionRequest { UploadId = upload.UploadId });
        var wait = client.WaitForTranscriptionAsync(created.Id);
        await Eventually.RequestsAsync(handler, 5);
        time.Advance(TimeSpan.FromSeconds(2));
        await Eventually.RequestsAsync(handler, 6);
        time.Advance(TimeSpan.FromSeconds(3));
        var done = await wait;

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests[3].BodyText, Is.EqualTo("""{"upload_id":"upl_789"}"""), "the transcription names the completed upload");
            Assert.That(done.Text, Is.EqualTo("Hello, this is a transcription..."));
            Assert.That(handler.Requests.Select(r => $"{r.Method} {r.Uri.AbsolutePath}"), Is.EqualTo(new[]
            {
                "POST /v1/uploads/presigned",
                "PUT /upl_789",
                "POST /v1/uploads/complete",
                "POST /v1/transcriptions",
                "GET /v1/transcriptions/txn_abc123",
                "GET /v1/transcriptions/txn_abc123",
            }));
        });
    }

    [Test]
    public async Task UploadFile_streams_1_GiB_to_the_storage_with_bounded_memory()
    {
        const long size = 1L << 30;
        const long budget = 64L << 20;
        var source = new GeneratedStream(size);
        var sink = new CountingStream(sampleEvery: 4 << 20);
        var handler = new StorageHandler(sink);
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = new CliptextClient(http, TestClients.Options(new FakeTimeProvider()));
        using var file = UploadFile.FromStream(source, "long-meeting.mp4");
        var progress = new LastProgress<UploadProgress>();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        sink.Baseline = GC.GetTotalMemory(forceFullCollection: true);

        var result = await client.UploadFileAsync(file, progress);
        TestContext.Out.WriteLine($"sent {sink.Count} bytes; peak managed memory {(sink.PeakMemory - sink.Baseline) / 1024} KiB above baseline over {sink.Samples} samples");

        Assert.Multiple(() =>
        {
            Assert.That(result.UploadId, Is.EqualTo("upl_789"));
            Assert.That(handler.Calls, Is.EqualTo(new[] { "POST /v1/uploads/presigned", "PUT /upl_789", "POST /v1/uploads/complete" }));
            Assert.That(handler.PresignBody, Is.EqualTo("""{"file_name":"long-meeting.mp4","content_type":"video/mp4","file_size":1073741824}"""));
            Assert.That(handler.PutAuthorization, Is.Null);
            Assert.That(handler.PutContentLength, Is.EqualTo(size));
            Assert.That(sink.Count, Is.EqualTo(size), "every byte arrived, unwrapped");
            Assert.That(source.Position, Is.EqualTo(size));
            Assert.That(progress.Last, Is.EqualTo(new UploadProgress(size, size)));
            Assert.That(sink.Samples, Is.GreaterThan(200), "memory was sampled throughout");
            Assert.That(sink.PeakMemory - sink.Baseline, Is.LessThan(budget), $"peak managed memory grew by {(sink.PeakMemory - sink.Baseline) / (1 << 20)} MiB while uploading 1 GiB");
        });
    }

    /// <summary>Answers the three upload steps with the inferred bodies; more answers can be queued after them.</summary>
    private static StubHandler UploadHandler() => new StubHandler()
        .Respond(HttpStatusCode.OK, CliptextDocExamples.PresignedUpload)
        .Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) })
        .Respond(HttpStatusCode.OK, CliptextDocExamples.CompletedUpload);

    private static byte[] Pattern(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 7 % 251)).ToArray();

    /// <summary>Routes the three upload requests; streams the PUT body into a sink without buffering it.</summary>
    private sealed class StorageHandler(Stream sink) : HttpMessageHandler
    {
        private readonly System.Collections.Generic.List<string> _calls = [];

        public string[] Calls => [.. _calls];

        public string? PresignBody { get; private set; }

        public string? PutAuthorization { get; private set; }

        public long? PutContentLength { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _calls.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
            string body;
            if (request.Method == HttpMethod.Put)
            {
                PutAuthorization = request.Headers.Authorization?.ToString();
                PutContentLength = request.Content!.Headers.ContentLength;
                await request.Content.CopyToAsync(sink, cancellationToken);
                body = string.Empty;
            }
            else if (request.RequestUri.AbsolutePath.EndsWith("/presigned", StringComparison.Ordinal))
            {
                PresignBody = await request.Content!.ReadAsStringAsync(cancellationToken);
                body = CliptextDocExamples.PresignedUpload;
            }
            else
            {
                body = CliptextDocExamples.CompletedUpload;
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json"), RequestMessage = request };
        }
    }
}
