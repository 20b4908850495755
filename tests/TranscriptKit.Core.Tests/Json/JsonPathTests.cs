using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading;
using NUnit.Framework;
using TranscriptKit.Core.Tests.Http;
using TranscriptKit.Runtime;

namespace TranscriptKit.Core.Tests.Json;

/// <summary>A body that does not match names the field, and numbers beyond a double's range are refused.</summary>
public class JsonPathTests
{
    private static double? ReadDuration(ref Utf8JsonReader reader)
    {
        JsonPrimitives.ExpectStartObject(ref reader, "Thing");
        double? duration = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("segments"u8))
            {
                JsonPrimitives.ReadValue(ref reader);
                JsonPrimitives.ReadArray(ref reader, static (ref Utf8JsonReader r) => JsonPrimitives.ReadDouble(ref r));
            }
            else if (reader.ValueTextEquals("duration"u8))
            {
                JsonPrimitives.ReadValue(ref reader);
                duration = JsonPrimitives.ReadDouble(ref reader);
            }
            else
            {
                JsonPrimitives.SkipValue(ref reader);
            }
        }

        return duration;
    }

    [TestCase("""{"duration":1e400}""", "$.duration")]
    [TestCase("""{"duration":-1e400}""", "$.duration")]
    [TestCase("""{"a":1,"segments":[1,2,1e999]}""", "$.segments[2]")]
    [TestCase("""{"segments":[1,"x"]}""", "$.segments[1]")]
    [TestCase("""{"duration":"soon"}""", "$.duration")]
    public void Mismatch_names_the_field(string body, string path)
    {
        var error = Assert.Throws<JsonException>(() => JsonPrimitives.Parse(Encoding.UTF8.GetBytes(body), ReadDuration))!;

        Assert.That(error.Path, Is.EqualTo(path));
    }

    [Test]
    public void Finite_numbers_are_read() =>
        Assert.That(JsonPrimitives.Parse("""{"duration":1.5e300}"""u8, ReadDuration), Is.EqualTo(1.5e300));

    [Test]
    public void Path_inside_nested_objects_and_escaped_names()
    {
        var body = """{"data":{"items":[{"x":1},{"we ird":[true,{"deep":7}]}]}}"""u8;
        var offset = Encoding.UTF8.GetString(body).IndexOf('7');

        Assert.That(JsonPath.At(body, offset), Is.EqualTo("$.data.items[1]['we ird'][1].deep"));
    }

    [Test]
    public void Response_error_names_vendor_operation_and_field()
    {
        var fixture = new PipelineFixture(retry: new RetryOptions { MaxRetries = 0 });
        fixture.Handler.Respond(HttpStatusCode.OK, """{"duration":1e400}""", "application/json");

        var error = Assert.ThrowsAsync<TranscriptKitResponseException>(async () =>
        {
            var response = await fixture.Pipeline.SendAsync(fixture.Request(), null, PipelineFixture.Get, CancellationToken.None);
            await fixture.Pipeline.ReadJsonAsync(response, ReadDuration, CancellationToken.None);
        })!;

        Assert.That(error.Message, Does.StartWith("Test Vendor answered 200 to getThing").And.Contain("at $.duration"));
        Assert.That(error.OperationId, Is.EqualTo("getThing"));
    }

    [Test]
    public void Invalid_utf8_error_body_maps_to_a_typed_error()
    {
        var fixture = new PipelineFixture(retry: new RetryOptions { MaxRetries = 0 });
        byte[] body = [.. "{\"error\": {\"message\": \"bad "u8, 0xC3, 0x28, 0xFF, .. " byte\"}}"u8];
        fixture.Handler.Respond(_ => new System.Net.Http.HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new System.Net.Http.ByteArrayContent(body) { Headers = { ContentType = new("application/json") } },
        });

        var error = Assert.CatchAsync(() => fixture.Pipeline.SendAsync(fixture.Request(), null, PipelineFixture.Get, CancellationToken.None))!;

        Assert.That(error, Is.TypeOf<TranscriptKitBadRequestException>());
        Assert.That(error.Message, Does.Contain("Test Vendor").And.Contain("getThing"));
    }
}
