using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.CaptionCat.Tests;

/// <summary>Each operation against the in-memory transport: the request it sends and how it reads the docs' example answer.</summary>
[TestFixture]
public sealed class CaptionCatClientOperationTests
{
    private const string Id = CaptionCatDocExamples.VideoId;

    private StubHandler _handler = null!;
    private CaptionCatClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _handler = new StubHandler();
        _client = TestClients.Create(_handler, new FakeTimeProvider());
    }

    [TearDown]
    public void TearDown() => _client.Dispose();

    [Test]
    public async Task GetBalance_sends_bearer_GET_and_parses_doc_example()
    {
        _handler.Respond(HttpStatusCode.OK, CaptionCatDocExamples.Balance);

        var balance = await _client.GetBalanceAsync();

        var request = _handler.Requests.Single();
        AssertRequest(request, HttpMethod.Get, "https://api.captioncat.net/v1/balance");
        Assert.That(request.Body, Is.Null, "a GET carries no body");
        Assert.Multiple(() =>
        {
            Assert.That(balance.Status, Is.EqualTo(ResultStatus.Success));
            Assert.That(balance.Balance, Is.EqualTo(6012));
        });
    }

    [Test]
    public async Task GetBalanceHistory_sends_bearer_GET_and_parses_every_transaction_of_doc_example()
    {
        _handler.Respond(HttpStatusCode.OK, CaptionCatDocExamples.BalanceHistory);

        var history = await _client.GetBalanceHistoryAsync();

        AssertRequest(_handler.Requests.Single(), HttpMethod.Get, "https://api.captioncat.net/v1/balance/history");
        Assert.That(history.Status, Is.EqualTo(ResultStatus.Success));
        Assert.That(history.BalanceHistory, Has.Count.EqualTo(3));
        Assert.Multiple(() =>
        {
            Assert.That(history.BalanceHistory[0], Is.EqualTo(new BalanceTransaction
            {
                Id = 1,
                Transaction = 2400,
                Balance = 2400,
                Description = "Deposit 2400 credits",
                DateTime = "2026-03-07 10:04:58 CET",
            }));
            Assert.That(history.BalanceHistory[1], Is.EqualTo(new BalanceTransaction
            {
                Id = 2,
                Transaction = -59,
                Balance = 2341,
                Description = "Transcribe Video",
                DateTime = "2026-03-07 10:22:15 CET",
            }));
            Assert.That(history.BalanceHistory[2], Is.EqualTo(new BalanceTransaction
            {
                Id = 3,
                Transaction = -59,
                Balance = 2282,
                Description = "Render Video",
                DateTime = "2026-03-07 10:34:23 CET",
            }));
        });
    }

    [Test]
    public async Task UploadVideo_sends_multipart_video_part_with_file_name_and_bytes_and_parses_doc_example_with_trailing_comma()
    {
        _handler.Respond(HttpStatusCode.OK, CaptionCatDocExamples.Upload);
        var bytes = Enumerable.Range(0, 3000).Select(i => (byte)(i * 7)).ToArray();
        using var file = UploadFile.FromStream(new MemoryStream(bytes), "video.mp4");

        var result = await _client.UploadVideoAsync(file);

        var request = _handler.Requests.Single();
        AssertRequest(request, HttpMethod.Post, "https://api.captioncat.net/v1/upload");
        Assert.That(request.ContentType, Does.StartWith("multipart/form-data"));
        var part = Multipart.Parse(request.ContentType!, request.Body!).Single();
        Assert.Multiple(() =>
        {
            Assert.That(part.Header("Content-Disposition"), Does.StartWith("form-data"));
            Assert.That(Multipart.DispositionParameter(part, "name"), Is.EqualTo("video"));
            Assert.That(Multipart.DispositionParameter(part, "filename"), Is.EqualTo("video.mp4"));
            Assert.That(part.Header("Content-Type"), Is.EqualTo("video/mp4"));
            Assert.That(part.Content, Is.EqualTo(bytes), "the part carries the file's bytes unchanged");
            Assert.That(result.Status, Is.EqualTo(ResultStatus.Success));
            Assert.That(result.Id, Is.EqualTo("cb6dc793fa1ceadb55744ba0a7b0af56"));
        });
    }

    [Test]
    public async Task StartTranscription_sends_bearer_POST_without_body_to_transcribe_id_and_parses_doc_example()
    {
        _handler.Respond(HttpStatusCode.OK, CaptionCatDocExamples.StatusSuccess);

        var result = await _client.StartTranscriptionAsync(Id);

        var request = _handler.Requests.Single();
        AssertRequest(request, HttpMethod.Post, "https://api.captioncat.net/v1/transcribe/cb6dc793fa1ceadb55744ba0a7b0af56");
        Assert.That(request.Body, Is.Null.Or.Empty, "the POST has no request body");
        Assert.That(result.Status, Is.EqualTo(ResultStatus.Success));
    }

    [Test]
    public async Task GetTranscriptionStatus_sends_bearer_GET_to_poll_path_and_parses_doc_example_with_trailing_comma()
    {
        _handler.Respond(HttpStatusCode.OK, CaptionCatDocExamples.TranscriptionFinished);

        var status = await _client.GetTranscriptionStatusAsync(Id);

        AssertRequest(_handler.Requests.Single(), HttpMethod.Get, "https://api.captioncat.net/v1/transcribe/cb6dc793fa1ceadb55744ba0a7b0af56/poll");
        Assert.Multiple(() =>
        {
            Assert.That(status.Status, Is.EqualTo(ResultStatus.Success));
            Assert.That(status.Transcription, Is.EqualTo("finished"));
        });
    }

    [Test]
    public async Task GetSrt_sends_bearer_GET_and_unescapes_the_srt_document_of_doc_example()
    {
        _handler.Respond(HttpStatusCode.OK, CaptionCatDocExamples.Srt);

        var srt = await _client.GetSrtAsync(Id);

        AssertRequest(_handler.Requests.Single(), HttpMethod.Get, "https://api.captioncat.net/v1/transcript/cb6dc793fa1ceadb55744ba0a7b0af56/srt");
        Assert.Multiple(() =>
        {
            Assert.That(srt.Status, Is.EqualTo(ResultStatus.Success));
            Assert.That(srt.Srt, Is.EqualTo("1\n00:00:01,000 --> 00:00:12,720\nWelcome to Caption Cat!\n\n"));
        });
    }

    [Test]
    public async Task GetText_sends_bearer_GET_and_parses_doc_example()
    {
        _handler.Respond(HttpStatusCode.OK, CaptionCatDocExamples.Text);

        var text = await _client.GetTextAsync(Id);

        AssertRequest(_handler.Requests.Single(), HttpMethod.Get, "https://api.captioncat.net/v1/transcript/cb6dc793fa1ceadb55744ba0a7b0af56/text");
        Assert.Multiple(() =>
        {
            Assert.That(text.Status, Is.EqualTo(ResultStatus.Success));
            Assert.That(text.Text, Is.EqualTo("Welcome to Caption Cat!"));
        });
    }

    [Test]
    public async Task UpdateSrt_sends_bearer_PATCH_with_form_url_encoded_srt_field_and_parses_doc_example()
    {
        _handler.Respond(HttpStatusCode.OK, CaptionCatDocExamples.StatusSuccess);

        var result = await _client.UpdateSrtAsync(Id, CaptionCatDocExamples.SrtDocument);

        var request = _handler.Requests.Single();
        AssertRequest(request, HttpMethod.Patch, "https://api.captioncat.net/v1/transcript/cb6dc793fa1ceadb55744ba0a7b0af56/srt");
        Assert.That(request.ContentType, Does.StartWith("application/x-www-form-urlencoded"));
        var body = request.BodyText;
        Assert.Multiple(() =>
        {
            Assert.That(body, Does.StartWith("srt="));
            Assert.That(body, Does.Not.Contain("&"), "srt is the only field");
            Assert.That(body, Does.Not.Contain("\n"), "line breaks are percent-encoded");
            Assert.That(WebUtility.UrlDecode(body["srt=".Length..]), Is.EqualTo(CaptionCatDocExamples.SrtDocument));
            Assert.That(result.Status, Is.EqualTo(ResultStatus.Success));
        });
    }

    [Test]
    public async Task StartRender_sends_bearer_POST_without_body_to_render_id_and_parses_doc_example()
    {
        _handler.Respond(HttpStatusCode.OK, CaptionCatDocExamples.StatusSuccess);

        var result = await _client.StartRenderAsync(Id);

        var request = _handler.Requests.Single();
        AssertRequest(request, HttpMethod.Post, "https://api.captioncat.net/v1/render/cb6dc793fa1ceadb55744ba0a7b0af56");
        Assert.That(request.Body, Is.Null.Or.Empty, "the POST has no request body");
        Assert.That(result.Status, Is.EqualTo(ResultStatus.Success));
    }

    [Test]
    public async Task GetRenderProgress_sends_bearer_GET_to_poll_path_and_parses_doc_example()
    {
        _handler.Respond(HttpStatusCode.OK, CaptionCatDocExamples.RenderProgress75);

        var progress = await _client.GetRenderProgressAsync(Id);

        AssertRequest(_handler.Requests.Single(), HttpMethod.Get, "https://api.captioncat.net/v1/render/cb6dc793fa1ceadb55744ba0a7b0af56/poll");
        Assert.Multiple(() =>
        {
            Assert.That(progress.Status, Is.EqualTo(ResultStatus.Success));
            Assert.That(progress.Progress, Is.EqualTo(75));
        });
    }

    [Test]
    public async Task Path_id_is_percent_encoded_so_it_cannot_change_the_path()
    {
        _handler.Respond(HttpStatusCode.OK, CaptionCatDocExamples.Text);

        await _client.GetTextAsync("a/b c?d");

        var uri = _handler.Requests.Single().Uri;
        Assert.Multiple(() =>
        {
            Assert.That(uri.AbsoluteUri, Is.EqualTo("https://api.captioncat.net/v1/transcript/a%2Fb%20c%3Fd/text"));
            Assert.That(uri.Query, Is.Empty);
        });
    }

    [Test]
    public void Operations_taking_an_id_reject_a_blank_one_before_sending()
    {
        Assert.Multiple(() =>
        {
            Assert.ThrowsAsync<ArgumentException>(() => _client.StartTranscriptionAsync(" "));
            Assert.ThrowsAsync<ArgumentNullException>(() => _client.GetSrtAsync(null!));
            Assert.ThrowsAsync<ArgumentNullException>(() => _client.UpdateSrtAsync(Id, null!));
        });
        Assert.That(_handler.Requests, Is.Empty);
    }

    private static void AssertRequest(RecordedRequest request, HttpMethod method, string url)
    {
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo(method));
            Assert.That(request.Uri.AbsoluteUri, Is.EqualTo(url));
            Assert.That(request.Header("Authorization"), Is.EqualTo("Bearer test-key"));
        });
    }
}
