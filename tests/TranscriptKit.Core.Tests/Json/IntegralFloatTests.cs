using System.Text;
using System.Text.Json;
using NUnit.Framework;
using TranscriptKit.Runtime;

namespace TranscriptKit.Core.Tests.Json;

/// <summary>Integer fields of the generated readers accept a float that is a whole number, and still refuse a fraction.</summary>
public class IntegralFloatTests
{
    private delegate T Read<T>(ref Utf8JsonReader reader);

    private static T ReadOne<T>(string json, Read<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return read(ref reader);
    }

    [TestCase("3600", 3600L)]
    [TestCase("3600.0", 3600L)]
    [TestCase("3.6e3", 3600L)]
    [TestCase("-1.0", -1L)]
    [TestCase("9007199254740993.0", 9007199254740993L)]
    public void An_integral_number_reads_as_a_64_bit_integer(string json, long expected) =>
        Assert.That(ReadOne(json, JsonPrimitives.ReadInt64), Is.EqualTo(expected));

    [TestCase("75.0", 75)]
    [TestCase("1e2", 100)]
    public void An_integral_number_reads_as_a_32_bit_integer(string json, int expected) =>
        Assert.That(ReadOne(json, JsonPrimitives.ReadInt32), Is.EqualTo(expected));

    [TestCase("3599.5")]
    [TestCase("1e400")]
    [TestCase("0.1")]
    public void A_fraction_or_an_overflow_is_still_refused_for_an_integer(string json) =>
        Assert.Throws<JsonException>(() => ReadOne(json, JsonPrimitives.ReadInt64));

    [Test]
    public void An_integral_float_beyond_32_bits_is_refused_for_a_32_bit_integer() =>
        Assert.Throws<JsonException>(() => ReadOne("3000000000.0", JsonPrimitives.ReadInt32));

    [TestCase("3599.5")]
    [TestCase("true")]
    public void A_refused_number_or_literal_is_named_in_the_error_so_drift_shows_what_arrived(string json) =>
        Assert.That(Assert.Throws<JsonException>(() => ReadOne(json, JsonPrimitives.ReadInt32))!.Message, Does.Contain(" " + json + " at byte 0"));

    [Test]
    public void A_refused_string_is_not_quoted_in_the_error_as_it_may_be_a_transcript_or_a_signed_url() =>
        Assert.That(Assert.Throws<JsonException>(() => ReadOne("\"https://cdn.example/v?sig=secret\"", JsonPrimitives.ReadInt32))!.Message, Does.Not.Contain("sig=secret"));
}
