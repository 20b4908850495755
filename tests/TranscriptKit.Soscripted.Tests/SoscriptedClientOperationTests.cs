using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Soscripted.Tests;

/// <summary>TranscribeAsync (the blocking JSON mode) against the in-memory transport: the request it sends and how it reads the answer.</summary>
[TestFixture]
public sealed class SoscriptedClientOperationTests
{
    private StubHandler _handler = null!;
    private SoscriptedClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _handler = new StubHandler();
        _client = TestClients.Create(_handler, new FakeTimeProvider());
    }

    [TearDown]
    public void TearDown() => _client.Dispose();

    [Test]
    public async Task Transcribe_sends_bearer_POST_to_api_public_transcribe_with_the_doc_example_body()
    {
        _handler.Respond(HttpStatusCode.OK, SoscriptedDocExamples.SuccessResponse);

        await _client.TranscribeAsync(TestClients.DocRequest);

        var request = _handler.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(request.Uri.AbsoluteUri, Is.EqualTo("https://soscripted.com/api/public/transcribe"));
            Assert.That(request.Uri.AbsolutePath, Is.EqualTo("/api/public/transcribe"), "the docs' request line: POST /api/public/transcribe");
            Assert.That(request.Uri.Host, Is.EqualTo("soscripted.com"), "the docs' Host header");
            Assert.That(request.Uri.Query, Is.Empty);
            Assert.That("Authorization: " + request.Header("Authorization"), Is.EqualTo(SoscriptedDocExamples.AuthorizationHeader));
            Assert.That(request.ContentType, Does.StartWith("application/json"));
            Assert.That(request.Header("Accept"), Is.EqualTo("application/json"), "the blocking mode asks for JSON, not the event stream");
            Assert.That(JsonNode.DeepEquals(JsonNode.Parse(request.BodyText), JsonNode.Parse(SoscriptedDocExamples.TranscribeRequest)), Is.True, $"sent {request.BodyText}");
            Assert.That(JsonNode.DeepEquals(JsonNode.Parse(request.BodyText), JsonNode.Parse(SoscriptedDocExamples.TranscribeRequestPython)), Is.True, "the Python example sends the same");
        });
    }

    [Test]
    public async Task Transcribe_body_is_exactly_the_url_field_and_nothing_else()
    {
        _handler.Respond(HttpStatusCode.OK, SoscriptedDocExamples.SuccessResponse);

        await _client.TranscribeAsync(TestClients.DocRequest);

        Assert.That(_handler.Requests.Single().BodyText, Is.EqualTo("{\"url\":\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\"}"));
    }

    [Test]
    public void Doc_example_request_body_reads_back_as_the_request_model()
    {
        var request = SoscriptedJson.ParseTranscribeRequest(Encoding.UTF8.GetBytes(SoscriptedDocExamples.TranscribeRequest));

        Assert.That(request, Is.EqualTo(TestClients.DocRequest));
    }

    [Test]
    public async Task Transcribe_parses_the_doc_success_response_verbatim()
    {
        _handler.Respond(HttpStatusCode.OK, SoscriptedDocExamples.SuccessResponse);

        var result = await _client.TranscribeAsync(TestClients.DocRequest);

        Assert.Multiple(() =>
        {
            Assert.That(result.Ok, Is.True);
            Assert.That(result.Caption!.Text, Is.EqualTo("Full transcript text here..."));
            Assert.That(result.Caption!.Segments, Has.Count.EqualTo(2));
        });
        Assert.Multiple(() =>
        {
            Assert.That(result.Caption!.Segments[0], Is.EqualTo(new CaptionSegment { Start = 0.0, End = 2.5, Text = "Hello world" }));
            Assert.That(result.Caption!.Segments[1], Is.EqualTo(new CaptionSegment { Start = 2.5, End = 5.0, Text = "This is a transcript" }));
        });
    }

    [Test]
    public async Task Url_with_query_characters_and_non_ascii_travels_unchanged_in_the_json_body()
    {
        const string url = "https://www.tiktok.com/@user/video/123?lang=de&q=\"grüße\"";
        _handler.Respond(HttpStatusCode.OK, SoscriptedDocExamples.SuccessResponse);

        await _client.TranscribeAsync(new TranscribeRequest { Url = url });

        var request = _handler.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(JsonNode.Parse(request.BodyText)!["url"]!.GetValue<string>(), Is.EqualTo(url));
            Assert.That(request.Uri.AbsoluteUri, Is.EqualTo("https://soscripted.com/api/public/transcribe"), "the video URL never leaks into the request URL");
        });
    }

    [Test]
    public async Task Unknown_response_fields_are_ignored()
    {
        _handler.Respond(HttpStatusCode.OK, """
            {"ok": true, "credits_left": 41, "caption": {"language": "en", "text": "Hi", "segments": [{"start": 0, "end": 1, "text": "Hi", "confidence": 0.9}]}}
            """);

        var result = await _client.TranscribeAsync(TestClients.DocRequest);

        Assert.Multiple(() =>
        {
            Assert.That(result.Caption!.Text, Is.EqualTo("Hi"));
            Assert.That(result.Caption!.Segments.Single(), Is.EqualTo(new CaptionSegment { Start = 0, End = 1, Text = "Hi" }));
        });
    }

    [Test]
    public async Task Empty_segments_array_is_read_as_an_empty_list()
    {
        _handler.Respond(HttpStatusCode.OK, """{"ok": true, "caption": {"text": "", "segments": []}}""");

        var result = await _client.TranscribeAsync(TestClients.DocRequest);

        Assert.Multiple(() =>
        {
            Assert.That(result.Caption!.Text, Is.Empty);
            Assert.That(result.Caption!.Segments, Is.Empty);
        });
    }

    [Test]
    public void Malformed_success_body_becomes_a_Response_exception_not_a_raw_JsonException()
    {
        _handler.Respond(HttpStatusCode.OK, """{"ok": true, "caption": {"text": "cut off""");

        var error = Assert.ThrowsAsync<TranscriptKitResponseException>(() => _client.TranscribeAsync(TestClients.DocRequest));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Vendor, Is.EqualTo("soscripted"));
            Assert.That(error.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(error.Message, Does.Contain("Soscripted"));
            Assert.That(error.Message, Does.Not.Contain(TestClients.ApiKey));
        });
    }

    [Test]
    public async Task A_200_with_ok_false_and_an_error_field_reads_as_a_failed_result_with_the_vendors_message()
    {
        // The docs' code examples branch on data.ok and print data.error: the model carries both, so the facade
        // can raise a typed job failure with the vendor's words instead of a parse error about "caption".
        _handler.Respond(HttpStatusCode.OK, """{"ok": false, "error": "Unsupported platform"}""");

        var result = await _client.TranscribeAsync(TestClients.DocRequest);

        Assert.Multiple(() =>
        {
            Assert.That(result.Ok, Is.False);
            Assert.That(result.Error, Is.EqualTo("Unsupported platform"));
            Assert.That(result.Caption, Is.Null);
        });
    }

    [Test]
    public void Null_request_is_refused_before_anything_is_sent()
    {
        Assert.ThrowsAsync<ArgumentNullException>(() => _client.TranscribeAsync(null!));
        Assert.That(_handler.Requests, Is.Empty);
    }

    [Test]
    public async Task Each_call_is_one_request()
    {
        _handler.Respond(HttpStatusCode.OK, SoscriptedDocExamples.SuccessResponse);
        _handler.Respond(HttpStatusCode.OK, SoscriptedDocExamples.SuccessResponse);

        await _client.TranscribeAsync(TestClients.DocRequest);
        await _client.TranscribeAsync(new TranscribeRequest { Url = "https://www.instagram.com/reel/abc/" });

        Assert.Multiple(() =>
        {
            Assert.That(_handler.Requests, Has.Count.EqualTo(2));
            Assert.That(JsonNode.Parse(_handler.Requests[1].BodyText)!["url"]!.GetValue<string>(), Is.EqualTo("https://www.instagram.com/reel/abc/"));
        });
    }

    [Test]
    public async Task User_agent_names_TranscriptKit()
    {
        _handler.Respond(HttpStatusCode.OK, SoscriptedDocExamples.SuccessResponse);

        await _client.TranscribeAsync(TestClients.DocRequest);

        Assert.That(_handler.Requests.Single().Header("User-Agent"), Does.StartWith("TranscriptKit/"));
    }
}
