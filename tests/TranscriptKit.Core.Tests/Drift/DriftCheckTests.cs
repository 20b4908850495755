using System.Linq;
using System.Text;
using NUnit.Framework;
using TranscriptKit;
using TranscriptKit.Runtime;

namespace TranscriptKit.Core.Tests.Drift;

/// <summary>Each kind of drift is found at the right JSON path, with what the spec expected and the raw value.</summary>
public class DriftCheckTests
{
    private static DriftFinding[] Check(string json, string operation = "getThing", SecretMask? mask = null)
    {
        var report = new DriftReport();
        DriftCheck.CheckBody(DriftSchemas.Job, operation, Encoding.UTF8.GetBytes(json), mask ?? SecretMask.None, report);
        return report.Findings.ToArray();
    }

    [Test]
    public void A_body_that_matches_the_spec_reports_nothing()
    {
        var findings = Check("""{"id":"j1","status":"done","duration":null,"progress":3600.0,"ok":true,"meta":{"x":[1]},"transcript":{"words":[{"text":"hi","start":0}]}}""");

        Assert.That(findings, Is.Empty);
    }

    [Test]
    public void An_unknown_field_is_reported_with_its_path_and_raw_value()
    {
        var finding = Check("""{"id":"j1","status":"done","transcript":{"words":[{"text":"hi","start":0,"confidence":0.9}]}}""").Single();

        Assert.That(finding, Is.EqualTo(new DriftFinding("testvendor", "getThing", DriftKind.UnknownField, "$.transcript.words[0].confidence", "a property of Word", "0.9")));
    }

    [Test]
    public void A_missing_required_field_is_reported_without_a_raw_value()
    {
        var finding = Check("""{"id":"j1"}""").Single();

        Assert.That(finding.Kind, Is.EqualTo(DriftKind.MissingRequiredField));
        Assert.That(finding.Path, Is.EqualTo("$.status"));
        Assert.That(finding.Expected, Is.EqualTo("required one of queued, running, done"));
        Assert.That(finding.RawValue, Is.Null);
    }

    [TestCase("""{"id":7,"status":"done"}""", "$.id", "string", "7")]
    [TestCase("""{"id":"j","status":"done","progress":12.5}""", "$.progress", "integer", "12.5")]
    [TestCase("""{"id":"j","status":"done","progress":"12"}""", "$.progress", "integer", "12")]
    [TestCase("""{"id":"j","status":"done","ok":"false"}""", "$.ok", "boolean", "false")]
    [TestCase("""{"id":"j","status":null}""", "$.status", "one of queued, running, done", "null")]
    [TestCase("""{"id":"j","status":"done","transcript":[]}""", "$.transcript", "Transcript", "[]")]
    public void A_value_of_another_kind_is_a_type_mismatch(string json, string path, string expected, string raw)
    {
        var finding = Check(json).Single();

        Assert.That(finding, Is.EqualTo(new DriftFinding("testvendor", "getThing", DriftKind.TypeMismatch, path, expected, raw)));
    }

    [Test]
    public void An_unknown_status_value_is_reported_as_an_unknown_enum_value()
    {
        var finding = Check("""{"id":"j1","status":"stuck_in_review"}""").Single();

        Assert.That(finding, Is.EqualTo(new DriftFinding("testvendor", "getThing", DriftKind.UnknownEnumValue, "$.status", "one of queued, running, done", "stuck_in_review")));
    }

    [Test]
    public void An_undocumented_status_code_is_reported_and_a_documented_one_is_not()
    {
        var report = new DriftReport();

        DriftCheck.CheckStatus(DriftSchemas.Job, "getThing", 404, report);
        DriftCheck.CheckStatus(DriftSchemas.Job, "getThing", 202, report);

        Assert.That(report.Findings.Single(), Is.EqualTo(new DriftFinding("testvendor", "getThing", DriftKind.UndocumentedStatus, "$", "200, 404", "202")));
    }

    [Test]
    public void A_raw_value_never_shows_the_clients_key_and_is_truncated()
    {
        const string key = "sk_live_0123456789abcdef";
        var finding = Check($$"""{"id":"j1","status":"done","echo":"{{key}} {{new string('x', 200)}}"}""", mask: SecretMask.For([key])).Single();

        Assert.That(finding.RawValue, Does.Not.Contain(key).And.Contain(SecretMask.Marker));
        Assert.That(finding.RawValue!.Length, Is.LessThanOrEqualTo(DriftCheck.MaxRawLength + 1));
    }

    [Test]
    public void A_body_that_is_not_json_or_an_operation_without_a_schema_reports_nothing()
    {
        Assert.That(Check("<html>502</html>"), Is.Empty);
        Assert.That(Check("""{"anything":1}""", operation: "notInTheSpec"), Is.Empty);
    }

    [Test]
    public void A_deeply_nested_body_stops_at_the_depth_limit_instead_of_recursing_without_end()
    {
        var json = """{"id":"j","status":"done","meta":""" + new string('[', 5000) + new string(']', 5000) + "}";

        Assert.That(Check(json), Is.Empty);
    }
}
