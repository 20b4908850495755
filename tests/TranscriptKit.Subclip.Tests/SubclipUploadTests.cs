using System;
using System.Collections.Generic;
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

namespace TranscriptKit.Subclip.Tests;

/// <summary>
/// UploadSourceAsync: asks for a signed URL with the file's name, type and size, PUTs the bytes there without the
/// API key, reports progress and returns the sourceObjectKey; refuses unknown or over-2 GB sizes before sending anything.
/// </summary>
[TestFixture]
public sealed class SubclipUploadTests
{
    private const string UploadsUrl = "https://www.subclip.app/api/v1/social-transcripts/uploads";
    private const string SignedUrl = "https://storage.example.com/put?X-Amz-Signature=abc";
    private const string SourceKey = "user_abc/social-transcripts-api/sources/abc123-clip.mp4";
    private const long TwoGiB = 2L * 1024 * 1024 * 1024;

    [Test]
    public async Task UploadSource_creates_the_url_then_PUTs_the_bytes_without_the_key_and_returns_the_sourceObjectKey()
    {
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i % 253)).ToArray();
        long? putLength = null;
        var handler = new StubHandler()
            .Respond(HttpStatusCode.OK, CreatedUrl(SignedUrl, SourceKey))
            .Respond(r =>
            {
                putLength = r.Message.Content?.Headers.ContentLength;
                return new HttpResponseMessage(HttpStatusCode.OK);
            });
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var file = UploadFile.FromStream(new MemoryStream(bytes), "clip.mp4");
        var progress = new RecordingProgress<UploadProgress>();

        var key = await client.UploadSourceAsync(file, progress);

        Assert.That(key, Is.EqualTo(SourceKey));
        Assert.That(handler.Requests, Has.Count.EqualTo(2));
        var create = handler.Requests[0];
        var put = handler.Requests[1];
        Assert.Multiple(() =>
        {
            Assert.That(create.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(create.Uri.AbsoluteUri, Is.EqualTo(UploadsUrl));
            Assert.That(create.Header("Authorization"), Is.EqualTo("Bearer test-key"));
            Assert.That(create.ContentType, Does.StartWith("application/json"));
            Assert.That(create.BodyText, Is.EqualTo("""{"fileName":"clip.mp4","contentType":"video/mp4","fileSize":200000}"""));

            Assert.That(put.Method, Is.EqualTo(HttpMethod.Put));
            Assert.That(put.Uri.AbsoluteUri, Is.EqualTo(SignedUrl));
            Assert.That(put.Header("Authorization"), Is.Null, "the signed URL is the credential; the API key must not go to storage");
            Assert.That(put.Headers, Does.Not.Contain(TestClients.ApiKey));
            Assert.That(put.ContentType, Is.EqualTo("video/mp4"), "the Content-Type declared when the URL was created");
            Assert.That(putLength, Is.EqualTo(200_000L), "the Content-Length declared when the URL was created");
            Assert.That(put.Body, Is.EqualTo(bytes));
        });

        var reports = progress.Reports;
        Assert.Multiple(() =>
        {
            Assert.That(reports, Is.Not.Empty);
            Assert.That(reports.Select(r => r.TotalBytes), Is.All.EqualTo(200_000L));
            Assert.That(reports.Select(r => r.BytesSent), Is.Ordered.Ascending);
            Assert.That(reports[^1], Is.EqualTo(new UploadProgress(200_000, 200_000)));
            Assert.That(reports[^1].Percent, Is.EqualTo(100.0));
        });
    }

    [Test]
    public async Task UploadSource_follows_the_docs_worked_example_then_the_key_starts_the_docs_job()
    {
        // Steps 1 and 2 of "Upload source media to Subclip": a 73,400,320-byte creator-video.mp4.
        var handler = new StorageHandler(CreatedUrl(SignedUrl, SubclipDocExamples.WorkedSourceObjectKey, worked: true));
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = new SubclipClient(http, TestClients.Options(new FakeTimeProvider()));
        var source = new GeneratedStream(SubclipDocExamples.WorkedFileSize);
        using var file = UploadFile.FromStream(source, "creator-video.mp4");
        var progress = new RecordingProgress<UploadProgress>();

        var key = await client.UploadSourceAsync(file, progress);

        Assert.That(handler.Calls, Has.Count.EqualTo(2));
        var create = handler.Calls[0];
        var put = handler.Calls[1];
        JsonText.AssertSameAs(create.JsonBody!, SubclipDocExamples.WorkedUploadRequest);
        Assert.Multiple(() =>
        {
            Assert.That(key, Is.EqualTo(SubclipDocExamples.WorkedSourceObjectKey));
            Assert.That(create.Authorization, Is.EqualTo("Bearer test-key"));
            Assert.That(put.Method, Is.EqualTo(HttpMethod.Put));
            Assert.That(put.Uri.AbsoluteUri, Is.EqualTo(SignedUrl));
            Assert.That(put.Authorization, Is.Null);
            Assert.That(put.ContentType, Is.EqualTo("video/mp4"), "curl -H \"Content-Type: video/mp4\"");
            Assert.That(put.ContentLength, Is.EqualTo(73400320L), "curl -H \"Content-Length: 73400320\"");
            Assert.That(put.BytesReceived, Is.EqualTo(73400320L), "every byte of the file arrived");
            Assert.That(put.PatternIntact, Is.True, "the bytes arrived in order and unchanged");
            Assert.That(source.Position, Is.EqualTo(73400320L));
            Assert.That(progress.Reports[^1], Is.EqualTo(new UploadProgress(73400320, 73400320)));
        });

        // Step 3: the key starts the job with the docs' body.
        var jobs = new StubHandler().Respond(HttpStatusCode.OK, SubclipDocExamples.JobResponse);
        using var jobClient = TestClients.Create(jobs, new FakeTimeProvider());
        await jobClient.CreateJobAsync(new CreateJobRequest
        {
            SourceObjectKey = key,
            SourceObjectName = "creator-video.mp4",
            SourceObjectMimeType = file.ContentType,
            Language = LanguageCode.En,
            Format = TranscriptFormat.Text,
        });
        JsonText.AssertSameAs(jobs.Requests.Single().BodyText, SubclipDocExamples.WorkedJobRequest);
    }

    [Test]
    public async Task UploadSource_sends_the_signed_url_exactly_as_given_so_its_signature_stays_valid()
    {
        const string signed = "https://my-bucket.s3.us-east-1.amazonaws.com/user_abc/social-transcripts-api/sources/abc123-clip.mp4"
            + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20260101%2Fus-east-1%2Fs3%2Faws4_request"
            + "&X-Amz-Date=20260101T000000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost"
            + "&X-Amz-Signature=0123456789abcdef";
        var handler = new StubHandler()
            .Respond(HttpStatusCode.OK, CreatedUrl(signed, SourceKey))
            .Respond(HttpStatusCode.OK, "");
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var file = UploadFile.FromStream(new MemoryStream(new byte[10]), "clip.mp4");

        await client.UploadSourceAsync(file);

        Assert.That(handler.Requests[1].Uri.AbsoluteUri, Is.EqualTo(signed));
    }

    [TestCase("talk.mp3", "audio/mpeg")]
    [TestCase("clip.mov", "video/quicktime")]
    [TestCase("clip.webm", "video/webm")]
    [TestCase("raw.bin", "application/octet-stream")]
    public async Task UploadSource_declares_and_sends_the_same_content_type(string fileName, string contentType)
    {
        var handler = new StubHandler()
            .Respond(HttpStatusCode.OK, CreatedUrl(SignedUrl, SourceKey))
            .Respond(HttpStatusCode.OK, "");
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var file = UploadFile.FromStream(new MemoryStream(new byte[7]), fileName);

        await client.UploadSourceAsync(file);

        var declared = JsonText.Parse(handler.Requests[0].BodyText);
        Assert.Multiple(() =>
        {
            Assert.That(declared.GetProperty("fileName").GetString(), Is.EqualTo(fileName));
            Assert.That(declared.GetProperty("contentType").GetString(), Is.EqualTo(contentType));
            Assert.That(declared.GetProperty("fileSize").GetInt64(), Is.EqualTo(7));
            Assert.That(handler.Requests[1].ContentType, Is.EqualTo(contentType));
        });
    }

    [Test]
    public async Task UploadSource_with_an_explicit_content_type_declares_and_sends_it()
    {
        var handler = new StubHandler()
            .Respond(HttpStatusCode.OK, CreatedUrl(SignedUrl, SourceKey))
            .Respond(HttpStatusCode.OK, "");
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var file = UploadFile.FromStream(new MemoryStream(new byte[3]), "recording", "audio/wav");

        await client.UploadSourceAsync(file);

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests[0].BodyText, Is.EqualTo("""{"fileName":"recording","contentType":"audio/wav","fileSize":3}"""));
            Assert.That(handler.Requests[1].ContentType, Is.EqualTo("audio/wav"));
        });
    }

    [Test]
    public async Task UploadSource_declares_and_sends_only_the_bytes_after_the_stream_position()
    {
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        var handler = new StubHandler()
            .Respond(HttpStatusCode.OK, CreatedUrl(SignedUrl, SourceKey))
            .Respond(HttpStatusCode.OK, "");
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var file = UploadFile.FromStream(new MemoryStream(bytes) { Position = 100 }, "clip.mp4");

        await client.UploadSourceAsync(file);

        Assert.Multiple(() =>
        {
            Assert.That(JsonText.Parse(handler.Requests[0].BodyText).GetProperty("fileSize").GetInt64(), Is.EqualTo(900));
            Assert.That(handler.Requests[1].Body, Is.EqualTo(bytes[100..]));
        });
    }

    [Test]
    public async Task UploadSource_from_a_path_sends_the_file_name_without_directories()
    {
        var path = Path.Combine(Path.GetTempPath(), $"subclip-{Guid.NewGuid():N}", "creator-video.mp4");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            await File.WriteAllBytesAsync(path, [1, 2, 3, 4, 5]);
            var handler = new StubHandler()
                .Respond(HttpStatusCode.OK, CreatedUrl(SignedUrl, SourceKey))
                .Respond(HttpStatusCode.OK, "");
            using var client = TestClients.Create(handler, new FakeTimeProvider());
            using (var file = UploadFile.FromPath(path))
            {
                await client.UploadSourceAsync(file);
            }

            Assert.Multiple(() =>
            {
                Assert.That(handler.Requests[0].BodyText, Is.EqualTo("""{"fileName":"creator-video.mp4","contentType":"video/mp4","fileSize":5}"""));
                Assert.That(handler.Requests[1].Body, Is.EqualTo(new byte[] { 1, 2, 3, 4, 5 }));
            });
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Test]
    public void UploadSource_of_2_GiB_plus_1_byte_is_refused_before_any_request()
    {
        var handler = new StubHandler();
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        var stream = new LengthOnlyStream(TwoGiB + 1);
        using var file = UploadFile.FromStream(stream, "huge.mp4");

        var error = Assert.ThrowsAsync<ArgumentException>(() => client.UploadSourceAsync(file));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("huge.mp4"));
            Assert.That(error.Message, Does.Contain("2,147,483,648"), "the message states the limit");
            Assert.That(handler.Requests, Is.Empty, "no upload URL is created for a file Subclip would refuse");
            Assert.That(stream.WasRead, Is.False);
        });
    }

    [Test]
    public async Task UploadSource_of_exactly_2_GiB_is_accepted_and_declared_with_its_full_size()
    {
        var handler = new StorageHandler(CreatedUrl(SignedUrl, SourceKey), readPutBody: false);
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = new SubclipClient(http, TestClients.Options(new FakeTimeProvider()));
        using var file = UploadFile.FromStream(new LengthOnlyStream(TwoGiB), "max.mp4");

        var key = await client.UploadSourceAsync(file);

        Assert.Multiple(() =>
        {
            Assert.That(key, Is.EqualTo(SourceKey));
            Assert.That(handler.Calls[0].JsonBody, Is.EqualTo("""{"fileName":"max.mp4","contentType":"video/mp4","fileSize":2147483648}"""));
            Assert.That(handler.Calls[1].Method, Is.EqualTo(HttpMethod.Put));
            Assert.That(handler.Calls[1].ContentLength, Is.EqualTo(TwoGiB));
        });
    }

    [Test]
    public void UploadSource_of_a_non_seekable_stream_is_refused_before_any_request()
    {
        var handler = new StubHandler();
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var file = UploadFile.FromStream(new ForwardOnlyStream(new MemoryStream(new byte[100])), "piped.mp4");

        var error = Assert.ThrowsAsync<ArgumentException>(() => client.UploadSourceAsync(file));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("size"));
            Assert.That(handler.Requests, Is.Empty, "the size must be declared, so nothing can be sent");
        });
    }

    [Test]
    public void UploadSource_with_a_null_file_is_refused()
    {
        var handler = new StubHandler();
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        Assert.ThrowsAsync<ArgumentNullException>(() => client.UploadSourceAsync(null!));
        Assert.That(handler.Requests, Is.Empty);
    }

    [Test]
    public void Storage_403_on_the_PUT_becomes_an_Authentication_error_without_the_key_or_the_signature()
    {
        const string s3Error = """<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message></Error>""";
        var handler = new StubHandler()
            .Respond(HttpStatusCode.OK, CreatedUrl(SignedUrl, SourceKey))
            .Respond(HttpStatusCode.Forbidden, s3Error, "application/xml");
        using var client = TestClients.Create(handler, new FakeTimeProvider(), new RetryOptions { MaxRetries = 3 });
        using var file = UploadFile.FromStream(new MemoryStream(new byte[64]), "clip.mp4");

        var error = Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() => client.UploadSourceAsync(file));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Vendor, Is.EqualTo("subclip"));
            Assert.That(error.Status, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(error.Message, Does.Contain("Subclip storage").And.Contain("403"));
            Assert.That(error.Message, Does.Not.Contain(TestClients.ApiKey));
            Assert.That(error.Message, Does.Not.Contain("X-Amz-Signature"), "the signed URL is a credential too");
            Assert.That(error.ToString(), Does.Not.Contain(TestClients.ApiKey));
            Assert.That(handler.Requests, Has.Count.EqualTo(2), "a 403 is not retried");
        });
    }

    [Test]
    public void Storage_403_with_an_S3_XML_error_keeps_its_reason_in_the_message()
    {
        const string s3Error = """<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>""";
        var handler = new StubHandler()
            .Respond(HttpStatusCode.OK, CreatedUrl(SignedUrl, SourceKey))
            .Respond(HttpStatusCode.Forbidden, s3Error, "application/xml");
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var file = UploadFile.FromStream(new MemoryStream(new byte[64]), "clip.mp4");

        var error = Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() => client.UploadSourceAsync(file));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Not.Contain("HTML").And.Not.Contain("proxy"), "S3 answered, not a proxy");
            Assert.That(error.Message, Does.Not.Contain("plan"), "an expired or mismatched signature is not a plan limit");
            Assert.That(error.Message, Does.Contain("Request has expired").Or.Contain("AccessDenied"));
        });
    }

    [Test]
    public void Create_401_stops_the_upload_before_any_PUT()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.Unauthorized, SubclipDocExamples.Unauthorized);
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        var stream = new LengthOnlyStream(1000);
        using var file = UploadFile.FromStream(stream, "clip.mp4");

        var error = Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() => client.UploadSourceAsync(file));

        Assert.Multiple(() =>
        {
            Assert.That(error!.VendorMessage, Is.EqualTo("Missing, invalid, or revoked API key"));
            Assert.That(error.Message, Does.Not.Contain(TestClients.ApiKey));
            Assert.That(handler.Requests.Single().Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(stream.WasRead, Is.False);
        });
    }

    [Test]
    public void Plain_http_upload_url_is_refused_and_nothing_is_PUT()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, CreatedUrl("http://storage.example.com/put?X-Amz-Signature=abc", SourceKey));
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var file = UploadFile.FromStream(new MemoryStream(new byte[10]), "clip.mp4");

        var error = Assert.CatchAsync<Exception>(() => client.UploadSourceAsync(file));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("https"));
            Assert.That(error.Message, Does.Not.Contain("X-Amz-Signature"));
            Assert.That(handler.Requests, Has.Count.EqualTo(1), "the file is never sent over plain http");
        });
    }

    [Test]
    public void Docs_placeholder_upload_url_is_not_usable_and_nothing_is_PUT()
    {
        // The reference shows "uploadUrl": "https://..." — a placeholder, not a URL a file could go to.
        var handler = new StubHandler()
            .Respond(HttpStatusCode.OK, SubclipDocExamples.UploadResponse)
            .Otherwise(_ => new HttpResponseMessage(HttpStatusCode.OK));
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var file = UploadFile.FromStream(new MemoryStream(new byte[10]), "source.mp4");

        var error = Assert.ThrowsAsync<TranscriptKitResponseException>(() => client.UploadSourceAsync(file));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Vendor, Is.EqualTo("subclip"));
            Assert.That(error.Message, Does.Contain("upload URL"));
            Assert.That(handler.Requests, Has.Count.EqualTo(1), "only the create-URL request was sent");
        });
    }

    [Test]
    public async Task Storage_503_on_the_PUT_is_retried_with_the_same_bytes_without_creating_a_second_url()
    {
        var time = new FakeTimeProvider();
        var bytes = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray();
        var handler = new StubHandler()
            .Respond(HttpStatusCode.OK, CreatedUrl(SignedUrl, SourceKey))
            .Respond(HttpStatusCode.ServiceUnavailable, "")
            .Respond(HttpStatusCode.OK, "");
        var retry = new RetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };
        using var client = TestClients.Create(handler, time, retry);
        using var file = UploadFile.FromStream(new MemoryStream(bytes), "clip.mp4");

        var upload = client.UploadSourceAsync(file);
        await Eventually.RequestsAsync(handler, 2);
        time.Advance(retry.MaxDelay);
        var key = await upload;

        Assert.Multiple(() =>
        {
            Assert.That(key, Is.EqualTo(SourceKey));
            Assert.That(handler.Requests.Select(r => r.Method), Is.EqualTo(new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Put }));
            Assert.That(handler.Requests[1].Body, Is.EqualTo(bytes));
            Assert.That(handler.Requests[2].Body, Is.EqualTo(bytes), "the stream is rewound before the second PUT");
            Assert.That(handler.Requests[2].Header("Authorization"), Is.Null);
        });
    }

    [Test]
    public async Task A_PUT_the_storage_never_takes_ends_with_a_typed_timeout_instead_of_hanging()
    {
        // Issue #10 item 5: this used to hang past any timeout. No byte moved for UploadIdleTimeout is a stall.
        var time = new FakeTimeProvider();
        var handler = new SlowStorageHandler(CreatedUrl(SignedUrl, SourceKey));
        var options = TestClients.Options(time);
        options.RequestTimeout = TimeSpan.FromSeconds(30);
        options.UploadIdleTimeout = TimeSpan.FromSeconds(60);
        options.Retry = new RetryOptions { MaxRetries = 0 };
        using var client = new SubclipClient(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }, options);
        using var file = UploadFile.FromStream(new MemoryStream(new byte[1000]), "clip.mp4");

        var upload = client.UploadSourceAsync(file);
        await Eventually.WaitUntilAsync(() => handler.PutStarted, "the PUT to start");
        time.Advance(TimeSpan.FromSeconds(61));
        await Eventually.WaitUntilAsync(() => upload.IsCompleted, "the idle timeout to end the upload");

        var error = Assert.CatchAsync<TranscriptKitTimeoutException>(() => upload)!;
        Assert.That(error.Message, Does.Contain("60 s"));
        Assert.That(handler.Puts, Is.EqualTo(1));
    }

    [Test]
    public async Task A_PUT_stops_at_once_when_cancelled()
    {
        var time = new FakeTimeProvider();
        var handler = new SlowStorageHandler(CreatedUrl(SignedUrl, SourceKey));
        using var client = new SubclipClient(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }, TestClients.Options(time));
        using var file = UploadFile.FromStream(new MemoryStream(new byte[1000]), "clip.mp4");
        using var cts = new CancellationTokenSource();

        var upload = client.UploadSourceAsync(file, cancellationToken: cts.Token);
        await Eventually.WaitUntilAsync(() => handler.PutStarted, "the PUT to start");
        cts.Cancel();
        await Eventually.WaitUntilAsync(() => upload.IsCompleted, "the upload to stop");

        Assert.CatchAsync<OperationCanceledException>(() => upload);
        Assert.That(handler.Puts, Is.EqualTo(1));
    }

    [Test]
    public void Cancelled_before_starting_sends_no_request()
    {
        var handler = new StubHandler();
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var file = UploadFile.FromStream(new MemoryStream(new byte[10]), "clip.mp4");
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.CatchAsync<OperationCanceledException>(() => client.UploadSourceAsync(file, cancellationToken: cts.Token));
        Assert.That(handler.Requests, Is.Empty);
    }

    private static string CreatedUrl(string uploadUrl, string key, bool worked = false) => worked
        ? $$"""
            {
            "uploadUrl": "{{uploadUrl}}",
            "method": "PUT",
            "sourceObjectKey": "{{key}}",
            "sourceObjectName": "creator-video.mp4",
            "sourceObjectMimeType": "video/mp4",
            "expiresIn": 900
            }
            """
        : $$"""{"uploadUrl": "{{uploadUrl}}", "method": "PUT", "sourceObjectKey": "{{key}}", "expiresIn": 900}""";

    /// <summary>One request as <see cref="StorageHandler"/> saw it.</summary>
    private sealed record Call(HttpMethod Method, Uri Uri, string? Authorization, string? ContentType, long? ContentLength, string? JsonBody, long BytesReceived, bool PatternIntact);

    /// <summary>
    /// Answers the create-URL POST with a fixed body and streams a PUT's bytes through a checker (no buffering), or
    /// leaves them unread, so multi-megabyte and 2 GiB uploads need no memory.
    /// </summary>
    private sealed class StorageHandler(string createResponse, bool readPutBody = true) : HttpMessageHandler
    {
        public List<Call> Calls { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var authorization = request.Headers.Authorization?.ToString();
            var contentType = request.Content?.Headers.ContentType?.ToString();
            var contentLength = request.Content?.Headers.ContentLength;
            if (request.Method == HttpMethod.Put)
            {
                long received = 0;
                var intact = true;
                if (readPutBody)
                {
                    var checker = new PatternCheckingStream();
                    await request.Content!.CopyToAsync(checker, cancellationToken);
                    received = checker.Count;
                    intact = checker.Intact;
                }

                Calls.Add(new Call(request.Method, request.RequestUri!, authorization, contentType, contentLength, null, received, intact));
                return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request };
            }

            var json = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            Calls.Add(new Call(request.Method, request.RequestUri!, authorization, contentType, contentLength, json, 0, true));
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(createResponse, Encoding.UTF8, "application/json"),
                RequestMessage = request,
            };
        }
    }

    /// <summary>Answers the create-URL POST, then holds every PUT open until it is cancelled.</summary>
    private sealed class SlowStorageHandler(string createResponse) : HttpMessageHandler
    {
        private int _puts;

        public int Puts => Volatile.Read(ref _puts);

        public bool PutStarted => Puts > 0;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method != HttpMethod.Put)
            {
                return new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent(createResponse, Encoding.UTF8, "application/json"),
                    RequestMessage = request,
                };
            }

            Interlocked.Increment(ref _puts);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    /// <summary>Checks written bytes against <see cref="GeneratedStream"/>'s pattern and counts them; keeps nothing.</summary>
    private sealed class PatternCheckingStream : Stream
    {
        public long Count { get; private set; }

        public bool Intact { get; private set; } = true;

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
            for (var i = 0; i < buffer.Length && Intact; i++)
            {
                Intact = buffer[i] == GeneratedStream.At(Count + i);
            }

            Count += buffer.Length;
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
}
