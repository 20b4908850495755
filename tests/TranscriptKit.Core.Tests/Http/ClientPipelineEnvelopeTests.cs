using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Runtime;

namespace TranscriptKit.Core.Tests.Http;

/// <summary>Envelopes are unwrapped in one pass over the bytes: unknown fields, however large, are skipped, never materialised.</summary>
[CancelAfter(60_000)]
public class ClientPipelineEnvelopeTests
{
    private static readonly VendorDescriptor s_vendor = PipelineFixture.Vendor with
    {
        Envelope = new EnvelopeDescriptor("code", "msg", "data", [0], [new EnvelopeErrorRule(1001, null, "QuotaExceeded", ErrorKind.RateLimit)]),
    };

    private static readonly JsonReadFunc<string> s_readName = (ref System.Text.Json.Utf8JsonReader reader) =>
    {
        JsonPrimitives.ExpectStartObject(ref reader, "Thing");
        string? name = null;
        while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.PropertyName)
        {
            var isName = reader.ValueTextEquals("name");
            reader.Read();
            if (isName)
            {
                name = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return name ?? throw new System.Text.Json.JsonException("no name");
    };

    private static async Task<string> Read(PipelineFixture fixture, OperationDescriptor operation)
    {
        var response = await fixture.Pipeline.SendAsync(fixture.Request(), null, operation, CancellationToken.None);
        return await fixture.Pipeline.ReadEnvelopeAsync(response, operation.OperationId, s_readName, CancellationToken.None);
    }

    [Test]
    public async Task Data_is_read_whatever_order_and_unknown_fields_the_envelope_has()
    {
        var fixture = new PipelineFixture(vendor: s_vendor);
        fixture.Handler.Respond(HttpStatusCode.OK, "{\"trace\":{\"a\":[1,2,{\"b\":null}]},\"data\":{\"name\":\"clip\",},\"msg\":\"ok\",\"code\":0,}");

        Assert.That(await Read(fixture, PipelineFixture.Get), Is.EqualTo("clip"));
    }

    [Test]
    public void Business_error_under_HTTP_200_is_a_refusal_of_the_submission()
    {
        var fixture = new PipelineFixture(vendor: s_vendor);
        fixture.Handler.Respond(HttpStatusCode.OK, "{\"code\":1001,\"msg\":\"quota exceeded\",\"data\":null}");

        var error = Assert.ThrowsAsync<TranscriptKitRateLimitException>(() => Read(fixture, PipelineFixture.StartJob))!;

        Assert.That(error.Reason, Is.EqualTo("QuotaExceeded"));
        Assert.That(error.Submission, Is.EqualTo(SubmissionOutcome.NotAccepted));
        Assert.That(error.OperationId, Is.EqualTo("startJob"));
    }

    [Test]
    public void Truncated_envelope_is_a_response_error_naming_the_operation()
    {
        var fixture = new PipelineFixture(vendor: s_vendor);
        fixture.Handler.Respond(HttpStatusCode.OK, "{\"code\":0,\"data\":{\"name\":\"cl");

        var error = Assert.ThrowsAsync<TranscriptKitResponseException>(() => Read(fixture, PipelineFixture.StartJob))!;

        Assert.That(error.Message, Does.Contain("startJob"));
        Assert.That(error.Submission, Is.EqualTo(SubmissionOutcome.Unknown), "HTTP 200 came back: the job may exist");
    }

    [Test]
    public async Task A_20_MB_unknown_field_costs_about_the_body_once_not_a_document_of_it()
    {
        const int size = 20 * 1024 * 1024;
        var junk = new StringBuilder(size + 64).Append("{\"code\":0,\"junk\":\"").Append('x', size).Append("\",\"data\":{\"name\":\"clip\"},\"msg\":\"ok\"}").ToString();
        var bytes = Encoding.UTF8.GetBytes(junk);
        var fixture = new PipelineFixture(vendor: s_vendor, configure: o => o.MaxResponseBodyBytes = 64 * 1024 * 1024);
        fixture.Handler.Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) });

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var name = await Read(fixture, PipelineFixture.Get);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        TestContext.Out.WriteLine($"allocated {allocated:N0} bytes for a {bytes.Length:N0}-byte body");

        Assert.That(name, Is.EqualTo("clip"));
        Assert.That(allocated, Is.LessThan(2L * bytes.Length), "the body is buffered once (Content-Length known); the unknown field is skipped in place");
    }

    [Test]
    public async Task A_20_MB_chunked_body_without_content_length_is_copied_once_not_doubled()
    {
        const int size = 20 * 1024 * 1024;
        var bytes = Encoding.UTF8.GetBytes(new StringBuilder(size + 64).Append("{\"code\":0,\"junk\":\"").Append('x', size).Append("\",\"data\":{\"name\":\"clip\"},\"msg\":\"ok\"}").ToString());
        var fixture = new PipelineFixture(vendor: s_vendor, configure: o => o.MaxResponseBodyBytes = 64 * 1024 * 1024);
        // A stream that cannot seek: StreamContent then sends no Content-Length, as a chunked answer would.
        fixture.Handler.Otherwise(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new UnseekableStream(bytes)) });
        Assert.That(await Read(fixture, PipelineFixture.Get), Is.EqualTo("clip"), "warm-up: the pool now holds chunks");

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var name = await Read(fixture, PipelineFixture.Get);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        TestContext.Out.WriteLine($"allocated {allocated:N0} bytes for a {bytes.Length:N0}-byte body without Content-Length");

        Assert.That(name, Is.EqualTo("clip"));
        Assert.That(allocated, Is.LessThan(2L * bytes.Length), "MemoryStream's doubling allocated up to 4× the body");
    }

    private sealed class UnseekableStream(byte[] bytes) : System.IO.MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
    }
}
