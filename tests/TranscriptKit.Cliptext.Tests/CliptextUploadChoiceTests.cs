using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace TranscriptKit.Cliptext.Tests;

/// <summary>
/// CliptextTranscriber's choice between the documented multipart POST /transcriptions and the presigned flow: by the
/// file's length against max-direct-upload-bytes (spec) or CliptextTranscriberOptions; the paid create sent once.
/// </summary>
[TestFixture]
public sealed class CliptextUploadChoiceTests
{
    private const long Limit = 1_000;

    [Test]
    public void The_spec_states_the_direct_upload_limit_and_marks_it_inferred()
    {
        Assert.That(CliptextVendor.Definition.Limits.MaxDirectUploadBytes, Is.EqualTo(25L * 1024 * 1024));
        Assert.That(new CliptextTranscriber(new CliptextClient(TestClients.Options(new FakeTimeProvider()))).DirectUploadLimit, Is.EqualTo(25L * 1024 * 1024));
    }

    [TestCase(Limit - 1, true)]
    [TestCase(Limit, true)]
    [TestCase(Limit + 1, false)]
    public void A_file_at_the_limit_goes_in_one_request_and_one_byte_more_takes_the_presigned_flow(long length, bool direct)
    {
        var transcriber = Transcriber(new Handler(), Limit);
        Assert.That(transcriber.SendsDirectly(length), Is.EqualTo(direct));
    }

    [Test]
    public void A_file_whose_length_is_unknown_takes_the_presigned_flow() =>
        Assert.That(Transcriber(new Handler(), long.MaxValue).SendsDirectly(null), Is.False);

    [Test]
    [CancelAfter(20_000)]
    public async Task A_file_at_the_limit_is_sent_as_multipart_part_file_without_the_presigned_flow(CancellationToken cancellationToken)
    {
        var handler = new Handler();
        var job = await Transcriber(handler, Limit).StartAsync(TranscriptionRequest.FromStream(new MemoryStream(new byte[Limit]), "talk.mp3") with { Language = "en" }, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests, Is.EqualTo(new[] { "POST /v1/transcriptions multipart/form-data" }));
            Assert.That(handler.Bodies[0], Does.Contain("name=\"file\"; filename=\"talk.mp3\"").And.Contain("name=\"language\"").And.Contain("\r\nen\r\n"));
            Assert.That(job.Id, Is.EqualTo("txn_1"));
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task A_file_one_byte_over_the_limit_takes_presigned_PUT_complete_then_the_JSON_create(CancellationToken cancellationToken)
    {
        var handler = new Handler();
        await Transcriber(handler, Limit).StartAsync(TranscriptionRequest.FromStream(new MemoryStream(new byte[Limit + 1]), "talk.mp3"), cancellationToken);

        Assert.That(handler.Requests, Is.EqualTo(new[]
        {
            "POST /v1/uploads/presigned application/json",
            "PUT /storage/upl_1 audio/mpeg",
            "POST /v1/uploads/complete application/json",
            "POST /v1/transcriptions application/json",
        }));
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task The_option_0_sends_even_a_small_file_through_the_presigned_flow(CancellationToken cancellationToken)
    {
        var handler = new Handler();
        await Transcriber(handler, 0).StartAsync(TranscriptionRequest.FromStream(new MemoryStream(new byte[10]), "talk.mp3"), cancellationToken);
        Assert.That(handler.Requests[0], Is.EqualTo("POST /v1/uploads/presigned application/json"));
    }

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    [CancelAfter(20_000)]
    public void A_multipart_create_answered_5xx_is_sent_once_and_reported_as_unknown(HttpStatusCode status, CancellationToken cancellationToken)
    {
        // Default retries are on: the create's descriptor, not the test, keeps the paid job from a second send.
        var handler = new Handler { CreateStatus = status };
        var transcriber = new CliptextTranscriber(new CliptextClient(new HttpClient(handler), new CliptextClientOptions { ApiKey = "k", Endpoint = TestClients.Endpoint, TimeProvider = new FakeTimeProvider() }), cliptextOptions: new CliptextTranscriberOptions { MaxDirectUploadBytes = Limit });

        Assert.That(async () => await transcriber.StartAsync(TranscriptionRequest.FromStream(new MemoryStream(new byte[10]), "talk.mp3"), cancellationToken), Throws.InstanceOf<TranscriptKitException>());
        Assert.That(handler.Requests, Is.EqualTo(new[] { "POST /v1/transcriptions multipart/form-data" }));
    }

    private static CliptextTranscriber Transcriber(Handler handler, long limit) =>
        new(TestClients.Create(handler, new FakeTimeProvider(), TestClients.NoRetries), cliptextOptions: new CliptextTranscriberOptions { MaxDirectUploadBytes = limit });

    /// <summary>Cliptext's answers for both flows; records "METHOD path media-type" and the body text.</summary>
    private sealed class Handler : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];

        public List<string> Bodies { get; } = [];

        public HttpStatusCode CreateStatus { get; init; } = HttpStatusCode.Created;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            Requests.Add($"{request.Method} {path} {request.Content?.Headers.ContentType?.MediaType}");
            Bodies.Add(request.Content is null ? string.Empty : Encoding.Latin1.GetString(await request.Content.ReadAsByteArrayAsync(cancellationToken)));
            var (status, body) = path switch
            {
                "/v1/uploads/presigned" => (HttpStatusCode.OK, """{"upload_id":"upl_1","upload_url":"https://storage.example.com/storage/upl_1","expires_in":900}"""),
                "/storage/upl_1" => (HttpStatusCode.OK, string.Empty),
                "/v1/uploads/complete" => (HttpStatusCode.OK, """{"upload_id":"upl_1","status":"completed"}"""),
                "/v1/transcriptions" when CreateStatus != HttpStatusCode.Created => (CreateStatus, """{"error":{"code":"INTERNAL_ERROR","message":"boom"}}"""),
                "/v1/transcriptions" => (HttpStatusCode.Created, """{"id":"txn_1","status":"queued","created_at":"2026-01-15T10:30:00Z"}"""),
                _ => (HttpStatusCode.NotFound, """{"error":{"code":"NOT_FOUND","message":"no"}}"""),
            };
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
    }
}
