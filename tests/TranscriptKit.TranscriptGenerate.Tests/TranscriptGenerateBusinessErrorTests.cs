using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.TranscriptGenerate.Tests;

/// <summary>
/// x-tk-envelope: business errors arrive as HTTP 200 with code 500 or 601; every message of the docs' error tables
/// becomes its documented exception type and <see cref="TranscriptGenerateErrorReasons"/> constant.
/// </summary>
[TestFixture]
public sealed class TranscriptGenerateBusinessErrorTests
{
    private static readonly CreateTaskRequest s_create = new() { WorkUrl = TranscriptGenerateDocExamples.WorkUrl };

    /// <summary>Create Task, Error Responses: all 8 documented scenarios.</summary>
    public static IEnumerable<TestCaseData> CreateTaskErrors()
    {
        yield return Case("Video URL is empty", 500, TranscriptGenerateDocExamples.VideoUrlEmpty, typeof(TranscriptKitBadRequestException), TranscriptGenerateErrorReasons.VideoUrlEmpty);
        yield return Case("URL cannot be recognized", 500, TranscriptGenerateDocExamples.UnrecognizedUrl, typeof(TranscriptKitBadRequestException), TranscriptGenerateErrorReasons.UnrecognizedUrl);
        yield return Case("Unsupported platform", 500, TranscriptGenerateDocExamples.UnsupportedPlatform, typeof(TranscriptKitBadRequestException), TranscriptGenerateErrorReasons.UnsupportedPlatform);
        yield return Case("URL too long", 500, TranscriptGenerateDocExamples.UrlTooLong, typeof(TranscriptKitBadRequestException), TranscriptGenerateErrorReasons.UrlTooLong);
        yield return Case("Non-professional member", 601, TranscriptGenerateDocExamples.MembersOnly, typeof(TranscriptKitAuthenticationException), TranscriptGenerateErrorReasons.MembersOnly);
        yield return Case("Concurrency limit reached", 601, TranscriptGenerateDocExamples.ConcurrencyLimit, typeof(TranscriptKitRateLimitException), TranscriptGenerateErrorReasons.ConcurrencyLimit);
        yield return Case("Insufficient quota", 601, TranscriptGenerateDocExamples.InsufficientQuota, typeof(TranscriptKitInsufficientCreditsException), TranscriptGenerateErrorReasons.InsufficientQuota);
        yield return Case("Non-member using translation", 601, TranscriptGenerateDocExamples.TranslationMembersOnly, typeof(TranscriptKitAuthenticationException), TranscriptGenerateErrorReasons.TranslationMembersOnly);
    }

    /// <summary>Query Task, Error Responses: all 3 documented scenarios.</summary>
    public static IEnumerable<TestCaseData> QueryTaskErrors()
    {
        yield return Case("taskId is empty", 500, TranscriptGenerateDocExamples.TaskIdEmpty, typeof(TranscriptKitBadRequestException), TranscriptGenerateErrorReasons.TaskIdEmpty);
        yield return Case("Task not found", 500, TranscriptGenerateDocExamples.TaskNotFound, typeof(TranscriptKitNotFoundException), TranscriptGenerateErrorReasons.TaskNotFound);
        yield return Case("Accessing another user's task", 500, TranscriptGenerateDocExamples.NoPermission, typeof(TranscriptKitAuthenticationException), TranscriptGenerateErrorReasons.NoPermission);
    }

