using System;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.TranscriptGenerate;

namespace TranscriptKit.Sandbox.Tests;

public sealed class TranscriptGenerateSandboxTests
{
    private static TranscriptGenerateClient Client(VendorSandbox sandbox, string? secret = null) => new(new TranscriptGenerateClientOptions
    {
        ApiKey = sandbox.ApiKey,
        ApiSecret = secret ?? sandbox.ApiSecret,
        Endpoint = sandbox.GetEndpoint("transcriptgenerate"),
        Retry = TestMedia.FastRetries,
    });

    [Test]
    public async Task A_task_from_a_url_ending_in_the_sample_name_succeeds_with_the_sidecar_text()
    {
        await using var sandbox = await TestMedia.StartAsync();
        var client = Client(sandbox);

        var created = await client.CreateTaskAsync(new CreateTaskRequest { WorkUrl = "https://v.douyin.com/abc/" + TestMedia.SampleName });
        var task = await client.WaitForTaskAsync(created.TaskId, TestMedia.FastPolling);

        Assert.That(created.Status.ToString(), Is.EqualTo("WAITING"));
        Assert.That(task.Status.ToString(), Is.EqualTo("SUCCESS"));
        Assert.That(task.TextContent, Is.EqualTo(TestMedia.SampleText));
        Assert.That(task.Platform?.ToString(), Is.EqualTo("DOUYIN"));
        Assert.That(task.Duration, Is.EqualTo(4.5));
        var quota = await client.GetQuotaUsageAsync();
        Assert.That(quota.UsedSeconds, Is.EqualTo(4.5), "the sandbox charges the fractional duration, as the docs' Number allows");
        Assert.That(quota.AvailableSeconds, Is.EqualTo(7195.5));
        Assert.That(quota.TotalSeconds, Is.EqualTo(7200), "written 7200.0 by the sandbox");
    }

    [Test]
    public async Task More_unfinished_tasks_than_the_limit_get_the_documented_601()
    {
        await using var sandbox = await TestMedia.StartAsync(o => o.ConcurrencyLimits["transcriptgenerate"] = 2);
        var client = Client(sandbox);
        var request = new CreateTaskRequest { WorkUrl = "https://www.kuaishou.com/short-video/1" };
        var first = await client.CreateTaskAsync(request);
        await client.CreateTaskAsync(request);

        var refused = Assert.ThrowsAsync<TranscriptKitRateLimitException>(() => client.CreateTaskAsync(request));
        var concurrency = await client.GetConcurrencyAsync();

        Assert.That(refused!.Reason, Is.EqualTo(TranscriptGenerateErrorReasons.ConcurrencyLimit));
        Assert.That(refused.ErrorCode, Is.EqualTo("601"));
        Assert.That(concurrency.CurrentConcurrency, Is.EqualTo(2));
        Assert.That(concurrency.CanAddTask, Is.False);

        await client.WaitForTaskAsync(first.TaskId, TestMedia.FastPolling);
        Assert.That((await client.CreateTaskAsync(request)).TaskId, Is.Not.Empty, "a finished task frees its slot");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task With_a_job_duration_a_task_holds_its_slot_for_that_long_however_often_it_is_queried()
    {
        var clock = new FakeTimeProvider();
        await using var sandbox = await TestMedia.StartAsync(o =>
        {
            o.ConcurrencyLimits["transcriptgenerate"] = 1;
            o.JobDuration = TimeSpan.FromSeconds(30);
            o.TimeProvider = clock;
        });
        var client = Client(sandbox);
        var request = new CreateTaskRequest { WorkUrl = "https://www.kuaishou.com/short-video/" + TestMedia.SampleName };
        var created = await client.CreateTaskAsync(request);

        for (var i = 0; i < 5; i++)
        {
            Assert.That((await client.QueryTaskAsync(created.TaskId)).Status.ToString(), Is.EqualTo("WAITING"), "queries do not finish a task that runs for a time");
        }

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.ThrowsAsync<TranscriptKitRateLimitException>(() => client.CreateTaskAsync(request), "the slot is held until the duration has passed");
        clock.Advance(TimeSpan.FromSeconds(1));
        var concurrency = await client.GetConcurrencyAsync();
        var task = await client.QueryTaskAsync(created.TaskId);

        Assert.That(task.Status.ToString(), Is.EqualTo("SUCCESS"));
        Assert.That(task.TextContent, Is.EqualTo(TestMedia.SampleText));
        Assert.That(concurrency.AvailableConcurrency, Is.EqualTo(1), "the slot is free once the duration has passed, before anyone queries");
        Assert.That((await client.CreateTaskAsync(request)).TaskId, Is.Not.EqualTo(created.TaskId));
    }

    [Test]
    public void A_negative_job_duration_is_refused_at_start()
    {
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => TestMedia.StartAsync(o => o.JobDuration = TimeSpan.FromSeconds(-1)));
    }

