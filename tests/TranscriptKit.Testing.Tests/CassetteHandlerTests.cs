using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Testing.Tests;

[CancelAfter(10_000)]
public sealed class CassetteHandlerTests
{
    private const string Token = "tok-live-5f2e9a";
    private static readonly DateTimeOffset s_now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("tk-cassette-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Replay_serves_a_recorded_interaction_without_any_transport()
    {
        var path = Write(Interaction("GET", "/v1/balance", """{"balance":6012}""", recordedAt: null));
        using var cassette = new CassetteHandler(path, CassetteMode.Replay);
        using var http = new HttpClient(cassette);

        var body = await http.SendAsync(Get("/v1/balance")).Result.Content.ReadAsStringAsync();

        Assert.That(body, Is.EqualTo("""{"balance":6012}"""));
        Assert.That((cassette.ReplayedCount, cassette.RecordedCount), Is.EqualTo((1, 0)));
        Assert.That(await cassette.SaveAsync(), Is.False, "a replay never writes");
        cassette.AssertAllPlayed();
    }

    [Test]
    public void Replay_miss_names_the_request_the_closest_interaction_and_how_to_record_it()
    {
        var path = Write(Interaction("GET", "/v1/balance", "{}", recordedAt: null));
        using var cassette = new CassetteHandler(path, CassetteMode.Replay);
        using var http = new HttpClient(cassette);
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.example.test/v1/transcribe/abc") { Content = Json("""{"language":"en"}""") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        var error = Assert.ThrowsAsync<CassetteMismatchException>(() => http.SendAsync(request))!;
        TestContext.Out.WriteLine(error.Message);

        Assert.That(error.Message, Does.Contain("has no interaction for request 1, POST /v1/transcribe/abc"));
        Assert.That(error.Message, Does.Contain(path));
        Assert.That(error.Message, Does.Contain("CassetteMode.RecordIfMissing"));
        Assert.That(error.Message, Does.Contain("The closest unplayed interaction, 1 (GET /v1/balance), differs:"));
        Assert.That(error.Message, Does.Contain("method:"));
        Assert.That(error.Message, Does.Not.Contain(Token));
        Assert.That(error.Actual!.ToString(), Is.EqualTo("POST /v1/transcribe/abc"));
    }

    [Test]
    public void Replay_miss_after_the_last_interaction_says_all_were_played()
    {
        var path = Write(Interaction("GET", "/v1/balance", "{}", recordedAt: null));
        using var cassette = new CassetteHandler(path, CassetteMode.Replay);
        using var http = new HttpClient(cassette);
        http.SendAsync(Get("/v1/balance")).Wait();

        var error = Assert.ThrowsAsync<CassetteMismatchException>(() => http.SendAsync(Get("/v1/balance")))!;

        Assert.That(error.Message, Does.Contain("request 2, GET /v1/balance"));
        Assert.That(error.Message, Does.Contain("All 1 interaction(s) were played."));
    }

    [Test]
    public void Replay_of_a_missing_file_says_replay_never_records()
    {
        var error = Assert.Throws<FileNotFoundException>(() => new CassetteHandler(Path.Combine(_folder, "captioncat", "none.json"), CassetteMode.Replay))!;

        Assert.That(error.Message, Does.Contain("none.json does not exist, and CassetteMode.Replay never records"));
    }

    [Test]
    public async Task RecordIfMissing_replays_what_is_there_and_records_what_is_not()
    {
        var path = Write(Interaction("GET", "/v1/balance", """{"balance":1}""", recordedAt: s_now.AddDays(-400)));
        var vendor = new StubHandler().Respond(HttpStatusCode.OK, """{"history":[]}""");
        var clock = new FakeTimeProvider(s_now);
        using var cassette = new CassetteHandler(path, CassetteMode.RecordIfMissing, vendor, new CassetteOptions { TimeProvider = clock });
        using var http = new HttpClient(cassette);

        var hit = await (await http.SendAsync(Get("/v1/balance"))).Content.ReadAsStringAsync();
        var miss = await (await http.SendAsync(Get("/v1/balance/history"))).Content.ReadAsStringAsync();

        Assert.That((hit, miss), Is.EqualTo(("""{"balance":1}""", """{"history":[]}""")));
        Assert.That(vendor.Requests.Select(r => r.Uri.AbsolutePath), Is.EqualTo(new[] { "/v1/balance/history" }), "only the miss reached the vendor; age does not matter in this mode");
        Assert.That(await cassette.SaveAsync(), Is.True);
        var saved = Cassette.Load(path);
        Assert.That(saved.Interactions.Select(i => i.Request.Path), Is.EqualTo(new[] { "/v1/balance", "/v1/balance/history" }));
        Assert.That(saved.Interactions.Select(i => i.RecordedAt), Is.EqualTo(new DateTimeOffset?[] { s_now.AddDays(-400), s_now }));
        Assert.That(saved.Interactions[1].Request.Headers["Authorization"], Is.EqualTo("Bearer [REDACTED]"));
        Assert.That(File.ReadAllText(path), Does.Not.Contain(Token));
    }

    [Test]
    public async Task RecordIfMissing_without_a_file_records_everything_and_names_it_after_its_folder_and_file()
    {
        var path = Path.Combine(_folder, "subclip", "get-job.json");
        var vendor = new StubHandler().Respond(HttpStatusCode.OK, """{"status":"queued"}""");
        using var cassette = new CassetteHandler(path, CassetteMode.RecordIfMissing, vendor, new CassetteOptions { TimeProvider = new FakeTimeProvider(s_now) });
        using var http = new HttpClient(cassette);

        await http.SendAsync(Get("/api/v1/jobs/7"));
        await cassette.SaveAsync();

        var saved = Cassette.Load(path);
        Assert.That((saved.Vendor, saved.Scenario, saved.Interactions.Count), Is.EqualTo(("subclip", "get-job", 1)));
    }

    [Test]
    public async Task A_repeated_poll_is_served_the_recorded_answers_in_their_order()
    {
        var path = Write(
            Interaction("GET", "/v1/jobs/7", """{"status":"queued"}""", recordedAt: null),
            Interaction("GET", "/v1/jobs/7", """{"status":"done"}""", recordedAt: null));
        using var cassette = new CassetteHandler(path, CassetteMode.Replay);
        using var http = new HttpClient(cassette);

        var first = await (await http.SendAsync(Get("/v1/jobs/7"))).Content.ReadAsStringAsync();
        var second = await (await http.SendAsync(Get("/v1/jobs/7"))).Content.ReadAsStringAsync();

        Assert.That((first, second), Is.EqualTo(("""{"status":"queued"}""", """{"status":"done"}""")));
    }

    [Test]
    public async Task Record_sends_every_request_and_replaces_the_interactions_but_keeps_the_names()
    {
        var path = Write(Interaction("GET", "/v1/balance", """{"balance":1}""", recordedAt: s_now));
        var vendor = new StubHandler().Respond(HttpStatusCode.OK, """{"balance":2}""");
        using var cassette = new CassetteHandler(path, CassetteMode.Record, vendor, new CassetteOptions { TimeProvider = new FakeTimeProvider(s_now) });
        using var http = new HttpClient(cassette);

        var body = await (await http.SendAsync(Get("/v1/balance"))).Content.ReadAsStringAsync();
        await cassette.SaveAsync();

        Assert.That(body, Is.EqualTo("""{"balance":2}"""));
        Assert.That(vendor.Requests, Has.Count.EqualTo(1));
        var saved = Cassette.Load(path);
        Assert.That((saved.Vendor, saved.Scenario, saved.Description), Is.EqualTo(("captioncat", "flow", "written by the test")));
        Assert.That(saved.Interactions.Single().Response.Body, Is.EqualTo("""{"balance":2}"""));
    }

    [Test]
    public async Task ReRecordOlderThan_re_records_a_stale_interaction_in_its_place_and_replays_a_fresh_one()
    {
        var path = Write(
            Interaction("GET", "/v1/balance", """{"balance":1}""", recordedAt: s_now.AddDays(-31)),
            Interaction("GET", "/v1/balance/history", """{"history":["old"]}""", recordedAt: s_now.AddDays(-29)));
        var vendor = new StubHandler().Respond(HttpStatusCode.OK, """{"balance":2}""");
        using var cassette = new CassetteHandler(path, CassetteMode.ReRecordOlderThan(TimeSpan.FromDays(30)), vendor, new CassetteOptions { TimeProvider = new FakeTimeProvider(s_now) });
        using var http = new HttpClient(cassette);

        var stale = await (await http.SendAsync(Get("/v1/balance"))).Content.ReadAsStringAsync();
        var fresh = await (await http.SendAsync(Get("/v1/balance/history"))).Content.ReadAsStringAsync();
        await cassette.SaveAsync();

        Assert.That((stale, fresh), Is.EqualTo(("""{"balance":2}""", """{"history":["old"]}""")));
        Assert.That(vendor.Requests.Select(r => r.Uri.AbsolutePath), Is.EqualTo(new[] { "/v1/balance" }));
        var saved = Cassette.Load(path);
        Assert.That(saved.Interactions.Select(i => i.Request.Path), Is.EqualTo(new[] { "/v1/balance", "/v1/balance/history" }), "the fresh exchange takes the stale one's place");
        Assert.That(saved.Interactions.Select(i => i.RecordedAt), Is.EqualTo(new DateTimeOffset?[] { s_now, s_now.AddDays(-29) }));
    }

    [Test]
    public async Task ReRecordOlderThan_counts_an_interaction_without_a_time_as_stale_and_drops_stale_ones_nobody_used()
    {
        var path = Write(
            Interaction("GET", "/v1/balance", """{"balance":1}""", recordedAt: null),
            Interaction("GET", "/v1/jobs/old-job", """{"status":"done"}""", recordedAt: s_now.AddDays(-90)),
            Interaction("GET", "/v1/jobs/kept", """{"status":"done"}""", recordedAt: s_now.AddDays(-1)));
        var vendor = new StubHandler().Respond(HttpStatusCode.OK, """{"balance":2}""");
        using var cassette = new CassetteHandler(path, CassetteMode.ReRecordOlderThan(TimeSpan.FromDays(30)), vendor, new CassetteOptions { TimeProvider = new FakeTimeProvider(s_now) });
        using var http = new HttpClient(cassette);

        var body = await (await http.SendAsync(Get("/v1/balance"))).Content.ReadAsStringAsync();
        await cassette.SaveAsync();

        Assert.That(body, Is.EqualTo("""{"balance":2}"""), "unknown age is too old");
        Assert.That(Cassette.Load(path).Interactions.Select(i => i.Request.Path), Is.EqualTo(new[] { "/v1/balance", "/v1/jobs/kept" }),
            "the 90-day-old poll of a job no request asked for is dropped; a fresh unused one is kept");
    }

    [Test]
    public void ReRecordOlderThan_refuses_an_age_of_zero() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CassetteMode.ReRecordOlderThan(TimeSpan.Zero));

    [TestCase("Record")]
    [TestCase("RecordIfMissing")]
    [TestCase("ReRecordOlderThan")]
    public async Task Every_recording_mode_redacts_credentials_query_keys_and_echoed_secrets(string modeName)
    {
        var mode = modeName switch
        {
            "Record" => CassetteMode.Record,
            "RecordIfMissing" => CassetteMode.RecordIfMissing,
            _ => CassetteMode.ReRecordOlderThan(TimeSpan.FromDays(1)),
        };
        var path = Path.Combine(_folder, "transcriptgenerate", "quota.json");
        var vendor = new StubHandler().Respond(HttpStatusCode.Unauthorized, $$"""{"msg":"key {{Token}} refused","upload":"https://s3.test/x?X-Amz-Signature=abc123sig&id=1"}""");
        var options = new CassetteOptions { TimeProvider = new FakeTimeProvider(s_now) };
        using var cassette = new CassetteHandler(path, mode, vendor, options);
        using var http = new HttpClient(cassette);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.test/v1/quota?api_key=querysecret77");
        request.Headers.Add("X-API-Key", Token);
        request.Headers.Add("X-API-Secret", "secret-two-88");

        await http.SendAsync(request);
        await cassette.SaveAsync();

        var text = File.ReadAllText(path);
        Assert.That(text, Does.Not.Contain(Token).And.Not.Contain("secret-two-88").And.Not.Contain("querysecret77").And.Not.Contain("abc123sig"));
        Assert.That(text, Does.Contain("key [REDACTED] refused").And.Contain("api_key=[REDACTED]"));
    }

    [Test]
    public async Task A_job_start_that_fails_while_recording_reaches_the_vendor_once()
    {
        var path = Path.Combine(_folder, "captioncat", "start.json");
        var vendor = new StubHandler().Respond(HttpStatusCode.GatewayTimeout, """{"error":"timeout"}""").Respond(HttpStatusCode.OK, "{}");
        using var cassette = new CassetteHandler(path, CassetteMode.RecordIfMissing, vendor, new CassetteOptions { TimeProvider = new FakeTimeProvider(s_now) });
        using var http = new HttpClient(cassette);

        using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "https://api.example.test/v1/transcribe/abc") { Content = Json("{}") });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.GatewayTimeout));
        Assert.That(vendor.Requests, Has.Count.EqualTo(1), "the recorder never repeats a request");
        Assert.That(cassette.Cassette.Interactions.Single().Response.Status, Is.EqualTo(504));
    }

    [Test]
    public async Task An_upload_served_from_the_file_is_read_to_its_end_and_one_recorded_is_sent_whole()
    {
        var path = Write(new CassetteInteraction
        {
            Request = new CassetteRequest { Method = "PUT", Path = "/up/1", BodyMatch = BodyMatch.Ignore },
            Response = new CassetteResponse { Status = 200 },
        });
        var vendor = new StubHandler().Respond(HttpStatusCode.OK, "{}");
        using var cassette = new CassetteHandler(path, CassetteMode.RecordIfMissing, vendor, new CassetteOptions { TimeProvider = new FakeTimeProvider(s_now) });
        using var http = new HttpClient(cassette);
        var served = new ReadCounter(4096);
        var recorded = new byte[3000];

        await http.SendAsync(new HttpRequestMessage(HttpMethod.Put, "https://storage.test/up/1") { Content = Binary(served) });
        await http.SendAsync(new HttpRequestMessage(HttpMethod.Put, "https://storage.test/up/2") { Content = Binary(new MemoryStream(recorded)) });

        Assert.That(served.BytesRead, Is.EqualTo(4096), "upload progress runs as against a server");
        Assert.That(vendor.Requests.Single().Body, Has.Length.EqualTo(3000), "the recorded upload was not consumed by matching");
    }

    /// <summary>Bytes of zeros that remember how many were read, even after the content is disposed.</summary>
    private sealed class ReadCounter(int length) : MemoryStream(new byte[length])
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Count(base.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(base.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, System.Threading.CancellationToken cancellationToken = default) =>
            Count(await base.ReadAsync(buffer, cancellationToken));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, System.Threading.CancellationToken cancellationToken) =>
            Count(await base.ReadAsync(buffer, offset, count, cancellationToken));

        private int Count(int read)
        {
            // The Memory overload reads through the Span one: the position, not a sum, counts each byte once.
            BytesRead = Math.Max(BytesRead, Position);
            return read;
        }
    }

    private static StreamContent Binary(Stream stream)
    {
        var content = new StreamContent(stream);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static HttpRequestMessage Get(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.test" + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return request;
    }

    private static CassetteInteraction Interaction(string method, string path, string body, DateTimeOffset? recordedAt)
    {
        var interaction = new CassetteInteraction
        {
            RecordedAt = recordedAt,
            Request = new CassetteRequest { Method = method, Path = path },
            Response = new CassetteResponse { Status = 200, Body = body },
        };
        interaction.Request.Headers["Authorization"] = "Bearer [REDACTED]";
        interaction.Response.Headers["Content-Type"] = "application/json";
        return interaction;
    }

    private string Write(params CassetteInteraction[] interactions)
    {
        var cassette = new Cassette("captioncat", "flow") { Description = "written by the test" };
        foreach (var interaction in interactions)
        {
            cassette.Interactions.Add(interaction);
        }

        var path = Path.Combine(_folder, "captioncat", "flow.json");
        cassette.Save(path);
        return path;
    }
}
