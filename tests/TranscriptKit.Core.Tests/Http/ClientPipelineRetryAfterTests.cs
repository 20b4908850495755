using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions;
using NUnit.Framework;

namespace TranscriptKit.Core.Tests.Http;

/// <summary>One Retry-After rule: honoured on every retryable status, and a wait over MaxRetryAfter is never slept.</summary>
[CancelAfter(20_000)]
public class ClientPipelineRetryAfterTests
{
    private static Action<HttpResponseMessage> After(TimeSpan wait) => r => r.Headers.RetryAfter = new RetryConditionHeaderValue(wait);

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    [TestCase(HttpStatusCode.TooManyRequests)]
    public async Task Retry_After_is_waited_for_on_every_retryable_status(HttpStatusCode status)
    {
        // Backoff alone would retry after at most 1 s; the vendor asked for 20 s.
        var fixture = new PipelineFixture(retry: new RetryOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(500), MaxDelay = TimeSpan.FromSeconds(1) });
        fixture.Handler.Respond(status, "{}", configure: After(TimeSpan.FromSeconds(20))).Respond(HttpStatusCode.OK, "{}");

        var send = fixture.Pipeline.SendAsync(fixture.Request(), null, PipelineFixture.Get, CancellationToken.None);
        await Eventually.Until(() => fixture.Handler.Requests.Count == 1, "first attempt");
        fixture.Clock.Advance(TimeSpan.FromSeconds(19.9));
        for (var i = 0; i < 50; i++)
        {
            await Task.Yield();
        }

        Assert.That(fixture.Handler.Requests, Has.Count.EqualTo(1), "waits as long as Retry-After says");
        fixture.Clock.Advance(TimeSpan.FromSeconds(0.1));
        using var response = await Eventually.Drive(fixture.Clock, send, TimeSpan.Zero);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    public void Retry_After_over_MaxRetryAfter_is_not_slept_but_surfaces_with_the_wait(HttpStatusCode status)
    {
        var fixture = new PipelineFixture();
        fixture.Handler.Otherwise(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent("{\"error\":\"maintenance\"}") };
            After(TimeSpan.FromSeconds(600))(response);
            return response;
        });

        // No clock advance at all: the error must come without sleeping the 600 s.
        var error = Assert.ThrowsAsync<TranscriptKitServerException>(() => fixture.Pipeline.SendAsync(fixture.Request(), null, PipelineFixture.Get, CancellationToken.None))!;

        Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(600)));
        Assert.That(fixture.Handler.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_5xx_on_a_job_starting_POST_is_not_resent_whatever_Retry_After_says()
    {
        var fixture = new PipelineFixture();
        fixture.Handler.Otherwise(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("{}") };
            After(TimeSpan.FromSeconds(1))(response);
            return response;
        });

        var error = Assert.ThrowsAsync<TranscriptKitServerException>(() => fixture.Pipeline.SendAsync(fixture.Request(Method.POST), null, PipelineFixture.StartJob, CancellationToken.None))!;

        Assert.That(fixture.Handler.Requests, Has.Count.EqualTo(1));
        Assert.That(error.Submission, Is.EqualTo(SubmissionOutcome.Unknown));
    }
}
