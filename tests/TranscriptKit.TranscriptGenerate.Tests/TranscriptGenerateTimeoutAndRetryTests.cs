using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.TranscriptGenerate.Tests;

/// <summary>Each operation's x-tk-timeout of 30 s on the fake clock, and which failures are sent again.</summary>
[TestFixture]
public sealed class TranscriptGenerateTimeoutAndRetryTests
{
    private static readonly TimeSpan s_operationTimeout = TimeSpan.FromSeconds(30);

    public static IEnumerable<TestCaseData> Operations()
    {
        yield return Op("createTask", "POST", "/open-gateway/transcript-api/v1/task/create", c => c.CreateTaskAsync(new CreateTaskRequest { WorkUrl = TranscriptGenerateDocExamples.WorkUrl }));
        yield return Op("queryTask", "GET", "/open-gateway/transcript-api/v1/task/query", c => c.QueryTaskAsync(TranscriptGenerateDocExamples.TaskId));
        yield return Op("getQuotaUsage", "GET", "/open-gateway/transcript-api/v1/quota/usage", c => c.GetQuotaUsageAsync());
        yield return Op("getConcurrency", "GET", "/open-gateway/transcript-api/v1/quota/concurrency", c => c.GetConcurrencyAsync());
    }

    [TestCaseSource(nameof(Operations))]
    public async Task A_request_that_is_never_answered_fails_with_Timeout_once_30_s_have_passed(string operationId, string method, string path, Func<TranscriptGenerateClient, Task> call)
    {
        var time = new FakeTimeProvider();
        var handler = new HangingHandler();
        using var client = new TranscriptGenerateClient(new HttpClient(handler), TestClients.Options(time));

        var pending = call(client);
        await Eventually.RequestsAsync(handler, 1);
        time.Advance(s_operationTimeout - TimeSpan.FromMilliseconds(1));
        await Eventually.SettleAsync();
        Assert.That(pending.IsCompleted, Is.False, "still waiting just before 30 s");

        time.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.WaitUntilAsync(() => pending.IsCompleted, "the 30 s timeout");

        var error = Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => pending);
        Assert.Multiple(() =>
        {
            Assert.That(error!.Vendor, Is.EqualTo(TestClients.Vendor));
            Assert.That(error.Elapsed, Is.EqualTo(s_operationTimeout));
            Assert.That(error.Job, Is.Null, "a single request has no job to resume");
            Assert.That(error.Message, Does.Contain(operationId).And.Contain("30"));
            Assert.That(handler.Count, Is.EqualTo(1), "sent exactly once");
            Assert.That(handler.Requests.Single().Method.Method, Is.EqualTo(method));
            Assert.That(handler.Requests.Single().Uri.AbsolutePath, Is.EqualTo(path));
        });
        TestClients.AssertNoCredentials(error!);
    }

    [Test]
    public async Task QueryTask_that_timed_out_is_sent_again_when_retries_are_enabled()
    {
        var time = new FakeTimeProvider();
        var handler = new HangingHandler();
        var retry = new RetryOptions { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };
        using var client = new TranscriptGenerateClient(new HttpClient(handler), TestClients.Options(time, retry));

        var pending = client.QueryTaskAsync(TranscriptGenerateDocExamples.TaskId);
        await Eventually.RequestsAsync(handler, 1);
        time.Advance(s_operationTimeout);
        await Eventually.SettleAsync();
        time.Advance(retry.MaxDelay);
        await Eventually.RequestsAsync(handler, 2);
        time.Advance(s_operationTimeout);
        await Eventually.WaitUntilAsync(() => pending.IsCompleted, "the second timeout");

        Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => pending);
        Assert.Multiple(() =>
        {
            Assert.That(handler.Count, Is.EqualTo(2));
            Assert.That(handler.Requests.All(r => r.Uri.Query == "?taskId=1893456789012345678"), Is.True);
        });
    }

    [Test]
    public async Task The_operations_30_s_timeout_takes_precedence_over_a_shorter_RequestTimeout_option()
    {
        var time = new FakeTimeProvider();
        var handler = new HangingHandler();
        var options = TestClients.Options(time);
        options.RequestTimeout = TimeSpan.FromSeconds(5);
        using var client = new TranscriptGenerateClient(new HttpClient(handler), options);

        var pending = client.GetConcurrencyAsync();
        await Eventually.RequestsAsync(handler, 1);
        time.Advance(TimeSpan.FromSeconds(10));
        await Eventually.SettleAsync();
        Assert.That(pending.IsCompleted, Is.False, "the spec's 30 s applies, not the 5 s default");

        time.Advance(TimeSpan.FromSeconds(20));
        await Eventually.WaitUntilAsync(() => pending.IsCompleted, "the 30 s timeout");
        var error = Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => pending);
        Assert.That(error!.Elapsed, Is.EqualTo(s_operationTimeout));
    }

    [Test]
    public async Task Cancelling_a_pending_request_is_a_cancellation_not_a_timeout()
    {
        var time = new FakeTimeProvider();
        var handler = new HangingHandler();
        using var client = new TranscriptGenerateClient(new HttpClient(handler), TestClients.Options(time));
        using var cts = new CancellationTokenSource();

        var pending = client.QueryTaskAsync(TranscriptGenerateDocExamples.TaskId, cts.Token);
        await Eventually.RequestsAsync(handler, 1);
        cts.Cancel();
        await Eventually.WaitUntilAsync(() => pending.IsCompleted, "the call to end without the clock moving");

        var error = Assert.CatchAsync<OperationCanceledException>(() => pending);
        Assert.That(error, Is.Not.Null);
    }

    [Test]
    public void A_request_cancelled_before_it_starts_is_never_sent()
    {
        var handler = new StubHandler();
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.CatchAsync<OperationCanceledException>(() => client.CreateTaskAsync(new CreateTaskRequest { WorkUrl = TranscriptGenerateDocExamples.WorkUrl }, cts.Token));
        Assert.That(handler.Requests, Is.Empty);
    }

    [Test]
    public async Task GetQuotaUsage_answered_503_then_200_is_retried_after_the_backoff()
    {
        var time = new FakeTimeProvider();
        var handler = new StubHandler()
            .Respond(HttpStatusCode.ServiceUnavailable, "")
            .Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.QuotaLimited);
        var retry = new RetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1) };
        using var client = TestClients.Create(handler, time, retry);

        var call = client.GetQuotaUsageAsync();
        await Eventually.RequestsAsync(handler, 1);
        await Eventually.SettleAsync();
        Assert.That(call.IsCompleted, Is.False, "the retry waits for the backoff on the client's clock");

        time.Advance(retry.MaxDelay);
        var quota = await call;

        Assert.Multiple(() =>
        {
            Assert.That(quota.AvailableSeconds, Is.EqualTo(3600));
            Assert.That(handler.Requests, Has.Count.EqualTo(2));
            Assert.That(handler.Requests[1].Header("X-API-Key"), Is.EqualTo(TestClients.ApiKey), "the retry is authenticated too");
            Assert.That(handler.Requests[1].Header("X-API-Secret"), Is.EqualTo(TestClients.ApiSecret));
        });
    }

    [Test]
    public async Task CreateTask_answered_503_is_sent_exactly_once_even_with_retries_enabled()
    {
        var time = new FakeTimeProvider();
        var handler = new StubHandler().Otherwise(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("") });
        using var client = TestClients.Create(handler, time, new RetryOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) });

        var call = client.CreateTaskAsync(new CreateTaskRequest { WorkUrl = TranscriptGenerateDocExamples.WorkUrl });
        await Eventually.WaitUntilAsync(() => call.IsCompleted || Eventually.Count(handler) >= 1, "the first attempt");
        time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.WaitUntilAsync(() => call.IsCompleted, "the call to end");

        var error = Assert.ThrowsAsync<TranscriptKitServerException>(() => call);
        Assert.Multiple(() =>
        {
            Assert.That(error!.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(error.Message, Does.Contain("TranscriptGenerate").And.Contain("503"));
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
        });
        TestClients.AssertNoCredentials(error!);
    }

    [Test]
    public void Html_502_from_a_gateway_becomes_Server_error_without_the_markup()
    {
        const string html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        var handler = new StubHandler().Respond(HttpStatusCode.BadGateway, html, "text/html");
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitServerException>(() => client.GetConcurrencyAsync());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Status, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(error.VendorMessage, Is.Null);
            Assert.That(error.Reason, Is.Null);
            Assert.That(error.Message, Does.Contain("502").And.Not.Contain("nginx"));
        });
    }

    private static TestCaseData Op(string operationId, string method, string path, Func<TranscriptGenerateClient, Task> call) =>
        new TestCaseData(operationId, method, path, call).SetArgDisplayNames(operationId);
}
