using System.IO;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TranscriptKit.Testing.Tests;

public sealed class CassetteTests
{
    private const string GetBalance = """
        {
          "vendor": "captioncat",
          "scenario": "get-balance",
          "description": "GET /balance, the documented success example",
          "source": "captioncat.txt, GET /balance",
          "interactions": [
            {
              "operation": "getBalance",
              "request": {
                "method": "GET",
                "path": "/v1/balance",
                "headers": {
                  "Authorization": "Bearer [REDACTED]"
                },
                "body": null,
                "bodyMatch": "json"
              },
              "response": {
                "status": 200,
                "headers": {
                  "Content-Type": "application/json"
                },
                "body": "{\n  \"status\": \"success\",\n  \"balance\": 6012,\n}"
              }
            }
          ]
        }

        """;

    private string _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "tk-cassettes-" + Path.GetRandomFileName());
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Parse_reads_every_field()
    {
        var cassette = Cassette.Parse(GetBalance);

        Assert.That(cassette.ToString(), Is.EqualTo("captioncat/get-balance"));
        Assert.That(cassette.Description, Is.EqualTo("GET /balance, the documented success example"));
        Assert.That(cassette.Source, Is.EqualTo("captioncat.txt, GET /balance"));
        var interaction = cassette.Interactions[0];
        Assert.That(interaction.Operation, Is.EqualTo("getBalance"));
        Assert.That(interaction.Request.ToString(), Is.EqualTo("GET /v1/balance"));
        Assert.That(interaction.Request.Headers["authorization"], Is.EqualTo("Bearer [REDACTED]"), "header names are case-insensitive");
        Assert.That(interaction.Request.Body, Is.Null);
        Assert.That(interaction.Request.BodyMatch, Is.EqualTo(BodyMatch.Json));
        Assert.That(interaction.Response.Status, Is.EqualTo(200));
        Assert.That(interaction.Response.Headers["Content-Type"], Is.EqualTo("application/json"));
        Assert.That(interaction.Response.Body, Is.EqualTo("{\n  \"status\": \"success\",\n  \"balance\": 6012,\n}"), "the vendor's trailing comma survives");
    }

    [Test]
    public void ToJson_gives_back_the_file_it_was_parsed_from()
    {
        Assert.That(Cassette.Parse(GetBalance).ToJson(), Is.EqualTo(GetBalance));
    }

    [Test]
    public async Task Save_then_Load_is_byte_stable()
    {
        var first = Path.Combine(_folder, "captioncat", "get-balance.json");
        var second = Path.Combine(_folder, "again.json");

        Cassette.Parse(GetBalance).Save(first);
        await (await Cassette.LoadAsync(first)).SaveAsync(second);
        Cassette.Load(second).Save(second);

        var bytes = File.ReadAllBytes(first);
        Assert.That(File.ReadAllBytes(second), Is.EqualTo(bytes));
        Assert.That(bytes[..3], Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "no byte order mark");
        Assert.That(bytes, Does.Not.Contain((byte)'\r'));
        Assert.That(bytes[^1], Is.EqualTo((byte)'\n'));
    }

    [Test]
    public void Writes_bodies_with_plain_escapes_and_omits_unset_metadata()
    {
        var cassette = new Cassette("subclip", "create-job");
        cassette.Interactions.Add(new CassetteInteraction
        {
            Request = { Method = "POST", Path = "/api/jobs", Body = "{\"url\":\"https://x.test/a?b=1&c=<d>\",\"name\":\"café\"}", BodyMatch = BodyMatch.Form },
            Response = { Status = 204 },
        });

        var json = cassette.ToJson();

        Assert.That(json, Does.Contain("\"body\": \"{\\\"url\\\":\\\"https://x.test/a?b=1&c=<d>\\\",\\\"name\\\":\\\"café\\\"}\""));
        Assert.That(json, Does.Contain("\"bodyMatch\": \"form\""));
        Assert.That(json, Does.Contain("\"body\": null"), "an empty response body is written as null");
        Assert.That(json, Does.Not.Contain("description").And.Not.Contain("operation"));
        Assert.That(Cassette.Parse(json).ToJson(), Is.EqualTo(json));
    }

    [Test]
    public void Parse_accepts_comments_and_trailing_commas()
    {
        var cassette = Cassette.Parse("""
            {
              // recorded by hand from the docs
              "vendor": "cliptext",
              "scenario": "upload",
              "interactions": [
                { "request": { "method": "PUT", "path": "/u", "bodyMatch": "ignore", }, "response": { "status": 200, }, },
              ],
            }
            """);

        Assert.That(cassette.Interactions[0].Request.BodyMatch, Is.EqualTo(BodyMatch.Ignore));
    }

    [Test]
    public void Parse_names_what_is_wrong_with_an_invalid_cassette()
    {
        var missing = Assert.Throws<InvalidDataException>(() => Cassette.Parse("""{ "vendor": "x", "interactions": [ { "request": { "method": "GET", "path": "/" }, "response": null } ] }"""));
        Assert.That(missing!.Message, Is.EqualTo("The JSON is not a valid cassette: \"scenario\" is missing; interaction 1 needs both \"request\" and \"response\"."));

        var noResponse = Assert.Throws<InvalidDataException>(() => Cassette.Parse("""{ "vendor": "x", "scenario": "y", "interactions": [ { "request": { "method": "GET", "path": "/" } } ] }"""));
        Assert.That(noResponse!.Message, Does.Contain("missing required properties including: 'response'"));

        var broken = Assert.Throws<InvalidDataException>(() => Cassette.Parse("""{ "vendor": "x", "scenario": "y", "interactions": [ { "request": { "bodyMatch": "fuzzy" } } ] }"""));
        Assert.That(broken!.Message, Is.EqualTo("The JSON is not a valid cassette: $.interactions[0].request.bodyMatch must be \"json\", \"form\", \"exact\" or \"ignore\" (line 1)."));
    }
}
