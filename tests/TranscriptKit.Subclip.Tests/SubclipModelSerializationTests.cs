using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NUnit.Framework;

namespace TranscriptKit.Subclip.Tests;

/// <summary>
/// The generated models work with System.Text.Json directly, as the client reads and writes them: every model and
/// extensible enum names a generated converter, so JsonSerializer needs no options and a user's own
/// JsonSerializerContext (the trimming/AOT route) picks the converters up too.
/// </summary>
[TestFixture]
public sealed class SubclipModelSerializationTests
{
    [Test]
    public void JsonSerializer_reads_a_model_as_the_client_does()
    {
        var viaSerializer = JsonSerializer.Deserialize<JobStatusResult>(SubclipDocExamples.StatusJsonWithWordTimestamps)!;
        var viaClient = SubclipJson.ParseJobStatusResult(Encoding.UTF8.GetBytes(SubclipDocExamples.StatusJsonWithWordTimestamps));

        Assert.That(viaSerializer.Status, Is.EqualTo(viaClient.Status));
        Assert.That(viaSerializer.ProjectId, Is.EqualTo(viaClient.ProjectId));
        Assert.That(JsonSerializer.Serialize(viaSerializer), Is.EqualTo(WriteWithClient(viaClient)));
    }

    [Test]
    public void JsonSerializer_writes_wire_names_not_CSharp_names()
    {
        var request = JsonSerializer.Deserialize<CreateJobRequest>(SubclipDocExamples.JobRequest)!;

        using var written = JsonDocument.Parse(JsonSerializer.Serialize(request));

        Assert.That(written.RootElement.GetProperty("includeWordTimestamps").GetBoolean(), Is.True);
        Assert.That(written.RootElement.GetProperty("language").GetString(), Is.EqualTo("en"));
        Assert.That(written.RootElement.TryGetProperty("IncludeWordTimestamps", out _), Is.False);
    }

    [Test]
    public void An_extensible_enum_round_trips_an_unknown_value_and_null()
    {
        Assert.That(JsonSerializer.Serialize(JsonSerializer.Deserialize<LanguageCode>("\"xx-unknown\"")), Is.EqualTo("\"xx-unknown\""));
        Assert.That(JsonSerializer.Deserialize<LanguageCode?>("null"), Is.Null);
    }

    [Test]
    public void A_users_JsonSerializerContext_uses_the_generated_converters()
    {
        var result = JsonSerializer.Deserialize(SubclipDocExamples.StatusJsonWithWordTimestamps, UserJsonContext.Default.JobStatusResult)!;

        Assert.That(result.ProjectId, Is.EqualTo(SubclipDocExamples.ProjectId));
        Assert.That(JsonSerializer.Serialize(result, UserJsonContext.Default.JobStatusResult), Is.EqualTo(JsonSerializer.Serialize(result)));
    }

    [Test]
    public void A_malformed_body_is_a_JsonException_like_any_converter_error()
    {
        Assert.That(() => JsonSerializer.Deserialize<JobStatusResult>("""{"projectId": 5}"""), Throws.InstanceOf<JsonException>());
    }

    private static string WriteWithClient(JobStatusResult value)
    {
        using var buffer = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            SubclipJson.WriteJobStatusResult(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

[JsonSerializable(typeof(JobStatusResult))]
internal sealed partial class UserJsonContext : JsonSerializerContext;
