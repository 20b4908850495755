using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.TranscriptGenerate.Tests;

/// <summary>
/// The docs type the quota seconds "Number": a fractional or integral-float value reads, where the int64 the spec
/// used to say threw a parse error; counts typed integer still read a whole float, and the envelope code 200.0 is success.
/// </summary>
[TestFixture]
[CancelAfter(20_000)]
public sealed class TranscriptGenerateNumberTests
{
    private static async Task<T> Answer<T>(string body, System.Func<TranscriptGenerateClient, Task<T>> call)
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, body);
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        return await call(client);
    }

    [Test]
    public async Task Fractional_and_integral_float_quota_seconds_read_as_numbers()
    {
        var quota = await Answer(
            """{"code":200,"msg":"Success","data":{"unlimited":false,"availableSeconds":3599.5,"availableMinutes":"60.0","totalSeconds":7200.0,"totalMinutes":"120.0","usedSeconds":3600.5,"usedMinutes":"60.0","deductionType":"MONTHLY"}}""",
            c => c.GetQuotaUsageAsync());

        Assert.Multiple(() =>
        {
            Assert.That(quota.AvailableSeconds, Is.EqualTo(3599.5));
            Assert.That(quota.TotalSeconds, Is.EqualTo(7200));
            Assert.That(quota.UsedSeconds, Is.EqualTo(3600.5));
        });
    }

    [Test]
    public async Task Integral_float_counts_and_an_integral_float_envelope_code_still_read()
    {
        var concurrency = await Answer(
            """{"code":200.0,"msg":"Success","data":{"currentConcurrency":1.0,"maxConcurrency":3.0,"availableConcurrency":2.0,"canAddTask":true}}""",
            c => c.GetConcurrencyAsync());

        Assert.That((concurrency.CurrentConcurrency, concurrency.MaxConcurrency, concurrency.AvailableConcurrency), Is.EqualTo((1, 3, 2)));
    }

    [Test]
    public void A_fractional_count_is_still_a_body_mismatch_naming_the_field()
    {
        var error = Assert.ThrowsAsync<TranscriptKitResponseException>(() => Answer(
            """{"code":200,"msg":"Success","data":{"currentConcurrency":1.5,"maxConcurrency":3,"availableConcurrency":2,"canAddTask":true}}""",
            c => c.GetConcurrencyAsync()))!;

        Assert.That(error.Message, Does.Contain("currentConcurrency"));
    }
}
