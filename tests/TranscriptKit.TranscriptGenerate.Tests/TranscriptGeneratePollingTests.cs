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

/// <summary>WaitForTaskAsync on a fake clock: the spec's 2 s → 5 s intervals, success, failure, 10 min timeout and resume, cancellation, progress. The cases every polled job shares (the spec's intervals, failure, timeout and resume, cancellation, progress, foreign tokens) run for every vendor in TranscriptKit.Vendors.Tests/PollingTests; these are this vendor's own rules.</summary>
[TestFixture]
public sealed class TranscriptGeneratePollingTests
{
    private const string TaskId = TranscriptGenerateDocExamples.TaskId;
    private const string QueryUri = TestClients.BaseUrl + "/transcript-api/v1/task/query?taskId=1893456789012345678";

    private FakeTimeProvider _time = null!;
    private DateTimeOffset _start;
    private StubHandler _handler = null!;
    private TranscriptGenerateClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider();
        _start = _time.GetUtcNow();
        _handler = new StubHandler();
        _client = TestClients.Create(_handler, _time);
    }

    [TearDown]
    public void TearDown() => _client.Dispose();

    [Test]
    public void Default_polling_options_are_the_specs_2_s_growing_to_5_s_for_10_minutes()
    {
        var defaults = TranscriptGenerateClient.DefaultTaskPolling;

        Assert.Multiple(() =>
        {
            Assert.That(defaults.InitialInterval, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(defaults.MaxInterval, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(defaults.BackoffFactor, Is.GreaterThan(1));
            Assert.That(defaults.Timeout, Is.EqualTo(TimeSpan.FromMinutes(10)));
        });
    }

    [Test]
    public async Task WaitForTask_polls_WAITING_until_SUCCESS_and_returns_the_completed_task_with_its_transcript()
    {
        _handler
            .Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.QueryProcessing)
            .Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.QueryProcessing)
            .Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.QueryCompleted);

        var wait = _client.WaitForTaskAsync(TaskId);
        await Eventually.RequestsAsync(_handler, 1);
        _time.Advance(TimeSpan.FromSeconds(2));
        await Eventually.RequestsAsync(_handler, 2);
        _time.Advance(TimeSpan.FromSeconds(3));
        var task = await wait;

        Assert.Multiple(() =>
        {
            Assert.That(task.Status, Is.EqualTo(TaskStatus.SUCCESS));
            Assert.That(task.TextContent, Is.EqualTo("Full transcript extracted from the video..."));
            Assert.That(task.Title, Is.EqualTo("Video Title"));
            Assert.That(task.Duration, Is.EqualTo(60.5));
            Assert.That(_handler.Requests, Has.Count.EqualTo(3));
            Assert.That(_handler.Requests.All(r => r.Method == HttpMethod.Get && r.Uri.AbsoluteUri == QueryUri), Is.True);
            Assert.That(_handler.Requests.All(r => r.Header("X-API-Key") == TestClients.ApiKey && r.Header("X-API-Secret") == TestClients.ApiSecret), Is.True);
        });
    }

    [Test]
    public async Task WaitForTask_FAILURE_throws_JobFailed_with_the_errorMessage_as_VendorMessage()
    {
        _handler
            .Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.QueryProcessing)
            .Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.QueryFailure)
            .Otherwise(_ => Http.Json(TranscriptGenerateDocExamples.QueryCompleted));

        var wait = _client.WaitForTaskAsync(TaskId);
        await Eventually.RequestsAsync(_handler, 1);
        _time.Advance(TimeSpan.FromSeconds(2));
        await Eventually.WaitUntilAsync(() => wait.IsCompleted, "the wait to end");

        var error = Assert.ThrowsAsync<TranscriptKitJobFailedException>(() => wait);
        Assert.Multiple(() =>
        {
            Assert.That(error!.VendorMessage, Is.EqualTo("Video processing failed!"));
            Assert.That(error.State, Is.EqualTo("FAILURE"));
            Assert.That(error.Vendor, Is.EqualTo(TestClients.Vendor));
            Assert.That(error.Message, Does.Contain("FAILURE").And.Contain("Video processing failed!"));
            Assert.That(error.Job, Is.EqualTo(_client.CreateTaskToken(TaskId)));
            Assert.That(error.Job.Kind, Is.EqualTo("Task"));
            Assert.That(error.Job.GetParameter("taskId"), Is.EqualTo(TaskId));
            Assert.That(_handler.Requests, Has.Count.EqualTo(2), "polling stops at the failed state");
        });
        TestClients.AssertNoCredentials(error!);
    }

    [Test]
    public async Task WaitForTask_times_out_after_the_specs_10_minutes_with_a_token_that_resumes_the_wait()
    {
        _handler.Otherwise(_ => Http.Json(TranscriptGenerateDocExamples.QueryProcessing));

        var wait = _client.WaitForTaskAsync(TaskId);
        await Eventually.RequestsAsync(_handler, 1);
        var elapsed = TimeSpan.Zero;
        var interval = TimeSpan.FromSeconds(2);
        var requests = 1;
        while (elapsed + interval < TimeSpan.FromMinutes(10))
        {
            _time.Advance(interval);
            elapsed += interval;
            requests++;
            await Eventually.RequestsAsync(_handler, requests);
            interval = TimeSpan.FromSeconds(Math.Min(interval.TotalSeconds * 1.5, 5));
        }

        Assert.That(elapsed, Is.EqualTo(TimeSpan.FromSeconds(599.5)), "the last status request is sent at 599.5 s");
        Assert.That(wait.IsCompleted, Is.False, "still waiting before 10 minutes");
        _time.Advance(TimeSpan.FromMinutes(10) - elapsed);
        await Eventually.WaitUntilAsync(() => wait.IsCompleted, "the timeout");

        var error = Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => wait);
        Assert.That(error!.Job, Is.Not.Null);
        var job = error.Job!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Vendor, Is.EqualTo(TestClients.Vendor));
            Assert.That(error.Elapsed, Is.EqualTo(TimeSpan.FromMinutes(10)));
            Assert.That(error.Message, Does.Contain(job.ToString()), "the message tells how to resume");
            Assert.That(job.Vendor, Is.EqualTo(TestClients.Vendor));
            Assert.That(job.Kind, Is.EqualTo("Task"));
            Assert.That(job.GetParameter("taskId"), Is.EqualTo(TaskId));
            Assert.That(Eventually.Count(_handler), Is.EqualTo(122));
        });
        TestClients.AssertNoCredentials(error);

        // A later process resumes from the saved text form, without creating the task again.
        var saved = job.ToString();
        Assert.That(saved, Does.Not.Contain(TestClients.ApiKey).And.Not.Contain(TestClients.ApiSecret));
        var restored = JobToken.Parse(saved);
        Assert.That(restored, Is.EqualTo(job));

        var laterHandler = new StubHandler().Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.QueryCompleted);
        using var laterClient = TestClients.Create(laterHandler, new FakeTimeProvider());
        var task = await laterClient.WaitForTaskAsync(restored);

        Assert.Multiple(() =>
        {
            Assert.That(task.TextContent, Is.EqualTo("Full transcript extracted from the video..."));
            Assert.That(laterHandler.Requests.Single().Method, Is.EqualTo(HttpMethod.Get));
            Assert.That(laterHandler.Requests.Single().Uri.AbsoluteUri, Is.EqualTo(QueryUri));
        });
    }

    [Test]
    public async Task WaitForTask_honours_a_shorter_caller_timeout()
    {
        _handler.Otherwise(_ => Http.Json(TranscriptGenerateDocExamples.QueryProcessing));
        var options = new PollingOptions { InitialInterval = TimeSpan.FromSeconds(2), MaxInterval = TimeSpan.FromSeconds(2), BackoffFactor = 1, Timeout = TimeSpan.FromSeconds(5) };

        var wait = _client.WaitForTaskAsync(TaskId, options);
        await Eventually.RequestsAsync(_handler, 1);
        _time.Advance(TimeSpan.FromSeconds(2));
        await Eventually.RequestsAsync(_handler, 2);
        _time.Advance(TimeSpan.FromSeconds(2));
        await Eventually.RequestsAsync(_handler, 3);
        _time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.WaitUntilAsync(() => wait.IsCompleted, "the timeout");

        var error = Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => wait);
        Assert.Multiple(() =>
        {
            Assert.That(error!.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(error.Job, Is.EqualTo(_client.CreateTaskToken(TaskId)));
            Assert.That(Eventually.Count(_handler), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task A_state_the_spec_does_not_list_counts_as_still_running()
    {
        _handler
            .Respond(HttpStatusCode.OK, """{"code": 200, "msg": "Success", "data": {"taskId": "1893456789012345678", "status": "DOWNLOADING", "errorMessage": null, "createTime": "2026-06-04 17:30:00"}}""")
            .Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.QueryCompleted);

        var wait = _client.WaitForTaskAsync(TaskId);
        await Eventually.RequestsAsync(_handler, 1);
        Assert.That(wait.IsCompleted, Is.False);
        _time.Advance(TimeSpan.FromSeconds(2));
        var task = await wait;

        Assert.That(task.Status, Is.EqualTo(TaskStatus.SUCCESS));
    }

    [Test]
    public async Task A_business_error_while_polling_ends_the_wait_with_that_error()
    {
        _handler
            .Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.QueryProcessing)
            .Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.BusinessError(500, TranscriptGenerateDocExamples.NoPermission));

        var wait = _client.WaitForTaskAsync(TaskId);
        await Eventually.RequestsAsync(_handler, 1);
        _time.Advance(TimeSpan.FromSeconds(2));
        await Eventually.WaitUntilAsync(() => wait.IsCompleted, "the wait to end");

        var error = Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() => wait);
        Assert.Multiple(() =>
        {
            Assert.That(error!.Reason, Is.EqualTo(TranscriptGenerateErrorReasons.NoPermission));
            Assert.That(_handler.Requests, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task CreateTask_then_WaitForTask_with_its_taskId_is_the_documented_workflow()
    {
        _handler
            .Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.CreateTaskSuccess)
            .Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.QueryProcessing)
            .Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.QueryCompleted);

        var created = await _client.CreateTaskAsync(new CreateTaskRequest { WorkUrl = TranscriptGenerateDocExamples.WorkUrl });
        var wait = _client.WaitForTaskAsync(created.TaskId);
        await Eventually.RequestsAsync(_handler, 2);
        _time.Advance(TimeSpan.FromSeconds(2));
        var task = await wait;

        Assert.Multiple(() =>
        {
            Assert.That(task.TextContent, Is.EqualTo("Full transcript extracted from the video..."));
            Assert.That(_handler.Requests[0].Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(_handler.Requests.Skip(1).All(r => r.Uri.AbsoluteUri == QueryUri), Is.True);
        });
    }

    [TestCase("")]
    [TestCase("  ")]
    public void An_empty_taskId_is_refused_without_sending(string taskId)
    {
        Assert.Throws<ArgumentException>(() => _client.CreateTaskToken(taskId));
        Assert.ThrowsAsync<ArgumentException>(() => _client.WaitForTaskAsync(taskId));
        Assert.That(_handler.Requests, Is.Empty);
    }
}
