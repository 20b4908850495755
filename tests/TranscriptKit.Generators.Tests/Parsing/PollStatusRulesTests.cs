using System.Linq;
using NUnit.Framework;
using TranscriptKit.Generators.Tests.Definitions;

namespace TranscriptKit.Generators.Tests.Parsing;

/// <summary>
/// x-tk-poll's status rules: running-when, error-when, unknown-grace and inferred values reach the vendor
/// definition, and every mistake in them is TK0006 where it is written.
/// </summary>
public class PollStatusRulesTests
{
    private const string ProbeSucceeded = "succeeded-when: { field: status, equals: [done] }";

    private static string PollSpec(string pollLines) => $$"""
        openapi: 3.1.0
        info: { title: Probe, version: "1" }
        x-tk-client: { name: Probe, vendor: probe }
        servers:
          - url: https://api.example.com/v1
        paths:
          /jobs/{id}:
            get:
              operationId: getJob
              x-tk-timeout: 60s
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
                result: { type: string }
                msg: { type: string }
        """;

    // The poll lines start on line 14, indented 8: a token's column is 9 plus its offset in its line.
    private static int Column(string line, string token) => 9 + line.IndexOf(token, System.StringComparison.Ordinal);

    private static string WithRules(string rules) =>
        DefinitionSpec.With(paths: DefinitionSpec.Paths.Replace(
            "        succeeded-when: { field: status, equals: [done] }\n",
            "        succeeded-when: { field: status, equals: [done] }\n" + ProbeSpec.Indent(rules, 8) + "\n"));

    [Test]
    public void Running_succeeded_and_failed_values_with_their_inferred_flags_reach_the_vendor_definition()
    {
        var job = DefinitionSpec.Load(WithRules("""
            running-when: { field: status, equals: [queued, { value: working, x-tk-inferred: true }] }
            failed-when: { field: status, equals: [{ value: failed, x-tk-inferred: true }] }
            unknown-grace: 2
            """)).Jobs.Single();

        Assert.That(job.ListsRunningStates, Is.True);
        Assert.That(job.DefaultPolling.UnknownStatusPolls, Is.EqualTo(2));
        Assert.That(job.Statuses, Is.EqualTo(new[]
        {
            new JobStatusValue("status", "queued", JobStatusMeaning.Running, JobStatusMatch.Equals, Inferred: false),
            new JobStatusValue("status", "working", JobStatusMeaning.Running, JobStatusMatch.Equals, Inferred: true),
            new JobStatusValue("status", "done", JobStatusMeaning.Succeeded, JobStatusMatch.Equals, Inferred: false),
            new JobStatusValue("status", "failed", JobStatusMeaning.Failed, JobStatusMatch.Equals, Inferred: true),
        }));
    }

    [Test]
    public void Without_running_when_no_state_is_unknown_and_the_grace_keeps_its_default()
    {
        var job = DefinitionSpec.Load(DefinitionSpec.With()).Jobs.Single();

        Assert.That(job.ListsRunningStates, Is.False);
        Assert.That(job.DefaultPolling.UnknownStatusPolls, Is.EqualTo(3));
        Assert.That(job.Statuses.Select(s => (s.Value, s.Meaning)), Is.EqualTo(new[] { ("done", JobStatusMeaning.Succeeded) }));
    }

    [Test]
    public void The_error_shape_condition_is_listed_as_a_failure()
    {
        var job = DefinitionSpec.Load(WithRules("""
            running-when: { field: status, equals: [queued] }
            error-when: { field: id, contains: [err] }
            """)).Jobs.Single();

        Assert.That(job.Statuses.Last(), Is.EqualTo(new JobStatusValue("id", "err", JobStatusMeaning.Failed, JobStatusMatch.Contains, Inferred: false)));
    }

    [Test]
    public void The_spec_with_every_rule_compiles_cleanly()
    {
        GeneratedCode.AssertCompiles(PollSpec(ProbeSucceeded + """

            running-when: { field: status, equals: [queued, { value: working, x-tk-inferred: true }] }
            failed-when: { field: result, contains: [fail] }
            error-when: { field: status, equals: [error] }
            failure-message: msg
            unknown-grace: 1
            """));
    }

    [Test]
    public void A_value_listed_under_two_meanings_is_TK0006_at_the_second_condition()
    {
        const string line = "running-when: { field: status, equals: [queued, done] }";
        var diagnostic = GeneratedCode.AssertReports(PollSpec(ProbeSucceeded + "\n" + line), "TK0006", 15, Column(line, "{"));
        Assert.That(diagnostic.GetMessage(), Does.Contain("'done'").And.Contain("succeeded-when"));
    }

    [TestCase("0")]
    [TestCase("21")]
    [TestCase("2.5")]
    [TestCase("three")]
    public void An_unknown_grace_outside_1_to_20_answers_is_TK0006_at_the_value(string grace)
    {
        var line = "unknown-grace: " + grace;
        var diagnostic = GeneratedCode.AssertReports(PollSpec(ProbeSucceeded + "\nrunning-when: { field: status, equals: [queued] }\n" + line), "TK0006", 16, Column(line, grace));
        Assert.That(diagnostic.GetMessage(), Does.Contain("x-tk-poll.unknown-grace").And.Contain("1 to 20"));
    }

    [Test]
    public void An_unknown_grace_without_running_when_is_TK0006_because_no_state_could_be_unknown()
    {
        const string line = "unknown-grace: 3";
        var diagnostic = GeneratedCode.AssertReports(PollSpec(ProbeSucceeded + "\n" + line), "TK0006", 15, Column(line, "3"));
        Assert.That(diagnostic.GetMessage(), Does.Contain("running-when"));
    }

    [TestCase("{ value: working, inferred: true }")]
    [TestCase("{ x-tk-inferred: true }")]
    [TestCase("{ value: working, x-tk-inferred: maybe }")]
    public void A_malformed_state_value_is_TK0006_at_the_value(string item)
    {
        var line = "running-when: { field: status, equals: [queued, " + item + "] }";
        var diagnostic = GeneratedCode.AssertReports(PollSpec(ProbeSucceeded + "\n" + line), "TK0006", 15, Column(line, item));
        Assert.That(diagnostic.GetMessage(), Does.Contain("x-tk-inferred"));
    }
}
