using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions;
using NUnit.Framework;
using TranscriptKit;
using TranscriptKit.Core.Tests.Http;
using TranscriptKit.Runtime;

namespace TranscriptKit.Core.Tests.Drift;

/// <summary>
/// Drift inside <c>{code, msg, data}</c> envelopes and inside each Server-Sent Event's JSON is reported with a path that
/// says where (<c>$.data.status</c>, <c>event[final].caption.text</c>); with drift off, the schema is never even built.
/// </summary>
[CancelAfter(20_000)]
public class EnvelopeAndEventDriftTests
{
    private static readonly ResponseSchema s_schema = new(
        "testvendor",
        [
            new ResponseModel("Envelope", [
                new SchemaProperty("code", new SchemaNode(SchemaKind.Integer), Required: true),
                new SchemaProperty("msg", new SchemaNode(SchemaKind.String), Required: true),
                new SchemaProperty("data", new SchemaNode(SchemaKind.Object, Model: "Job", Nullable: true), Required: false),
            ]),
            .. DriftSchemas.Job.Models.Values,
            new ResponseModel("Final", [
                new SchemaProperty("ok", new SchemaNode(SchemaKind.Boolean), Required: true),
                new SchemaProperty("caption", new SchemaNode(SchemaKind.Object, Model: "Caption"), Required: false),
            ]),
            new ResponseModel("Caption", [
                new SchemaProperty("text", new SchemaNode(SchemaKind.String), Required: true),
                new SchemaProperty("start", new SchemaNode(SchemaKind.Number), Required: false),
            ]),
            new ResponseModel("Progress", [
                new SchemaProperty("pct", new SchemaNode(SchemaKind.Number), Required: true),
            ]),
        ],
        [
            new OperationResponse("getThing", [200], new SchemaNode(SchemaKind.Object, Model: "Envelope")),
            new OperationResponse("startJob", [200], new SchemaNode(SchemaKind.Object, Model: "Envelope")),
            new OperationResponse("transcribe", [200], new SchemaNode(SchemaKind.Object, Model: "Final"), new Dictionary<string, SchemaNode>
            {
                ["progress"] = new(SchemaKind.Object, Model: "Progress"),
                ["final"] = new(SchemaKind.Object, Model: "Final"),
                ["done"] = new(SchemaKind.Object, Model: "Final"),
            }),
        ]);

    private static readonly EnvelopeDescriptor s_envelope = new("code", "msg", "data", [0], []);
    private static readonly SseDescriptor s_stream = new("transcribe", "done", "error");
    private static readonly OperationDescriptor s_transcribe = new("transcribe", Idempotent: false, Timeout: TimeSpan.FromSeconds(600));

    private static readonly JsonReadFunc<string> s_skip = (ref System.Text.Json.Utf8JsonReader reader) =>
    {
        reader.Skip();
        return "read";
    };

    private static PipelineFixture Fixture(DriftReport? report, Func<ResponseSchema>? schema = null) =>
        new(vendor: PipelineFixture.Vendor with { Envelope = s_envelope, Responses = schema ?? (() => s_schema) }, retry: new RetryOptions { MaxRetries = 0 }, configure: o =>
        {
            o.Drift = report;
            o.EventIdleTimeout = TimeSpan.FromSeconds(10);
        });

    private static async Task<string> ReadEnvelope(PipelineFixture fixture, OperationDescriptor operation)
    {
        var response = await fixture.Pipeline.SendAsync(fixture.Request(), null, operation, CancellationToken.None);
        return await fixture.Pipeline.ReadEnvelopeAsync(response, operation.OperationId, s_skip, CancellationToken.None);
    }

    private static async Task<List<string>> ReadEvents(PipelineFixture fixture, string stream)
    {
        fixture.Handler.Otherwise(_ => new ScriptedStream().Bytes(stream).Response(mediaType: "text/event-stream"));
        var request = fixture.Request(Method.POST);
        var response = await fixture.Pipeline.SendAsync(request, null, s_transcribe, CancellationToken.None);
        var names = new List<string>();
        await foreach (var item in fixture.Pipeline.ReadEventsAsync(response, s_stream, CancellationToken.None))
        {
            names.Add(item.EventType);
        }

        return names;
    }

