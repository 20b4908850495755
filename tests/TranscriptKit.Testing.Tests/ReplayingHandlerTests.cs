using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Testing.Tests;

public sealed class ReplayingHandlerTests
{
    private const string Transcription = """
        {
          "vendor": "captioncat",
          "scenario": "start-transcription",
          "interactions": [
            {
              "operation": "getBalance",
              "request": {
                "method": "GET",
                "path": "/v1/balance",
                "headers": { "Authorization": "Bearer [REDACTED]", "Accept": "application/json" },
                "body": null,
                "bodyMatch": "json"
              },
              "response": {
                "status": 200,
                "headers": { "Content-Type": "application/json", "X-Request-Id": "req-1" },
                "body": "{\n  \"status\": \"success\",\n  \"balance\": 6012,\n}"
              }
            },
            {
              "operation": "startTranscription",
              "request": {
                "method": "POST",
                "path": "/v1/transcriptions?notify=false",
                "headers": { "Authorization": "Bearer [REDACTED]", "Content-Type": "application/json; charset=utf-8" },
                "body": "{\"uploadId\": \"up_1\", \"language\": \"en\", \"options\": {\"speakers\": 2, \"punctuate\": true}}",
                "bodyMatch": "json"
              },
              "response": { "status": 202, "headers": {}, "body": null }
            }
          ]
        }
        """;