    [TestCaseSource(nameof(CreateTaskErrors))]
    public async Task CreateTask_documented_business_error_in_HTTP_200_maps_to_its_kind_and_reason(int code, string message, Type expected, string reason)
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.BusinessError(code, message));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = await CatchAsync(() => client.CreateTaskAsync(s_create));

        AssertBusinessError(error, expected, code, message, reason, "createTask");
        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }

    [TestCaseSource(nameof(QueryTaskErrors))]
    public async Task QueryTask_documented_business_error_in_HTTP_200_maps_to_its_kind_and_reason(int code, string message, Type expected, string reason)
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.BusinessError(code, message));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = await CatchAsync(() => client.QueryTaskAsync(TranscriptGenerateDocExamples.TaskId));

        AssertBusinessError(error, expected, code, message, reason, "queryTask");
        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void Concurrency_limit_is_a_RateLimit_error_without_RetryAfter()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.BusinessError(601, TranscriptGenerateDocExamples.ConcurrencyLimit));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitRateLimitException>(() => client.CreateTaskAsync(s_create));

        Assert.That(error!.RetryAfter, Is.Null, "the vendor says nothing about when to retry");
    }

    [Test]
    public async Task Business_errors_in_HTTP_200_are_never_retried_even_with_retries_enabled()
    {
        var time = new FakeTimeProvider();
        var handler = new StubHandler()
            .Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.BusinessError(601, TranscriptGenerateDocExamples.ConcurrencyLimit))
            .Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.BusinessError(500, TranscriptGenerateDocExamples.TaskNotFound))
            .Otherwise(_ => Http.Json(TranscriptGenerateDocExamples.CreateTaskSuccess));
        using var client = TestClients.Create(handler, time, new RetryOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) });

        var create = client.CreateTaskAsync(s_create);
        await Eventually.WaitUntilAsync(() => create.IsCompleted, "createTask to end");
        var query = client.QueryTaskAsync(TranscriptGenerateDocExamples.TaskId);
        await Eventually.WaitUntilAsync(() => query.IsCompleted, "queryTask to end");
        time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.SettleAsync();

        Assert.ThrowsAsync<TranscriptKitRateLimitException>(() => create);
        Assert.ThrowsAsync<TranscriptKitNotFoundException>(() => query);
        Assert.That(Eventually.Count(handler), Is.EqualTo(2));
    }

    [Test]
    public void Undocumented_code_500_message_falls_back_to_Server_error_with_reason_SystemError()
    {
        const string message = "Internal database timeout";
        var handler = new StubHandler().Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.BusinessError(500, message));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitServerException>(() => client.GetQuotaUsageAsync());

        AssertBusinessError(error, typeof(TranscriptKitServerException), 500, message, TranscriptGenerateErrorReasons.SystemError, "getQuotaUsage");
    }

    [Test]
    public void Undocumented_code_601_message_falls_back_to_Forbidden_with_reason_BusinessWarning()
    {
        const string message = "Daily API call limit reached.";
        var handler = new StubHandler().Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.BusinessError(601, message));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() => client.GetConcurrencyAsync());

        AssertBusinessError(error, typeof(TranscriptKitAuthenticationException), 601, message, TranscriptGenerateErrorReasons.BusinessWarning, "getConcurrency");
    }

    [Test]
    public void Documented_messages_match_case_insensitively_and_without_the_advice_sentence()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, """{"code": 601, "msg": "insufficient QUOTA remaining.", "data": null}""");
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitInsufficientCreditsException>(() => client.CreateTaskAsync(s_create));

        Assert.That(error!.Reason, Is.EqualTo(TranscriptGenerateErrorReasons.InsufficientQuota));
    }

    [Test]
    public void A_code_sent_as_a_string_is_read_like_a_number()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, """{"code": "601", "msg": "Concurrency limit reached. Please wait for existing tasks to complete."}""");
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitRateLimitException>(() => client.CreateTaskAsync(s_create));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo("601"));
            Assert.That(error.Reason, Is.EqualTo(TranscriptGenerateErrorReasons.ConcurrencyLimit));
        });
    }

    [Test]
    public void A_business_error_without_data_field_is_still_the_business_error()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, """{"code": 500, "msg": "Task not found"}""");
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitNotFoundException>(() => client.QueryTaskAsync("42"));

        Assert.That(error!.Reason, Is.EqualTo(TranscriptGenerateErrorReasons.TaskNotFound));
    }

    [Test]
    public void Http_500_carrying_a_documented_business_body_maps_to_the_documented_kind_and_reason()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.InternalServerError, TranscriptGenerateDocExamples.BusinessError(500, TranscriptGenerateDocExamples.TaskNotFound));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitNotFoundException>(() => client.QueryTaskAsync(TranscriptGenerateDocExamples.TaskId));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Vendor, Is.EqualTo(TestClients.Vendor));
            Assert.That(error.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(error.ErrorCode, Is.EqualTo("500"));
            Assert.That(error.VendorMessage, Is.EqualTo(TranscriptGenerateDocExamples.TaskNotFound));
            Assert.That(error.Reason, Is.EqualTo(TranscriptGenerateErrorReasons.TaskNotFound));
            Assert.That(error.Message, Does.Contain("500").And.Contain(TranscriptGenerateDocExamples.TaskNotFound));
        });
        TestClients.AssertNoCredentials(error!);
    }

    [Test]
    public async Task Http_500_with_code_601_on_createTask_names_the_reason_and_is_sent_only_once_with_retries_enabled()
    {
        var time = new FakeTimeProvider();
        var handler = new StubHandler().Otherwise(_ => Http.Json(TranscriptGenerateDocExamples.BusinessError(601, TranscriptGenerateDocExamples.InsufficientQuota), HttpStatusCode.InternalServerError));
        using var client = TestClients.Create(handler, time, new RetryOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) });

        var call = client.CreateTaskAsync(s_create);
        await Eventually.WaitUntilAsync(() => call.IsCompleted || Eventually.Count(handler) >= 1, "the first attempt");
        time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.WaitUntilAsync(() => call.IsCompleted, "the call to end");

        var error = Assert.CatchAsync<TranscriptKitException>(() => call);
        Assert.Multiple(() =>
        {
            Assert.That(error!.Reason, Is.EqualTo(TranscriptGenerateErrorReasons.InsufficientQuota));
            Assert.That(error.ErrorCode, Is.EqualTo("601"));
            Assert.That(error.VendorMessage, Is.EqualTo(TranscriptGenerateDocExamples.InsufficientQuota));
            Assert.That(handler.Requests, Has.Count.EqualTo(1), "createTask uses quota, so it is never sent twice after a 5xx");
        });
    }

    [Test]
    public void Envelope_without_a_code_is_a_Response_error()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, """{"msg": "Success", "data": {"taskId": "1"}}""");
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitResponseException>(() => client.CreateTaskAsync(s_create));

        Assert.That(error!.Message, Does.Contain("createTask").And.Contain("'code'"));
    }

    [Test]
    public void Success_code_without_data_is_a_Response_error()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, """{"code": 200, "msg": "Task submitted"}""");
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitResponseException>(() => client.CreateTaskAsync(s_create));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Vendor, Is.EqualTo(TestClients.Vendor));
            Assert.That(error.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(error.Message, Does.Contain("createTask").And.Contain("data"));
            Assert.That(error.Reason, Is.Null);
        });
        TestClients.AssertNoCredentials(error!);
    }

    [Test]
    public void Success_code_with_null_data_is_a_Response_error()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, """{"code": 200, "msg": "Success", "data": null}""");
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitResponseException>(() => client.GetConcurrencyAsync());

        Assert.That(error!.Message, Does.Contain("getConcurrency"));
    }

    [Test]
    public void Success_data_missing_a_required_field_is_a_Response_error()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, """{"code": 200, "msg": "Task submitted", "data": {"status": "WAITING"}}""");
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitResponseException>(() => client.CreateTaskAsync(s_create));

        Assert.That(error!.Message, Does.Contain("taskId"));
    }

    [Test]
    public void A_non_json_HTTP_200_body_is_a_Response_error()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, "<html><body>maintenance</body></html>", "text/html");
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitResponseException>(() => client.GetQuotaUsageAsync());

        Assert.That(error!.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    private static TestCaseData Case(string scenario, int code, string message, Type expected, string reason) =>
        new TestCaseData(code, message, expected, reason).SetArgDisplayNames(scenario);

    private static async Task<TranscriptKitException> CatchAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (TranscriptKitException error)
        {
            return error;
        }

        Assert.Fail("expected a TranscriptKitException");
        throw new InvalidOperationException();
    }

    private static void AssertBusinessError(TranscriptKitException? error, Type expected, int code, string message, string reason, string operationId)
    {
        Assert.That(error, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(error!.GetType(), Is.EqualTo(expected));
            Assert.That(error.Vendor, Is.EqualTo(TestClients.Vendor));
            Assert.That(error.Status, Is.EqualTo(HttpStatusCode.OK), "the vendor answered HTTP 200");
            Assert.That(error.ErrorCode, Is.EqualTo(code.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(error.VendorMessage, Is.EqualTo(message));
            Assert.That(error.Reason, Is.EqualTo(reason));
            Assert.That(error.Message, Does.Contain(message).And.Contain(code.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(error.Message, Does.Contain("TranscriptGenerate").And.Contain(operationId));
        });
        TestClients.AssertNoCredentials(error!);
    }
}