    [Test]
    public async Task Drift_inside_an_envelopes_data_is_reported_under_dollar_data_and_the_data_still_returns()
    {
        var report = new DriftReport();
        var fixture = Fixture(report);
        fixture.Handler.Respond(HttpStatusCode.OK, """{"code":0,"msg":"ok","trace":"t-1","data":{"id":"j1","status":"paused","progress":2.5,"eta":3}}""");

        Assert.That(await ReadEnvelope(fixture, PipelineFixture.Get), Is.EqualTo("read"));
        Assert.That(report.Findings.Select(f => (f.Kind, f.Path, f.RawValue)), Is.EquivalentTo(new[]
        {
            (DriftKind.UnknownField, "$.trace", "\"t-1\""),
            (DriftKind.UnknownEnumValue, "$.data.status", "paused"),
            (DriftKind.TypeMismatch, "$.data.progress", "2.5"),
            (DriftKind.UnknownField, "$.data.eta", "3"),
        }));
        Assert.That(report.Findings.All(f => f is { Vendor: "testvendor", OperationId: "getThing" }));
    }

    [Test]
    public void A_business_refusal_whose_envelope_drifted_is_reported_and_still_thrown_as_before()
    {
        var report = new DriftReport();
        var fixture = Fixture(report);
        fixture.Handler.Respond(HttpStatusCode.OK, """{"code":"E42","data":null}""");

        Assert.ThrowsAsync(Is.InstanceOf<TranscriptKitException>(), () => ReadEnvelope(fixture, PipelineFixture.StartJob));
        Assert.That(report.Findings.Select(f => (f.Kind, f.Path)), Is.EquivalentTo(new[]
        {
            (DriftKind.TypeMismatch, "$.code"),
            (DriftKind.MissingRequiredField, "$.msg"),
        }));
    }

    [Test]
    public async Task Drift_inside_each_events_json_is_reported_under_the_events_name()
    {
        var report = new DriftReport();
        var fixture = Fixture(report);

        var names = await Eventually.Drive(fixture.Clock, ReadEvents(fixture, """
            event: progress
            data: {"pct":"ten"}

            event: final
            data: {"ok":true,"caption":{"text":7,"start":0.5,"lang":"en"}}

            event: heartbeat
            data: {"at":1}

            event: done
            data: {"ok":true}


            """.Replace("\r\n", "\n")), TimeSpan.FromSeconds(1));

        Assert.That(names, Is.EqualTo(new[] { "progress", "final", "heartbeat", "done" }), "the events are unchanged");
        Assert.That(report.Findings.Select(f => (f.Kind, f.Path)), Is.EquivalentTo(new[]
        {
            (DriftKind.TypeMismatch, "event[progress].pct"),
            (DriftKind.TypeMismatch, "event[final].caption.text"),
            (DriftKind.UnknownField, "event[final].caption.lang"),
            (DriftKind.UnknownEvent, "event[heartbeat]"),
        }));
        Assert.That(report.Findings.Single(f => f.Kind == DriftKind.UnknownEvent).Expected, Is.EqualTo("one of progress, final, done"));
    }

    [Test]
    public void An_event_echoing_the_key_is_reported_masked()
    {
        var report = new DriftReport();

        DriftCheck.CheckEvent(s_schema, "transcribe", "final", Encoding.UTF8.GetBytes("""{"ok":true,"debug":"auth=secret-key-123"}"""), SecretMask.Of(new TranscriptKit.Authentication.BearerTokenAuthenticationProvider("secret-key-123")), report);

        Assert.That(report.Findings.Single().RawValue, Does.Not.Contain("secret-key-123").And.Contain(SecretMask.Marker));
    }

    [Test]
    public async Task With_drift_off_no_schema_is_built_for_plain_enveloped_or_streamed_answers()
    {
        var built = 0;
        var fixture = Fixture(report: null, schema: () =>
        {
            Interlocked.Increment(ref built);
            return s_schema;
        });
        fixture.Handler.Respond(HttpStatusCode.OK, """{"code":0,"msg":"ok","trace":"t-1","data":{"id":"j1","status":"paused"}}""");

        await ReadEnvelope(fixture, PipelineFixture.Get);
        await Eventually.Drive(fixture.Clock, ReadEvents(fixture, "event: heartbeat\ndata: {}\n\nevent: done\ndata: {\"ok\":1}\n\n"), TimeSpan.FromSeconds(1));

        Assert.That(built, Is.Zero, "drift off: the pipeline never builds the vendor's schema, so no DriftCheck can run");
    }
}
