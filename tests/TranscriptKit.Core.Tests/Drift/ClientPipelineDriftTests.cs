using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit;
using TranscriptKit.Core.Tests.Http;
using TranscriptKit.Runtime;

namespace TranscriptKit.Core.Tests.Drift;

/// <summary>With a report on the options the pipeline checks every answer without changing what the call returns or throws.</summary>
[CancelAfter(20_000)]
public class ClientPipelineDriftTests
{
    private static readonly VendorDescriptor s_vendor = PipelineFixture.Vendor with { Responses = () => DriftSchemas.Job };

    private static readonly JsonReadFunc<string> s_readId = (ref System.Text.Json.Utf8JsonReader reader) =>
    {
        JsonPrimitives.ExpectStartObject(ref reader, "Job");
        reader.Skip();
        return "read";
    };

    private static async Task<string> GetAsync(PipelineFixture fixture)
    {
        var response = await fixture.Pipeline.SendAsync(fixture.Request(), null, PipelineFixture.Get, CancellationToken.None);
        return await fixture.Pipeline.ReadJsonAsync(response, s_readId, CancellationToken.None);
    }

    [Test]
    public async Task A_success_body_that_drifts_is_reported_and_still_returned()
    {
        var report = new DriftReport();
        var fixture = new PipelineFixture(vendor: s_vendor, configure: o => o.Drift = report);
        fixture.Handler.Respond(HttpStatusCode.OK, """{"id":"j1","status":"paused","region":"eu"}""");

        Assert.That(await GetAsync(fixture), Is.EqualTo("read"));
        Assert.That(report.Findings.Select(f => (f.Kind, f.Path, f.RawValue)), Is.EquivalentTo(new[]
        {
            (DriftKind.UnknownEnumValue, "$.status", "paused"),
            (DriftKind.UnknownField, "$.region", "\"eu\""),
        }));
        Assert.That(report.Findings.All(f => f is { Vendor: "testvendor", OperationId: "getThing" }));
    }

    [Test]
    public void An_undocumented_error_status_is_reported_and_the_call_still_fails_as_before()
    {
        var report = new DriftReport();
        var fixture = new PipelineFixture(vendor: s_vendor, retry: new RetryOptions { MaxRetries = 0 }, configure: o => o.Drift = report);
        fixture.Handler.Respond((HttpStatusCode)418, """{"msg":"teapot"}""");

        Assert.ThrowsAsync(Is.InstanceOf<TranscriptKitException>(), () => GetAsync(fixture));
        Assert.That(report.Findings.Single(), Is.EqualTo(new DriftFinding("testvendor", "getThing", DriftKind.UndocumentedStatus, "$", "200, 404", "418")));
    }

    [Test]
    public async Task A_drifting_body_echoing_the_key_is_reported_masked()
    {
        var report = new DriftReport();
        var fixture = new PipelineFixture(vendor: s_vendor, configure: o => o.Drift = report);
        fixture.Handler.Respond(HttpStatusCode.OK, """{"id":"j1","status":"done","debug":"auth=secret-key-123"}""");

        await GetAsync(fixture);

        Assert.That(report.Findings.Single().RawValue, Does.Not.Contain("secret-key-123").And.Contain(SecretMask.Marker));
    }

    [Test]
    public async Task A_report_for_a_vendor_without_a_generated_schema_stays_empty()
    {
        var report = new DriftReport();
        var fixture = new PipelineFixture(configure: o => o.Drift = report);
        fixture.Handler.Respond(HttpStatusCode.OK, """{"id":"j1","status":"paused","region":"eu"}""");

        await GetAsync(fixture);

        Assert.That(report.Findings, Is.Empty);
    }
}