    [Test]
    public async Task An_exhausted_quota_gets_the_documented_601()
    {
        await using var sandbox = await TestMedia.StartAsync(o => o.QuotaSeconds["transcriptgenerate"] = 6);
        var client = Client(sandbox);
        var request = new CreateTaskRequest { WorkUrl = "https://www.xiaohongshu.com/discovery/item/" + TestMedia.SampleName };
        await client.CreateTaskAsync(request);

        var refused = Assert.ThrowsAsync<TranscriptKitInsufficientCreditsException>(() => client.CreateTaskAsync(request));

        Assert.That(refused!.Reason, Is.EqualTo(TranscriptGenerateErrorReasons.InsufficientQuota));
    }

    [Test]
    public async Task Business_errors_arrive_inside_HTTP_200()
    {
        await using var sandbox = await TestMedia.StartAsync();
        var client = Client(sandbox);

        var unsupported = Assert.ThrowsAsync<TranscriptKitBadRequestException>(() => client.CreateTaskAsync(new CreateTaskRequest { WorkUrl = "https://example.com/v/1" }));
        var missing = Assert.ThrowsAsync<TranscriptKitNotFoundException>(() => client.QueryTaskAsync("42"));

        Assert.That(unsupported!.Reason, Is.EqualTo(TranscriptGenerateErrorReasons.UnsupportedPlatform));
        Assert.That(missing!.Reason, Is.EqualTo(TranscriptGenerateErrorReasons.TaskNotFound));
        Assert.That(sandbox.Requests, Has.All.Property(nameof(SandboxRequest.StatusCode)).EqualTo(200));
    }

    [Test]
    public async Task A_wrong_secret_gets_the_documented_401()
    {
        await using var sandbox = await TestMedia.StartAsync();

        var error = Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() => Client(sandbox, secret: "wrong").GetQuotaUsageAsync());

        Assert.That(error!.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(error.ErrorCode, Is.EqualTo("401"));
    }

    [Test]
    public async Task The_sandbox_media_url_is_accepted_and_served()
    {
        await using var sandbox = await TestMedia.StartAsync(o => o.QuotaSeconds["transcriptgenerate"] = -1);
        var client = Client(sandbox);

        var created = await client.CreateTaskAsync(new CreateTaskRequest { WorkUrl = sandbox.GetMediaUrl(TestMedia.SampleName).ToString() });
        var task = await client.WaitForTaskAsync(created.TaskId, TestMedia.FastPolling);
        using var http = new System.Net.Http.HttpClient();
        var bytes = await http.GetByteArrayAsync(task.VideoUrl);

        Assert.That(task.TextContent, Is.EqualTo(TestMedia.SampleText));
        Assert.That(bytes, Is.EqualTo(TestMedia.SampleBytes));
        Assert.That((await client.GetQuotaUsageAsync()).Unlimited, Is.True);
    }
}
