using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions;
using NUnit.Framework;
using TranscriptKit.Runtime;

namespace TranscriptKit.Core.Tests.Http;

/// <summary>Retries: idempotent requests after 429/5xx/transport faults; a job-starting POST only after 429.</summary>
public class ClientPipelineRetryTests
{
    private static Task<T> Drive<T>(PipelineFixture fixture, Task<T> task) =>
        Eventually.Drive(fixture.Clock, task, TimeSpan.FromMilliseconds(250));

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    [TestCase(HttpStatusCode.TooManyRequests)]
    public async Task Idempotent_GET_is_retried_after(HttpStatusCode status)
    {
        var fixture = new PipelineFixture();
        fixture.Handler.Respond(status, "{}").Respond(HttpStatusCode.OK, "{\"ok\":true}");

        using var response = await Drive(fixture, fixture.Pipeline.SendAsync(fixture.Request(), null, PipelineFixture.Get, CancellationToken.None));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(fixture.Handler.Requests, Has.Count.EqualTo(2));
    }

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    public void Job_starting_POST_is_never_resent_after(HttpStatusCode status)
    {
        var fixture = new PipelineFixture();
        fixture.Handler.Otherwise(_ => new HttpResponseMessage(status) { Content = new StringContent("{\"error\":\"busy\"}") });

        Assert.ThrowsAsync<TranscriptKitServerException>(() => Drive(fixture, fixture.Pipeline.SendAsync(fixture.Request(Method.POST), null, PipelineFixture.StartJob, CancellationToken.None)));
        Assert.That(fixture.Handler.Requests, Has.Count.EqualTo(1), "a 5xx may hide a job the vendor accepted");
    }

    [Test]
    public void Job_starting_POST_is_never_resent_after_a_transport_fault()
    {
        var fixture = new PipelineFixture();
        fixture.Handler.Otherwise(_ => throw new HttpRequestException("connection reset"));

        var error = Assert.ThrowsAsync<TranscriptKitTransportException>(() => Drive(fixture, fixture.Pipeline.SendAsync(fixture.Request(Method.POST), null, PipelineFixture.StartJob, CancellationToken.None)))!;
        Assert.That(error.Message, Does.Contain("connection reset").And.Contain("startJob"));
        Assert.That(error.Submission, Is.EqualTo(SubmissionOutcome.Unknown), "a reset after sending may hide an accepted job");
        Assert.That(fixture.Handler.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Job_starting_POST_is_resent_after_429_once_Retry_After_has_passed()
    {
        var fixture = new PipelineFixture();
        fixture.Handler
            .Respond(HttpStatusCode.TooManyRequests, "{\"error\":\"slow down\"}", configure: r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(3)))
            .Respond(HttpStatusCode.OK, "{}");

        var send = fixture.Pipeline.SendAsync(fixture.Request(Method.POST), null, PipelineFixture.StartJob, CancellationToken.None);
        await Eventually.Until(() => fixture.Handler.Requests.Count == 1, "first attempt");
        fixture.Clock.Advance(TimeSpan.FromSeconds(2.9));
        await Task.Yield();
        Assert.That(fixture.Handler.Requests, Has.Count.EqualTo(1), "waits as long as Retry-After says");
        fixture.Clock.Advance(TimeSpan.FromSeconds(0.1));
        using var response = await send;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(fixture.Handler.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void Retry_After_longer_than_allowed_surfaces_as_rate_limit_error_with_the_wait()
    {
        var fixture = new PipelineFixture();
        fixture.Handler.Respond(HttpStatusCode.TooManyRequests, "{\"error\":{\"code\":\"RATE_LIMITED\",\"message\":\"Too many requests\"}}", configure: r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMinutes(10)));

        var error = Assert.ThrowsAsync<TranscriptKitRateLimitException>(() => fixture.Pipeline.SendAsync(fixture.Request(), null, PipelineFixture.Get, CancellationToken.None))!;

        Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromMinutes(10)));
        Assert.That(error.ErrorCode, Is.EqualTo("RATE_LIMITED"));
        Assert.That(error.VendorMessage, Is.EqualTo("Too many requests"));
        Assert.That(fixture.Handler.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void Retries_stop_after_MaxRetries()
    {
        var fixture = new PipelineFixture(retry: new RetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) });
        fixture.Handler.Otherwise(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));

        Assert.ThrowsAsync<TranscriptKitServerException>(() => Drive(fixture, fixture.Pipeline.SendAsync(fixture.Request(), null, PipelineFixture.Get, CancellationToken.None)));
        Assert.That(fixture.Handler.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Attempt_timeout_is_retried_for_GET_and_reported_as_timeout_when_retries_run_out()
    {
        var fixture = new PipelineFixture(retry: new RetryOptions { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(100) }, requestTimeout: TimeSpan.FromSeconds(5));
        fixture.Handler.Otherwise(request => throw new InvalidOperationException("unreachable"));
        var hang = new TranscriptKit.Tests.HangingHandler();
        var pipeline = new ClientPipeline(PipelineFixture.Vendor, fixture.Options, new TranscriptKit.Authentication.BearerTokenAuthenticationProvider("k"), new HttpClient(hang));

        var send = pipeline.SendAsync(fixture.Request(), null, PipelineFixture.Get, CancellationToken.None);
        var error = Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => Drive(fixture, send))!;

        Assert.That(hang.Count, Is.EqualTo(2));
        Assert.That(error.Message, Does.Contain("getThing").And.Contain("5 s"));
        await Task.CompletedTask;
    }

    [Test]
    public void Caller_cancellation_is_an_OperationCanceledException_not_a_timeout()
    {
        var fixture = new PipelineFixture();
        var hang = new TranscriptKit.Tests.HangingHandler();
        var pipeline = new ClientPipeline(PipelineFixture.Vendor, fixture.Options, new TranscriptKit.Authentication.BearerTokenAuthenticationProvider("k"), new HttpClient(hang));
        using var cts = new CancellationTokenSource();

        var send = pipeline.SendAsync(fixture.Request(), null, PipelineFixture.Get, cts.Token);
        cts.Cancel();

        Assert.That(async () => await send, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(hang.Count, Is.EqualTo(1));
    }
}
