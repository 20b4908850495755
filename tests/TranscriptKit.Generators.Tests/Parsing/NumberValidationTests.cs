using NUnit.Framework;

namespace TranscriptKit.Generators.Tests.Parsing;

/// <summary>
/// Non-finite and huge numbers in x-tk values are refused where they are written. They used to generate
/// <c>TimeSpan.FromSeconds(NaN)</c> and friends, which throw TypeInitializationException at first use.
/// </summary>
public class NumberValidationTests
{
    private static string PollSpec(string pollLines, string timeout = "600s") => $$"""
        openapi: 3.1.0
        info: { title: Probe, version: "1" }
        x-tk-client: { name: Probe, vendor: probe }
        servers:
          - url: https://api.example.com/v1
        paths:
          /jobs/{id}:
            get:
              operationId: getJob
              x-tk-timeout: {{timeout}}
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              x-tk-poll:
                name: Job
        {{ProbeSpec.Indent(pollLines, 8)}}
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Job" }
        components:
          schemas:
            Job:
              type: object
              properties:
                status: { type: string }
                progress: { type: number }
        """;

    private const string Succeeded = "succeeded-when: { field: status, equals: [done] }";

    [TestCase("NaNs")]
    [TestCase("Infinitys")]
    [TestCase("-Infinitys")]
    [TestCase("1e300s")]
    [TestCase("1e400s")]
    [TestCase("0s")]
    [TestCase("-5s")]
    [TestCase("1e-9s")]
    [TestCase("169h")]
    public void A_non_finite_or_out_of_range_operation_timeout_is_TK0006_at_the_value(string timeout)
    {
        var diagnostic = GeneratedCode.AssertReports(PollSpec(Succeeded, timeout), "TK0006", 10, 21);
        Assert.That(diagnostic.GetMessage(), Does.Contain("x-tk-timeout").And.Contain("168h"));
    }

    [TestCase("interval: Infinitys", "interval")]
    [TestCase("interval: NaNms", "interval")]
    [TestCase("max-interval: 1e300h", "max-interval")]
    [TestCase("timeout: 1e400s", "timeout")]
    public void A_non_finite_or_huge_poll_duration_is_TK0006_at_the_value(string line, string key)
    {
        var column = 11 + key.Length;
        var diagnostic = GeneratedCode.AssertReports(PollSpec(Succeeded + "\n" + line), "TK0006", 15, column);
        Assert.That(diagnostic.GetMessage(), Does.Contain("x-tk-poll." + key));
    }

    [TestCase("NaN")]
    [TestCase("Infinity")]
    [TestCase("1e400")]
    [TestCase("0.5")]
    [TestCase("1000")]
    public void A_non_finite_or_absurd_backoff_is_TK0006_at_the_value(string backoff)
    {
        var diagnostic = GeneratedCode.AssertReports(PollSpec(Succeeded + "\nbackoff: " + backoff), "TK0006", 15, 18);
        Assert.That(diagnostic.GetMessage(), Does.Contain("x-tk-poll.backoff"));
    }

    [TestCase("1e400")]
    [TestCase("NaN")]
    [TestCase("-Infinity")]
    public void A_non_finite_at_least_threshold_is_TK0006_at_the_value(string threshold)
    {
        var diagnostic = GeneratedCode.AssertReports(PollSpec($"succeeded-when: {{ field: progress, at-least: {threshold} }}"), "TK0006", 14, 54);
        Assert.That(diagnostic.GetMessage(), Does.Contain("at-least"));
    }

    [Test]
    public void A_non_finite_number_in_equals_is_TK0006()
    {
        GeneratedCode.AssertReports(PollSpec("succeeded-when: { field: progress, equals: [NaN] }"), "TK0006", 14, 52);
    }

    [Test]
    public void Sane_durations_and_numbers_generate()
    {
        GeneratedCode.AssertCompiles(PollSpec("succeeded-when: { field: progress, at-least: 100 }\ninterval: 500ms\nmax-interval: 1m\ntimeout: 168h\nbackoff: 2", "1ms"));
    }
}
