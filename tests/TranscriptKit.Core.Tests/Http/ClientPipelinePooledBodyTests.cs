using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions;
using NUnit.Framework;
using TranscriptKit.Runtime;

namespace TranscriptKit.Core.Tests.Http;

/// <summary>
/// The <c>SendAndRead…</c> methods parse a body from a pooled buffer and map an error from one: each call must read
/// only its own bytes, whatever the pool hands to the calls beside it, and nothing about the answer may change.
/// </summary>
[CancelAfter(20_000)]
public class ClientPipelinePooledBodyTests
{
    private static readonly JsonReadFunc<string> s_readId = (ref Utf8JsonReader reader) =>
    {
        JsonPrimitives.ExpectStartObject(ref reader, "Thing");
        string? id = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "id")
            {
                id = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return id ?? throw new JsonException("no id");
    };

    private static readonly JsonReadFunc<int> s_readLength = (ref Utf8JsonReader reader) =>
    {
        JsonPrimitives.ExpectStartObject(ref reader, "Padded");
        reader.Read();
        reader.Read();
        var length = reader.GetString()!.Length;
        reader.Read();
        return length;
    };

    [Test]
    public async Task Concurrent_calls_each_read_their_own_body_and_error_while_buffers_are_reused()
    {
        var fixture = new PipelineFixture(retry: new RetryOptions { MaxRetries = 0 });
        fixture.Handler.Otherwise(request =>
        {
            var id = int.Parse(request.Uri.Segments[^1], System.Globalization.CultureInfo.InvariantCulture);

            // Lengths that land in different pool buckets, so buffers are handed from call to call.
            var pad = new string('x', (id * 7919) % 5000);
            return id % 3 == 0
                ? new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent($$"""{"error":"refused {{id}} {{pad}}"}""", Encoding.UTF8, "application/json") }
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent($$"""{"pad":"{{pad}}","id":"{{id}}"}""", Encoding.UTF8, "application/json") };
        });

        var calls = Enumerable.Range(1, 600).Select(id => Task.Run(async () =>
        {
            var request = fixture.Request();
            request.PathParameters["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            try
            {
                var read = await fixture.Pipeline.SendAndReadJsonAsync(request, null, PipelineFixture.Get, s_readId, CancellationToken.None);
                return id % 3 != 0 && read == id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (TranscriptKitBadRequestException ex)
            {
                return id % 3 == 0 && ex.Message.Contains($"refused {id} ", StringComparison.Ordinal);
            }
        }));

        var results = await Task.WhenAll(calls);

        Assert.That(results.Count(ok => !ok), Is.Zero, "every call got its own body or its own error");
    }

    [Test]
    public void A_success_body_the_model_cannot_read_on_a_job_starting_call_may_have_started_a_job()
    {
        var fixture = new PipelineFixture();
        fixture.Handler.Otherwise(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":5}""", Encoding.UTF8, "application/json") });

        var error = Assert.ThrowsAsync<TranscriptKitResponseException>(async () =>
            await fixture.Pipeline.SendAndReadJsonAsync(fixture.Request(Method.POST), null, PipelineFixture.StartJob, s_readId, CancellationToken.None))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Submission, Is.EqualTo(SubmissionOutcome.Unknown), "a 200 came back: the vendor accepted the job, its answer was unreadable");
            Assert.That(error.OperationId, Is.EqualTo("startJob"));
            Assert.That(error.Message, Does.Contain("Test Vendor").And.Contain("$.id"));
            Assert.That(fixture.Handler.Requests, Has.Count.EqualTo(1));
        });
    }

    [TestCase(10, true)]
    [TestCase(1024 * 1024 + 10, true)]
    [TestCase(100_000, false)]
    public async Task Bodies_of_any_size_with_or_without_a_length_parse_whole(int size, bool declared)
    {
        var fixture = new PipelineFixture();
        var json = Encoding.UTF8.GetBytes($$"""{"s":"{{new string('y', size)}}"}""");
        fixture.Handler.Otherwise(_ =>
        {
            var content = declared ? (HttpContent)new ByteArrayContent(json) : new StreamContent(new UnknownLengthStream(json));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });

        var length = await fixture.Pipeline.SendAndReadJsonAsync(fixture.Request(), null, PipelineFixture.Get, s_readLength, CancellationToken.None);

        Assert.That(length, Is.EqualTo(size));
    }

    [Test]
    public async Task A_body_longer_than_its_Content_Length_is_read_whole_from_the_pool_too()
    {
        var fixture = new PipelineFixture();
        fixture.Handler.Otherwise(_ =>
        {
            var content = new StreamContent(new System.IO.MemoryStream(Encoding.UTF8.GetBytes("""{"s":"0123456789"}""")));
            content.Headers.ContentLength = 5;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });

        Assert.That(await fixture.Pipeline.SendAndReadJsonAsync(fixture.Request(), null, PipelineFixture.Get, s_readLength, CancellationToken.None), Is.EqualTo(10));
        Assert.That(await fixture.Pipeline.SendAndReadTextAsync(fixture.Request(), null, PipelineFixture.Get, CancellationToken.None), Is.EqualTo("""{"s":"0123456789"}"""));
    }

    [Test]
    public async Task An_answer_the_first_attempt_retries_counts_as_that_attempt()
    {
        // The first attempt runs outside the retry pipeline, which then takes its answer as attempt one: MaxRetries = 1
        // still means two requests in all, and the error carries the last answer's body.
        var fixture = new PipelineFixture(retry: new RetryOptions { MaxRetries = 1, BaseDelay = TimeSpan.FromSeconds(1) });
        fixture.Handler
            .Respond(HttpStatusCode.ServiceUnavailable, """{"error":"first"}""")
            .Respond(HttpStatusCode.ServiceUnavailable, """{"error":"second"}""")
            .Otherwise(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"late"}""") });

        var call = fixture.Pipeline.SendAndReadJsonAsync(fixture.Request(), null, PipelineFixture.Get, s_readId, CancellationToken.None).AsTask();
        var error = Assert.ThrowsAsync<TranscriptKitServerException>(() => Eventually.Drive(fixture.Clock, call, TimeSpan.FromMilliseconds(250)))!;

        Assert.That(error.Message, Does.Contain("second").And.Not.Contain("first"));
        Assert.That(fixture.Handler.Requests, Has.Count.EqualTo(2));

        // And a retried answer followed by success returns the success.
        fixture.Handler.Respond(HttpStatusCode.TooManyRequests, """{"error":"slow down"}""");
        var second = fixture.Pipeline.SendAndReadJsonAsync(fixture.Request(), null, PipelineFixture.Get, s_readId, CancellationToken.None).AsTask();
        Assert.That(await Eventually.Drive(fixture.Clock, second, TimeSpan.FromMilliseconds(250)), Is.EqualTo("late"));
        Assert.That(fixture.Handler.Requests, Has.Count.EqualTo(4));
    }

    /// <summary>A body whose length is not known up front, as a chunked response's.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : System.IO.MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