    [Test]
    public async Task Serves_the_interactions_in_order()
    {
        var replayer = new ReplayingHandler(Cassette.Parse(Transcription));
        using var http = new HttpClient(replayer) { BaseAddress = new Uri("https://api.captioncat.test") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "test-key");

        using var balance = await GetBalanceAsync(http);
        using var started = await http.PostAsync(
            "/v1/transcriptions?notify=false",
            Json("""{ "options": { "punctuate": true, "speakers": 2.0 }, "language": "en", "uploadId": "up_1" }"""));

        Assert.That(balance.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await balance.Content.ReadAsStringAsync(), Is.EqualTo("{\n  \"status\": \"success\",\n  \"balance\": 6012,\n}"));
        Assert.That(balance.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), "content headers go on the content");
        Assert.That(balance.Headers.GetValues("X-Request-Id"), Is.EqualTo(new[] { "req-1" }));
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(await started.Content.ReadAsByteArrayAsync(), Is.Empty);
        Assert.That(replayer.PlayedCount, Is.EqualTo(2));
        replayer.AssertAllPlayed();
    }

    [Test]
    public void Reports_every_difference_in_a_readable_diff()
    {
        var cassette = Cassette.Parse(Transcription);
        cassette.Interactions.RemoveAt(0);
        var replayer = new ReplayingHandler(cassette);
        using var http = new HttpClient(replayer);
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://api.captioncat.test/v1/transcription?notify=false")
        {
            Content = Json("""{"uploadId": "up_1", "language": "fr", "options": {"punctuate": true}, "priority": "high"}"""),
        };

        var mismatch = Assert.ThrowsAsync<CassetteMismatchException>(() => http.SendAsync(request));

        Assert.That(mismatch!.Message, Is.EqualTo("""
            Request 1 of cassette captioncat/start-transcription does not match:
              method: expected POST
                      actual   PUT
              path:   expected /v1/transcriptions?notify=false
                      actual   /v1/transcription?notify=false
              header Authorization: expected present, actual missing
              body $.language: expected "en", actual "fr"
              body $.options.speakers: expected 2, actual missing
              body $.priority: expected missing, actual "high"
            """.ReplaceLineEndings("\n")));
        Assert.That(mismatch.Differences, Has.Count.EqualTo(6));
        Assert.That(mismatch.Expected?.Path, Is.EqualTo("/v1/transcriptions?notify=false"));
        Assert.That(mismatch.Actual?.Method, Is.EqualTo("PUT"));
        Assert.That(mismatch.Actual?.Body, Does.Contain("\"fr\""));
    }

    [Test]
    public void Reports_header_values_but_never_echoes_a_credential()
    {
        var cassette = new Cassette("transcriptgenerate", "keys");
        cassette.Interactions.Add(new CassetteInteraction
        {
            Request = { Method = "GET", Path = "/v1/tasks", Headers = { ["X-API-Key"] = "test-key", ["Accept"] = "application/json", ["Authorization"] = "Bearer [REDACTED]" } },
        });
        using var http = new HttpClient(new ReplayingHandler(cassette));
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.tg.test/v1/tasks");
        request.Headers.Add("X-API-Key", "sk-live-leak");
        request.Headers.Add("Accept", "text/html");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");

        var mismatch = Assert.ThrowsAsync<CassetteMismatchException>(() => http.SendAsync(request));

        Assert.That(mismatch!.Message, Is.EqualTo("""
            Request 1 of cassette transcriptgenerate/keys does not match:
              header X-API-Key: expected "test-key", actual a different value
              header Accept: expected "application/json", actual "text/html"
              header Authorization: expected "Bearer [REDACTED]", actual a value not starting with "Bearer "
            """.ReplaceLineEndings("\n")));
        Assert.That(mismatch.Actual!.Headers["X-API-Key"], Is.EqualTo("[REDACTED]"));
        Assert.That(mismatch.Actual.Headers["Authorization"], Is.EqualTo("Basic [REDACTED]"));
    }

    [Test]
    public async Task Throws_when_requests_run_past_the_cassette()
    {
        var cassette = Cassette.Parse(Transcription);
        cassette.Interactions.RemoveAt(1);
        var replayer = new ReplayingHandler(cassette);
        using var http = new HttpClient(replayer) { BaseAddress = new Uri("https://api.captioncat.test") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "test-key");
        (await GetBalanceAsync(http)).Dispose();

        var mismatch = Assert.ThrowsAsync<CassetteMismatchException>(() => http.GetAsync("/v1/x?sig=secret-sig"));

        Assert.That(mismatch!.Message, Is.EqualTo(
            "Request 2 of cassette captioncat/start-transcription was not expected: cassette has 1 interaction; request 2 was GET /v1/x?sig=[REDACTED]"));
        Assert.That(mismatch.Expected, Is.Null);
    }

    [Test]
    public async Task AssertAllPlayed_names_the_interactions_never_requested()
    {
        var replayer = new ReplayingHandler(Cassette.Parse(Transcription));
        using var http = new HttpClient(replayer) { BaseAddress = new Uri("https://api.captioncat.test") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "test-key");
        (await GetBalanceAsync(http)).Dispose();

        var unplayed = Assert.Throws<CassetteMismatchException>(replayer.AssertAllPlayed);

        Assert.That(unplayed!.Message, Is.EqualTo("""
            Cassette captioncat/start-transcription has 1 interaction that was not played:
              interaction 2: POST /v1/transcriptions?notify=false was never requested
            """.ReplaceLineEndings("\n")));
        Assert.That(unplayed.Actual, Is.Null);
        Assert.That(unplayed.Expected?.Method, Is.EqualTo("POST"));
    }

    [Test]
    public async Task Any_order_serves_whichever_interaction_matches()
    {
        var replayer = new ReplayingHandler(Cassette.Parse(Transcription), new ReplayOptions { AnyOrder = true });
        using var http = new HttpClient(replayer) { BaseAddress = new Uri("https://api.captioncat.test") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "test-key");

        using var started = await http.PostAsync(
            "/v1/transcriptions?notify=false",
            Json("""{"uploadId":"up_1","language":"en","options":{"speakers":2,"punctuate":true}}"""));
        using var balance = await GetBalanceAsync(http);

        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(balance.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        replayer.AssertAllPlayed();
        var mismatch = Assert.ThrowsAsync<CassetteMismatchException>(() => GetBalanceAsync(http));
        Assert.That(mismatch!.Message, Does.Contain("all 2 interactions of the cassette were played; request 3 was GET /v1/balance"));
    }

    [Test]
    public async Task Redacted_values_match_whatever_the_client_sends()
    {
        var cassette = new Cassette("subclip", "signed-upload");
        cassette.Interactions.Add(new CassetteInteraction
        {
            Request =
            {
                Method = "POST",
                Path = "/api/jobs",
                Body = """{"sourceUrl":"https://media.test/a.mp4?X-Amz-Date=1&X-Amz-Signature=[REDACTED]","webhookSecret":"[REDACTED]"}""",
            },
        });
        cassette.Interactions.Add(new CassetteInteraction
        {
            Request = { Method = "PUT", Path = "/in/a.mp4?X-Amz-Date=1&X-Amz-Signature=[REDACTED]", Headers = { ["Content-Type"] = "video/mp4" }, BodyMatch = BodyMatch.Ignore },
        });
        cassette.Interactions.Add(new CassetteInteraction
        {
            Request = { Method = "POST", Path = "/api/token", Headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }, Body = "grant=client&secret=[REDACTED]&scope=jobs", BodyMatch = BodyMatch.Form },
        });
        var replayer = new ReplayingHandler(cassette);
        using var http = new HttpClient(replayer);
        var upload = new MemoryStream(new byte[4096]);

        (await http.PostAsync("https://api.subclip.test/api/jobs", Json("""{"webhookSecret":"whsec_live","sourceUrl":"https://media.test/a.mp4?X-Amz-Date=1&X-Amz-Signature=abc"}"""))).Dispose();
        (await http.PutAsync("https://media.test/in/a.mp4?X-Amz-Date=1&X-Amz-Signature=abc%2Bdef", new StreamContent(upload) { Headers = { ContentType = new("video/mp4") } })).Dispose();
        (await http.PostAsync("https://api.subclip.test/api/token", new FormUrlEncodedContent([new("scope", "jobs"), new("secret", "s 1"), new("grant", "client")]))).Dispose();

        replayer.AssertAllPlayed();
        Assert.That(upload.Position, Is.EqualTo(4096), "the upload is read to its end, as a server would");
    }

    [Test]
    public void Reports_form_and_exact_body_differences()
    {
        var cassette = new Cassette("soscripted", "bodies");
        cassette.Interactions.Add(new CassetteInteraction { Request = { Method = "POST", Path = "/form", Body = "lang=en&id=1", BodyMatch = BodyMatch.Form } });
        cassette.Interactions.Add(new CassetteInteraction { Request = { Method = "POST", Path = "/text", Body = "hello world", BodyMatch = BodyMatch.Exact } });
        using var http = new HttpClient(new ReplayingHandler(cassette, new ReplayOptions { AnyOrder = true }));

        var form = Assert.ThrowsAsync<CassetteMismatchException>(() => http.PostAsync("https://x.test/form", new FormUrlEncodedContent([new("id", "1"), new("lang", "fr")])));
        var text = Assert.ThrowsAsync<CassetteMismatchException>(() => http.PostAsync("https://x.test/text", new StringContent("hello there")));

        Assert.That(form!.Message, Is.EqualTo("""
            Request 1 of cassette soscripted/bodies matches none of its 2 unplayed interactions; the closest, interaction 1 (POST /form), differs:
              body form field lang: expected "en", actual "fr"
            """.ReplaceLineEndings("\n")));
        Assert.That(text!.Differences, Is.EqualTo(new[] { "body differs at character 7: expected \"hello world\", actual \"hello there\"" }));
    }

    [Test]
    public async Task Replays_what_the_recorder_recorded()
    {
        var stub = new StubHandler()
            .Respond(HttpStatusCode.OK, """{"id":"up_1","uploadUrl":"https://media.test/a.mp4?X-Amz-Signature=live-sig"}""")
            .Respond(HttpStatusCode.OK, string.Empty, "text/plain");
        using var recorder = new RecordingHandler(stub, "cliptext", "round-trip");
        await RunClientAsync(recorder);

        var replayer = new ReplayingHandler(Cassette.Parse(recorder.Cassette.ToJson()));
        var uploadUrl = await RunClientAsync(replayer);

        replayer.AssertAllPlayed();
        Assert.That(uploadUrl, Is.EqualTo("https://media.test/a.mp4?X-Amz-Signature=[REDACTED]"), "the replayed client follows the redacted URL");
    }

    private static async Task<string> RunClientAsync(HttpMessageHandler handler)
    {
        using var http = new HttpClient(handler, disposeHandler: false);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "key-" + Guid.NewGuid());
        using var created = await http.PostAsync("https://api.cliptext.test/v1/files", Json("""{"name":"a.mp4","size":3}"""));
        var url = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("uploadUrl").GetString()!;
        (await http.PutAsync(url, new ByteArrayContent([1, 2, 3]) { Headers = { ContentType = new("audio/mpeg") } })).Dispose();
        return url;
    }

    private static Task<HttpResponseMessage> GetBalanceAsync(HttpClient http)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/balance");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return http.SendAsync(request);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
