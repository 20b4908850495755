using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using System.Web;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.TranscriptGenerate.Tests;

/// <summary>Each operation against the in-memory transport: the request it sends and the unwrapped data of the docs' example answers.</summary>
[TestFixture]
public sealed class TranscriptGenerateClientOperationTests
{
    private const string Base = TestClients.BaseUrl;

    private StubHandler _handler = null!;
    private TranscriptGenerateClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _handler = new StubHandler();
        _client = TestClients.Create(_handler, new FakeTimeProvider());
    }

    [TearDown]
    public void TearDown() => _client.Dispose();

    [Test]
    public async Task CreateTask_POSTs_the_docs_request_body_as_json_and_returns_the_unwrapped_data()
    {
        _handler.Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.CreateTaskSuccess);

        CreateTaskResult result = await _client.CreateTaskAsync(new CreateTaskRequest { WorkUrl = "https://v.douyin.com/xxxxxx" });

        var request = _handler.Requests.Single();
        AssertRequest(request, HttpMethod.Post, Base + "/transcript-api/v1/task/create");
        Assert.Multiple(() =>
        {
            Assert.That(request.ContentType, Does.StartWith("application/json"));
            Assert.That(
                JsonNode.DeepEquals(JsonNode.Parse(request.BodyText), JsonNode.Parse(TranscriptGenerateDocExamples.CreateTaskRequest)),
                Is.True,
                $"sent {request.BodyText}, the docs send {TranscriptGenerateDocExamples.CreateTaskRequest}");
            Assert.That(request.BodyText, Does.Not.Contain("targetLanguage"), "an unset optional field is left out (the vendor defaults it to auto)");
            Assert.That(result, Is.EqualTo(new CreateTaskResult
            {
                TaskId = "1893456789012345678",
                Status = TaskStatus.WAITING,
                Message = "Task submitted, processing in progress",
            }));
            Assert.That(result.Status.IsKnown, Is.True);
        });
    }

    [TestCase("en")]
    [TestCase("auto")]
    public async Task CreateTask_sends_targetLanguage_when_set(string language)
    {
        _handler.Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.CreateTaskSuccess);

        await _client.CreateTaskAsync(new CreateTaskRequest { WorkUrl = "https://www.kuaishou.com/short-video/xxxxxx", TargetLanguage = language });

        var sent = JsonNode.Parse(_handler.Requests.Single().BodyText)!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Count, Is.EqualTo(2));
            Assert.That((string?)sent["workUrl"], Is.EqualTo("https://www.kuaishou.com/short-video/xxxxxx"));
            Assert.That((string?)sent["targetLanguage"], Is.EqualTo(language));
        });
    }

    [Test]
    public void CreateTask_with_null_body_throws_without_sending()
    {
        Assert.ThrowsAsync<ArgumentNullException>(() => _client.CreateTaskAsync(null!));
        Assert.That(_handler.Requests, Is.Empty);
    }

    [Test]
    public async Task QueryTask_GETs_task_query_with_taskId_in_the_query_string_and_parses_the_processing_example()
    {
        _handler.Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.QueryProcessing);

        TranscriptTask task = await _client.QueryTaskAsync(TranscriptGenerateDocExamples.TaskId);

        var request = _handler.Requests.Single();
        AssertRequest(request, HttpMethod.Get, Base + "/transcript-api/v1/task/query?taskId=1893456789012345678");
        Assert.Multiple(() =>
        {
            Assert.That(request.Uri.AbsolutePath, Is.EqualTo("/open-gateway/transcript-api/v1/task/query"));
            Assert.That(request.Uri.Query, Is.EqualTo("?taskId=1893456789012345678"));
            Assert.That(request.Body, Is.Null, "a GET carries no body");
            Assert.That(task, Is.EqualTo(new TranscriptTask
            {
                TaskId = "1893456789012345678",
                Status = TaskStatus.WAITING,
                ErrorMessage = null,
                CreateTime = "2026-06-04 17:30:00",
            }));
            Assert.That(task.TextContent, Is.Null);
            Assert.That(task.Platform, Is.Null);
            Assert.That(task.Duration, Is.Null);
        });
    }

    [Test]
    public async Task QueryTask_parses_every_field_of_the_completed_example()
    {
        _handler.Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.QueryCompleted);

        var task = await _client.QueryTaskAsync(TranscriptGenerateDocExamples.TaskId);

        Assert.Multiple(() =>
        {
            Assert.That(task, Is.EqualTo(new TranscriptTask
            {
                TaskId = "1893456789012345678",
                Status = TaskStatus.SUCCESS,
                ErrorMessage = "Video processing succeeded!",
                TextContent = "Full transcript extracted from the video...",
                Title = "Video Title",
                Platform = SourcePlatform.DOUYIN,
                Duration = 60.5,
                VideoUrl = "https://example.com/video.mp4",
                WorkUrl = "https://v.douyin.com/xxxxxx",
                Cover = "https://example.com/cover.jpg",
                CreateTime = "2026-06-04 17:30:00",
            }));
            Assert.That(task.Platform!.Value.Value, Is.EqualTo("DOUYIN"));
            Assert.That(task.Platform.Value.IsKnown, Is.True);
        });
    }

    [Test]
    public async Task QueryTask_parses_the_task_failure_example()
    {
        _handler.Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.QueryFailure);

        var task = await _client.QueryTaskAsync(TranscriptGenerateDocExamples.TaskId);

        Assert.That(task, Is.EqualTo(new TranscriptTask
        {
            TaskId = "1893456789012345678",
            Status = TaskStatus.FAILURE,
            ErrorMessage = "Video processing failed!",
            CreateTime = "2026-06-04 17:30:00",
        }));
    }

    [Test]
    public async Task QueryTask_escapes_the_taskId_in_the_query_string()
    {
        const string odd = "a b&c=d/é";
        _handler.Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.QueryProcessing);

        await _client.QueryTaskAsync(odd);

        var uri = _handler.Requests.Single().Uri;
        var query = HttpUtility.ParseQueryString(uri.Query);
        Assert.Multiple(() =>
        {
            Assert.That(uri.AbsolutePath, Is.EqualTo("/open-gateway/transcript-api/v1/task/query"));
            Assert.That(query.AllKeys, Is.EqualTo(new[] { "taskId" }));
            Assert.That(query["taskId"], Is.EqualTo(odd));
        });
    }

    [Test]
    public void QueryTask_with_null_taskId_throws_without_sending()
    {
        Assert.ThrowsAsync<ArgumentNullException>(() => _client.QueryTaskAsync(null!));
        Assert.That(_handler.Requests, Is.Empty);
    }

    [Test]
    public async Task QueryTask_keeps_platforms_and_statuses_the_spec_does_not_list()
    {
        _handler.Respond(HttpStatusCode.OK, """
            {"code": 200, "msg": "Success", "data": {"taskId": "1", "status": "QUEUED", "errorMessage": null, "platform": "BILIBILI", "createTime": "2026-06-04 17:30:00", "somethingNew": [1, 2]}}
            """);

        var task = await _client.QueryTaskAsync("1");

        Assert.Multiple(() =>
        {
            Assert.That(task.Status.Value, Is.EqualTo("QUEUED"));
            Assert.That(task.Status.IsKnown, Is.False);
            Assert.That(task.Platform!.Value.Value, Is.EqualTo("BILIBILI"));
            Assert.That(task.Platform.Value.IsKnown, Is.False);
        });
    }

    [Test]
    public async Task GetQuotaUsage_GETs_quota_usage_and_keeps_the_string_availableMinutes_of_the_limited_example()
    {
        _handler.Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.QuotaLimited);

        QuotaUsage quota = await _client.GetQuotaUsageAsync();

        var request = _handler.Requests.Single();
        AssertRequest(request, HttpMethod.Get, Base + "/transcript-api/v1/quota/usage");
        Assert.Multiple(() =>
        {
            Assert.That(request.Body, Is.Null);
            Assert.That(quota.Unlimited, Is.False);
            Assert.That(quota.AvailableSeconds, Is.EqualTo(3600));
            Assert.That(quota.AvailableMinutes.ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That(quota.AvailableMinutes.GetString(), Is.EqualTo("60.0"));
            Assert.That(quota.TotalSeconds, Is.EqualTo(7200));
            Assert.That(quota.TotalMinutes, Is.EqualTo("120.0"));
            Assert.That(quota.UsedSeconds, Is.EqualTo(3600));
            Assert.That(quota.UsedMinutes, Is.EqualTo("60.0"));
            Assert.That(quota.DeductionType, Is.EqualTo(DeductionType.Monthly));
            Assert.That(quota.DeductionType!.Value.Value, Is.EqualTo("monthly"));
        });
    }

    [Test]
    public async Task GetQuotaUsage_keeps_the_number_availableMinutes_of_the_unlimited_example()
    {
        _handler.Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.QuotaUnlimited);

        var quota = await _client.GetQuotaUsageAsync();

        Assert.Multiple(() =>
        {
            Assert.That(quota.Unlimited, Is.True);
            Assert.That(quota.AvailableSeconds, Is.EqualTo(-1));
            Assert.That(quota.AvailableMinutes.ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(quota.AvailableMinutes.GetInt32(), Is.EqualTo(-1));
            Assert.That(quota.AvailableMinutes.GetRawText(), Is.EqualTo("-1"));
            Assert.That(quota.TotalSeconds, Is.EqualTo(-1));
            Assert.That(quota.UsedSeconds, Is.EqualTo(0));
            Assert.That(quota.TotalMinutes, Is.Null, "absent when unlimited");
            Assert.That(quota.UsedMinutes, Is.Null, "absent when unlimited");
            Assert.That(quota.DeductionType, Is.Null, "absent when unlimited");
        });
    }

    [Test]
    public async Task GetQuotaUsage_availableMinutes_outlives_the_response_and_round_trips_through_the_writer()
    {
        _handler
            .Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.QuotaLimited)
            .Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.QuotaUnlimited);

        var limited = await _client.GetQuotaUsageAsync();
        var unlimited = await _client.GetQuotaUsageAsync();
        GC.Collect();
        GC.WaitForPendingFinalizers();

        var limitedJson = JsonNode.Parse(Write(limited))!;
        var unlimitedJson = JsonNode.Parse(Write(unlimited))!;
        Assert.Multiple(() =>
        {
            Assert.That(limitedJson["availableMinutes"]!.GetValueKind(), Is.EqualTo(JsonValueKind.String));
            Assert.That(limitedJson["availableMinutes"]!.GetValue<string>(), Is.EqualTo("60.0"));
            Assert.That(unlimitedJson["availableMinutes"]!.GetValueKind(), Is.EqualTo(JsonValueKind.Number));
            Assert.That(unlimitedJson["availableMinutes"]!.GetValue<int>(), Is.EqualTo(-1));
            Assert.That(
                JsonNode.DeepEquals(limitedJson, JsonNode.Parse(TranscriptGenerateDocExamples.QuotaLimited)!["data"]),
                Is.True,
                "the limited example's data is written back unchanged");
            Assert.That(
                JsonNode.DeepEquals(unlimitedJson, JsonNode.Parse(TranscriptGenerateDocExamples.QuotaUnlimited)!["data"]),
                Is.True,
                "the unlimited example's data is written back unchanged");
        });
    }

    [Test]
    public async Task GetConcurrency_GETs_quota_concurrency_and_parses_the_docs_example()
    {
        _handler.Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.Concurrency);

        ConcurrencyUsage usage = await _client.GetConcurrencyAsync();

        var request = _handler.Requests.Single();
        AssertRequest(request, HttpMethod.Get, Base + "/transcript-api/v1/quota/concurrency");
        Assert.Multiple(() =>
        {
            Assert.That(request.Body, Is.Null);
            Assert.That(usage, Is.EqualTo(new ConcurrencyUsage
            {
                CurrentConcurrency = 1,
                MaxConcurrency = 2,
                AvailableConcurrency = 1,
                CanAddTask = true,
            }));
        });
    }

    [Test]
    public async Task Requests_ask_for_json_and_identify_TranscriptKit_in_User_Agent()
    {
        _handler.Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.Concurrency);

        await _client.GetConcurrencyAsync();

        var request = _handler.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Header("Accept"), Does.Contain("application/json"));
            Assert.That(request.Header("User-Agent"), Does.Contain("TranscriptKit"));
        });
    }

    private static string Write(QuotaUsage quota)
    {
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            TranscriptGenerateJson.WriteQuotaUsage(writer, quota);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void AssertRequest(RecordedRequest request, HttpMethod method, string uri)
    {
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo(method));
            Assert.That(request.Uri.AbsoluteUri, Is.EqualTo(uri));
            Assert.That(request.Header("X-API-Key"), Is.EqualTo(TestClients.ApiKey));
            Assert.That(request.Header("X-API-Secret"), Is.EqualTo(TestClients.ApiSecret));
        });
    }
}
