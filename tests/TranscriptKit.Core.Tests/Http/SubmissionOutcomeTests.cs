using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions;
using NUnit.Framework;

namespace TranscriptKit.Core.Tests.Http;

/// <summary>Every error the pipeline raises says whether a job-starting call may have been accepted.</summary>
[CancelAfter(20_000)]
public class SubmissionOutcomeTests
{
    private static async Task<SubmissionOutcome> FailureOf(Func<HttpRequestMessage, HttpResponseMessage> answer, bool idempotent)
    {
        var fixture = new PipelineFixture(retry: new RetryOptions { MaxRetries = 0 }, requestTimeout: TimeSpan.FromSeconds(2));
        fixture.Handler.Otherwise(r => answer(r.Message));
        var operation = idempotent ? PipelineFixture.Get : PipelineFixture.StartJob;
        try
        {
            var response = await Eventually.Drive(fixture.Clock, fixture.Pipeline.SendAsync(fixture.Request(idempotent ? Method.GET : Method.POST), null, operation, CancellationToken.None), TimeSpan.FromMilliseconds(250));
            await Eventually.Drive(fixture.Clock, fixture.Pipeline.ReadTextAsync(response, CancellationToken.None), TimeSpan.FromMilliseconds(250));
        }
        catch (TranscriptKitException error)
        {
            Assert.That(error.OperationId, Is.EqualTo(operation.OperationId));
            return error.Submission;
        }

        throw new AssertionException("The call did not fail.");
    }

    private static HttpResponseMessage Status(HttpStatusCode status) => new(status) { Content = new StringContent("{\"error\":\"x\"}") };

    [TestCase(HttpStatusCode.BadRequest)]
    [TestCase(HttpStatusCode.Unauthorized)]
    [TestCase(HttpStatusCode.PaymentRequired)]
    [TestCase(HttpStatusCode.TooManyRequests)]
    public async Task A_4xx_on_a_job_starting_call_means_not_accepted(HttpStatusCode status) =>
        Assert.That(await FailureOf(_ => Status(status), idempotent: false), Is.EqualTo(SubmissionOutcome.NotAccepted));

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    public async Task A_5xx_on_a_job_starting_call_is_unknown(HttpStatusCode status) =>
        Assert.That(await FailureOf(_ => Status(status), idempotent: false), Is.EqualTo(SubmissionOutcome.Unknown));

    [Test]
    public async Task A_timeout_on_a_job_starting_call_is_unknown() =>
        Assert.That(await FailureOf(_ => new ScriptedStream().Stall().Response(), idempotent: false), Is.EqualTo(SubmissionOutcome.Unknown));

    [Test]
    public async Task A_reset_after_sending_is_unknown() =>
        Assert.That(await FailureOf(_ => throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."), idempotent: false), Is.EqualTo(SubmissionOutcome.Unknown));

    [Test]
    public async Task A_connection_refused_before_any_byte_is_not_accepted() =>
        Assert.That(
            await FailureOf(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused)), idempotent: false),
            Is.EqualTo(SubmissionOutcome.NotAccepted));

    [Test]
    public async Task A_200_whose_body_broke_off_is_unknown() =>
        Assert.That(await FailureOf(_ => new ScriptedStream().Bytes("{\"id\":").Cut().Response(), idempotent: false), Is.EqualTo(SubmissionOutcome.Unknown));

    [TestCase(HttpStatusCode.BadRequest)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    public async Task Any_failure_of_an_idempotent_call_is_not_a_submission(HttpStatusCode status) =>
        Assert.That(await FailureOf(_ => Status(status), idempotent: true), Is.EqualTo(SubmissionOutcome.NotASubmission));

    [Test]
    public async Task A_timeout_of_an_idempotent_call_is_not_a_submission() =>
        Assert.That(await FailureOf(_ => new ScriptedStream().Stall().Response(), idempotent: true), Is.EqualTo(SubmissionOutcome.NotASubmission));
}
