using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Testing.Tests;

public sealed class RecordingHandlerTests
{
    private const string UploadUrl =
        "https://media.s3.amazonaws.com/in/talk.mp4?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20260301%2Fus-east-1&X-Amz-Date=20260301T000000Z&X-Amz-Signature=5a1e2b3c4d&X-Amz-Security-Token=FwoGZXIvYXdz";

    private const string UploadResponse = """
        {
          "id": "up_1",
          "uploadUrl": "https:\/\/media.s3.amazonaws.com\/in\/talk.mp4?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20260301%2Fus-east-1&X-Amz-Date=20260301T000000Z&X-Amz-Signature=5a1e2b3c4d&X-Amz-Security-Token=FwoGZXIvYXdz",
          "session": { "accessToken": "at-secret-9", "expires": 3600 },
          "note": "kept as it is",
        }
        """;

    [Test]
    public async Task Records_the_exchange_and_the_client_still_gets_everything()
    {
        var stub = new StubHandler().Respond(HttpStatusCode.Created, UploadResponse, configure: r => r.Headers.Add("X-Request-Id", "req-42"));
        using var recorder = new RecordingHandler(stub, "captioncat", "create-upload");
        using var http = new HttpClient(recorder);
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.captioncat.test/v1/uploads?lang=en")
        {
            Content = new StringContent("""{"name":"talk.mp4"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("test", "1.0"));
        request.Options.Set(RecordingHandler.OperationKey, "createUpload");

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(UploadResponse), "the client gets the body unredacted");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(stub.Requests[0].BodyText, Is.EqualTo("""{"name":"talk.mp4"}"""), "the vendor still gets the request body");

        var interaction = recorder.Cassette.Interactions[0];
        Assert.That(interaction.Operation, Is.EqualTo("createUpload"));
        Assert.That(interaction.Request.Method, Is.EqualTo("POST"));
        Assert.That(interaction.Request.Path, Is.EqualTo("/v1/uploads?lang=en"));
        Assert.That(interaction.Request.Headers.Keys, Is.EquivalentTo(new[] { "Accept", "Content-Type" }), "User-Agent is not recorded by default");
        Assert.That(interaction.Request.Headers["Content-Type"], Is.EqualTo("application/json; charset=utf-8"));
        Assert.That(interaction.Request.Body, Is.EqualTo("""{"name":"talk.mp4"}"""));
        Assert.That(interaction.Request.BodyMatch, Is.EqualTo(BodyMatch.Json));
        Assert.That(interaction.Response.Status, Is.EqualTo(201));
        Assert.That(interaction.Response.Headers["X-Request-Id"], Is.EqualTo("req-42"));
        Assert.That(interaction.Response.Headers.ContainsKey("Content-Length"), Is.False, "replay computes it from the body");
    }

    [Test]
    public async Task Redacts_credentials_but_keeps_the_authorization_scheme()
    {
        var stub = new StubHandler().Respond(HttpStatusCode.OK, "{}", configure: r => r.Headers.Add("Set-Cookie", "session=s3cr3t; Path=/"));
        var options = new RecordingOptions();
        options.RecordRequestHeaders.Add("Cookie");
        options.RecordRequestHeaders.Add("X-Tenant-Token");
        options.RedactHeaders.Add("X-Tenant-Token");
        using var recorder = new RecordingHandler(stub, "transcriptgenerate", "keys", options);
        using var http = new HttpClient(recorder);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.tg.test/v1/tasks");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-live-bearer-1");
        request.Headers.Add("X-API-Key", "key-live-2");
        request.Headers.Add("X-API-Secret", "secret-live-3");
        request.Headers.Add("Cookie", "session=cookie-live-4");
        request.Headers.Add("X-Tenant-Token", "tenant-live-5");

        (await http.SendAsync(request)).Dispose();

        var recorded = recorder.Cassette.Interactions[0];
        Assert.That(recorded.Request.Headers["Authorization"], Is.EqualTo("Bearer [REDACTED]"));
        Assert.That(recorded.Request.Headers["X-API-Key"], Is.EqualTo("[REDACTED]"));
        Assert.That(recorded.Request.Headers["X-API-Secret"], Is.EqualTo("[REDACTED]"));
        Assert.That(recorded.Request.Headers["Cookie"], Is.EqualTo("[REDACTED]"));
        Assert.That(recorded.Request.Headers["X-Tenant-Token"], Is.EqualTo("[REDACTED]"));
        Assert.That(recorded.Response.Headers["Set-Cookie"], Is.EqualTo("[REDACTED]"));
        Assert.That(recorder.Cassette.ToJson(), Does.Not.Contain("live").And.Not.Contain("s3cr3t"));
        Assert.That(stub.Requests[0].Header("X-API-Key"), Is.EqualTo("key-live-2"), "the vendor still gets the key");
    }

    [Test]
    public async Task Redacts_signed_url_signatures_in_the_path_and_in_json_strings()
    {
        var stub = new StubHandler().Respond(HttpStatusCode.OK, UploadResponse).Otherwise(_ => new HttpResponseMessage(HttpStatusCode.OK));
        using var recorder = new RecordingHandler(stub, "subclip", "signed-upload");
        using var http = new HttpClient(recorder);

        (await http.PostAsync("https://api.subclip.test/api/upload-url", content: null)).Dispose();
        (await http.PutAsync(UploadUrl, new StreamContent(new MemoryStream(new byte[10])) { Headers = { ContentType = new("video/mp4") } })).Dispose();
        (await http.GetAsync("https://cdn.test/out.srt?sv=2024&se=2026-03-01&sig=azure-sig%3D&Signature=cf-sig&token=t0k")).Dispose();

        var body = recorder.Cassette.Interactions[0].Response.Body;
        Assert.That(body, Is.EqualTo(UploadResponse.Replace(
            "\"https:\\/\\/media.s3.amazonaws.com\\/in\\/talk.mp4?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20260301%2Fus-east-1&X-Amz-Date=20260301T000000Z&X-Amz-Signature=5a1e2b3c4d&X-Amz-Security-Token=FwoGZXIvYXdz\"",
            "\"https://media.s3.amazonaws.com/in/talk.mp4?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=[REDACTED]&X-Amz-Date=20260301T000000Z&X-Amz-Signature=[REDACTED]&X-Amz-Security-Token=[REDACTED]\"",
            StringComparison.Ordinal)), "only the URL string is rewritten; the trailing comma and the rest stay");
        Assert.That(
            recorder.Cassette.Interactions[1].Request.Path,
            Is.EqualTo("/in/talk.mp4?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=[REDACTED]&X-Amz-Date=20260301T000000Z&X-Amz-Signature=[REDACTED]&X-Amz-Security-Token=[REDACTED]"));
        Assert.That(recorder.Cassette.Interactions[2].Request.Path, Is.EqualTo("/out.srt?sv=2024&se=[REDACTED]&sig=[REDACTED]&Signature=[REDACTED]&token=[REDACTED]"));
        Assert.That(recorder.Cassette.Interactions[2].Response.Body, Is.Null, "an empty body is recorded as null");
        Assert.That(recorder.Cassette.ToJson(), Does.Not.Contain("5a1e2b3c4d").And.Not.Contain("AKIAEXAMPLE").And.Not.Contain("azure-sig"));
    }

    [Test]
    public async Task Redacts_the_json_fields_the_user_names_in_requests_and_responses()
    {
        var stub = new StubHandler().Respond(HttpStatusCode.OK, UploadResponse);
        var options = new RecordingOptions();
        options.RedactJsonFields.Add("accessToken");
        options.RedactJsonFields.Add("webhook");
        using var recorder = new RecordingHandler(stub, "cliptext", "fields", options);
        using var http = new HttpClient(recorder);
        const string sent = """{ "name": "talk", "webhook": { "url": "https://hooks.test/x", "secret": "whsec_1", "retries": 3 } }""";

        (await http.PostAsync("https://api.cliptext.test/v1/files", new StringContent(sent, Encoding.UTF8, "application/json"))).Dispose();

        var interaction = recorder.Cassette.Interactions[0];
        Assert.That(interaction.Request.Body, Is.EqualTo("""{ "name": "talk", "webhook": { "url": "[REDACTED]", "secret": "[REDACTED]", "retries": 3 } }"""));
        Assert.That(interaction.Response.Body, Does.Contain("""
            "session": { "accessToken": "[REDACTED]", "expires": 3600 },
            """));
        Assert.That(stub.Requests[0].BodyText, Is.EqualTo(sent));
    }

    [Test]
    public async Task Leaves_bodies_that_are_not_json_as_they_are()
    {
        const string srt = "1\n00:00:00,000 --> 00:00:01,000\naccessToken https://x.test/a?sig=abc\n";
        var stub = new StubHandler().Respond(HttpStatusCode.OK, srt, "text/plain");
        var options = new RecordingOptions();
        options.RedactJsonFields.Add("accessToken");
        using var recorder = new RecordingHandler(stub, "captioncat", "srt", options);
        using var http = new HttpClient(recorder);

        (await http.PostAsync("https://api.test/v1/srt", new FormUrlEncodedContent([new("id", "1"), new("lang", "en")]))).Dispose();

        var interaction = recorder.Cassette.Interactions[0];
        Assert.That(interaction.Response.Body, Is.EqualTo(srt));
        Assert.That(interaction.Request.Body, Is.EqualTo("id=1&lang=en"));
        Assert.That(interaction.Request.BodyMatch, Is.EqualTo(BodyMatch.Form));
    }

    [Test]
    public async Task Records_a_multipart_upload_without_its_body_or_boundary()
    {
        var stub = new StubHandler().Respond(HttpStatusCode.OK, """{"id":"v1"}""");
        using var recorder = new RecordingHandler(stub, "captioncat", "upload-video");
        using var http = new HttpClient(recorder);
        using var form = new MultipartFormDataContent { { new StreamContent(new MemoryStream(new byte[100])), "file", "talk.mp4" } };

        (await http.PostAsync("https://api.test/v1/upload", form)).Dispose();

        var request = recorder.Cassette.Interactions[0].Request;
        Assert.That(request.Body, Is.Null);
        Assert.That(request.BodyMatch, Is.EqualTo(BodyMatch.Ignore));
        Assert.That(request.Headers["Content-Type"], Is.EqualTo("multipart/form-data"));
        Assert.That(stub.Requests[0].Body, Has.Length.GreaterThan(100), "the vendor still gets the whole upload");
    }

    [Test]
    public async Task Streams_a_256_MiB_upload_through_without_buffering_it()
    {
        const long size = 256L * 1024 * 1024;
        var drain = new DrainingHandler();
        using var recorder = new RecordingHandler(drain, "cliptext", "put-upload");
        using var http = new HttpClient(recorder);
        using var content = new StreamContent(new GeneratedStream(size), 81920);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var baseline = GC.GetTotalMemory(forceFullCollection: true);

        (await http.PutAsync("https://storage.test/in/big.bin?X-Amz-Signature=abc", content)).Dispose();

        Assert.That(drain.BytesRead, Is.EqualTo(size));
        Assert.That(drain.Samples, Is.GreaterThan(8));
        Assert.That(drain.PeakMemory - baseline, Is.LessThan(32L * 1024 * 1024), "managed memory above the baseline while the upload drained");
        var recorded = recorder.Cassette.Interactions[0].Request;
        Assert.That(recorded.Body, Is.Null);
        Assert.That(recorded.BodyMatch, Is.EqualTo(BodyMatch.Ignore));
        Assert.That(recorded.Headers["Content-Type"], Is.EqualTo("application/octet-stream"));
    }

    [Test]
    public async Task SaveAsync_writes_a_cassette_that_loads_back()
    {
        var stub = new StubHandler().Respond(HttpStatusCode.OK, """{"status":"success","balance":6012}""");
        using var recorder = new RecordingHandler(stub, "captioncat", "get-balance");
        recorder.Cassette.Source = "recorded";
        using var http = new HttpClient(recorder);
        (await http.GetAsync("https://api.captioncat.test/v1/balance")).Dispose();
        var path = Path.Combine(Path.GetTempPath(), "tk-recorder-" + Path.GetRandomFileName(), "get-balance.json");

        try
        {
            await recorder.SaveAsync(path);

            Assert.That(File.ReadAllText(path), Is.EqualTo(recorder.Cassette.ToJson()));
            Assert.That(Cassette.Load(path).Interactions[0].Response.Body, Is.EqualTo("""{"status":"success","balance":6012}"""));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    /// <summary>A vendor that reads the upload in chunks, sampling live managed memory as it goes.</summary>
    private sealed class DrainingHandler : HttpMessageHandler
    {
        private const long SampleEvery = 16L * 1024 * 1024;

        public long BytesRead { get; private set; }

        public long PeakMemory { get; private set; }

        public int Samples { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await using var body = await request.Content!.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[81920];
            var nextSample = SampleEvery;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                BytesRead += read;
                if (BytesRead >= nextSample)
                {
                    // A full collection leaves only live memory, so garbage from earlier chunks cannot look like buffering.
                    PeakMemory = Math.Max(PeakMemory, GC.GetTotalMemory(forceFullCollection: true));
                    Samples++;
                    nextSample += SampleEvery;
                }
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        }
    }

    /// <summary>A read-only stream of a given length whose bytes are made up on the fly.</summary>
    private sealed class GeneratedStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = (int)Math.Min(buffer.Length, length - _position);
            for (var i = 0; i < count; i++)
            {
                buffer[i] = (byte)(_position + i);
            }

            _position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
