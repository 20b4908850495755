using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions;
using NUnit.Framework;
using TranscriptKit.Runtime;

namespace TranscriptKit.Core.Tests.Http;

/// <summary>
/// The body is part of the attempt: it is read under the per-attempt timeout, capped, and a cut body is a transport
/// fault. Every test runs through both ways generated code reads: one <c>SendAndRead…</c> call (pooled buffer), and
/// <see cref="ClientPipeline.SendAsync"/> then a <c>Read…Async</c> (code generated before those existed).
/// </summary>
[CancelAfter(20_000)]
[TestFixture(true)]
[TestFixture(false)]
public class ClientPipelineBodyTests(bool sendAndRead)
{
    private static Task<T> Drive<T>(PipelineFixture fixture, Task<T> task) =>
        Eventually.Drive(fixture.Clock, task, TimeSpan.FromMilliseconds(250));

    private async Task<string> GetAsync(PipelineFixture fixture, OperationDescriptor operation, Method method = Method.GET)
    {
        if (sendAndRead)
        {
            return await fixture.Pipeline.SendAndReadJsonAsync(fixture.Request(method), null, operation, PipelineFixture.ReadOk, CancellationToken.None);
        }

        var response = await fixture.Pipeline.SendAsync(fixture.Request(method), null, operation, CancellationToken.None);
        return await fixture.Pipeline.ReadJsonAsync(response, PipelineFixture.ReadOk, CancellationToken.None);
    }

    [Test]
    public void Body_that_stalls_after_the_headers_times_out_within_the_request_timeout()
    {
        var fixture = new PipelineFixture(retry: new RetryOptions { MaxRetries = 0 }, requestTimeout: TimeSpan.FromSeconds(2));
        fixture.Handler.Otherwise(_ => new ScriptedStream().Bytes("{\"a\":").Stall().Response());

        var error = Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => Drive(fixture, GetAsync(fixture, PipelineFixture.Get)))!;

