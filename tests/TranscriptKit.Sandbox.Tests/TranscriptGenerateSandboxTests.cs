using System.Net;
using System.Threading.Tasks;
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