        Assert.That(error.Message, Does.Contain("Test Vendor").And.Contain("getThing").And.Contain("2 s"));
        Assert.That(error.OperationId, Is.EqualTo("getThing"));
        Assert.That(error.Submission, Is.EqualTo(SubmissionOutcome.NotASubmission));
    }

    [Test]
    public async Task Stalled_body_on_an_idempotent_call_is_retried_like_a_timeout()
    {
        var fixture = new PipelineFixture(requestTimeout: TimeSpan.FromSeconds(2));
        fixture.Handler.Respond(_ => new ScriptedStream().Bytes("{").Stall().Response()).Respond(HttpStatusCode.OK, "{\"ok\":true}");

        Assert.That(await Drive(fixture, GetAsync(fixture, PipelineFixture.Get)), Is.EqualTo("ok"));
        Assert.That(fixture.Handler.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void Stalled_body_on_a_job_starting_POST_is_not_resent_and_the_submission_is_unknown()
    {
        var fixture = new PipelineFixture(requestTimeout: TimeSpan.FromSeconds(2));
        fixture.Handler.Otherwise(_ => new ScriptedStream().Bytes("{\"id\":").Stall().Response());

        var error = Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => Drive(fixture, GetAsync(fixture, PipelineFixture.StartJob, Method.POST)))!;

        Assert.That(fixture.Handler.Requests, Has.Count.EqualTo(1));
        Assert.That(error.Submission, Is.EqualTo(SubmissionOutcome.Unknown));
        Assert.That(error.OperationId, Is.EqualTo("startJob"));
    }

    [Test]
    public async Task Truncated_200_on_an_idempotent_call_is_retried_like_a_reset()
    {
        var fixture = new PipelineFixture();
        fixture.Handler.Respond(_ => new ScriptedStream().Bytes("{\"ok\":").Cut().Response()).Respond(HttpStatusCode.OK, "{\"ok\":true}");

        Assert.That(await Drive(fixture, GetAsync(fixture, PipelineFixture.Get)), Is.EqualTo("ok"));
        Assert.That(fixture.Handler.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void Body_cut_mid_way_is_a_typed_transport_error_naming_vendor_and_operation()
    {
        var fixture = new PipelineFixture(retry: new RetryOptions { MaxRetries = 1, BaseDelay = TimeSpan.FromSeconds(1) });
        fixture.Handler.Otherwise(_ => new ScriptedStream().Bytes("{\"ok\":").Cut().Response());

        var error = Assert.ThrowsAsync<TranscriptKitTransportException>(() => Drive(fixture, GetAsync(fixture, PipelineFixture.Get)))!;

        Assert.That(error.Message, Does.Contain("Test Vendor").And.Contain("getThing"));
        Assert.That(error.InnerException, Is.InstanceOf<System.IO.IOException>());
        Assert.That(fixture.Handler.Requests, Has.Count.EqualTo(2), "retried once, as MaxRetries says");
    }

    [Test]
    public void Body_cut_mid_way_on_a_job_starting_POST_is_sent_once_and_unknown()
    {
        var fixture = new PipelineFixture();
        fixture.Handler.Otherwise(_ => new ScriptedStream().Bytes("{\"id\":").Cut().Response());

        var error = Assert.ThrowsAsync<TranscriptKitTransportException>(() => Drive(fixture, GetAsync(fixture, PipelineFixture.StartJob, Method.POST)))!;

        Assert.That(fixture.Handler.Requests, Has.Count.EqualTo(1));
        Assert.That(error.Submission, Is.EqualTo(SubmissionOutcome.Unknown), "a 200 arrived: the vendor accepted the job, its id was lost");
    }

    [Test]
    public void Body_declaring_more_than_the_cap_is_refused_before_a_byte_is_read()
    {
        var fixture = new PipelineFixture(configure: o => o.MaxResponseBodyBytes = 1024);
        var body = new ScriptedStream().Bytes(new byte[4096]);
        fixture.Handler.Otherwise(_ => body.Response(contentLength: 4096));

        var error = Assert.ThrowsAsync<TranscriptKitResponseException>(() => Drive(fixture, GetAsync(fixture, PipelineFixture.Get)))!;

        Assert.That(error.Message, Does.Contain("MaxResponseBodyBytes").And.Contain("getThing"));
        Assert.That(body.BytesRead, Is.Zero);
        Assert.That(fixture.Handler.Requests, Has.Count.EqualTo(1), "a body over the cap is not retried");
    }

    [Test]
    public void Chunked_body_over_the_cap_is_refused_while_reading_not_after_buffering_it()
    {
        var fixture = new PipelineFixture(configure: o => o.MaxResponseBodyBytes = 64 * 1024);
        var body = new ScriptedStream();
        for (var i = 0; i < 1000; i++)
        {
            body.Bytes(new byte[16 * 1024]);
        }

        fixture.Handler.Otherwise(_ => body.Response());

        Assert.ThrowsAsync<TranscriptKitResponseException>(() => Drive(fixture, GetAsync(fixture, PipelineFixture.Get)));
        Assert.That(body.BytesRead, Is.LessThanOrEqualTo(64 * 1024 + 16 * 1024), "reading stops at the cap");
    }

    [Test]
    public void Error_body_that_stalls_still_yields_the_typed_status_error()
    {
        var fixture = new PipelineFixture(retry: new RetryOptions { MaxRetries = 0 }, requestTimeout: TimeSpan.FromSeconds(2));
        fixture.Handler.Otherwise(_ => new ScriptedStream().Bytes("{\"error\":").Stall().Response(HttpStatusCode.BadRequest));

        var error = Assert.ThrowsAsync<TranscriptKitBadRequestException>(() => Drive(fixture, GetAsync(fixture, PipelineFixture.StartJob, Method.POST)))!;

        Assert.That(error.Submission, Is.EqualTo(SubmissionOutcome.NotAccepted));
        Assert.That(error.OperationId, Is.EqualTo("startJob"));
    }

    [Test]
    public async Task Text_bodies_are_read_inside_the_attempt_too()
    {
        var fixture = new PipelineFixture(requestTimeout: TimeSpan.FromSeconds(2));
        fixture.Handler.Respond(_ => new ScriptedStream().Bytes("1\n00:00").Stall().Response(mediaType: "text/plain")).Respond(HttpStatusCode.OK, "1\n00:00:01", "text/plain");

        var text = await Drive(fixture, ReadText(fixture));

        Assert.That(text, Is.EqualTo("1\n00:00:01"));

        async Task<string> ReadText(PipelineFixture fixture)
        {
            if (sendAndRead)
            {
                return await fixture.Pipeline.SendAndReadTextAsync(fixture.Request(), null, PipelineFixture.Get, CancellationToken.None);
            }

            var response = await fixture.Pipeline.SendAsync(fixture.Request(), null, PipelineFixture.Get, CancellationToken.None);
            return await fixture.Pipeline.ReadTextAsync(response, CancellationToken.None);
        }
    }
}
