using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.CaptionCat;
using TranscriptKit.Subclip;

namespace TranscriptKit.Sandbox.Tests;

public sealed class FaultAndSandboxTests
{
    private static CaptionCatClient CaptionCat(VendorSandbox sandbox, RetryOptions? retry = null, TimeSpan? timeout = null) => new(new CaptionCatClientOptions
    {
        ApiKey = sandbox.ApiKey,
        Endpoint = sandbox.GetEndpoint("captioncat"),
        Retry = retry ?? TestMedia.FastRetries,
        RequestTimeout = timeout ?? TimeSpan.FromSeconds(30),
    });

    [Test]
    public async Task A_429_with_Retry_After_is_sent_and_the_client_retries()
    {
        await using var sandbox = await TestMedia.StartAsync();
        sandbox.Faults.For("captioncat").FailNext(1, 429, retryAfter: TimeSpan.Zero);
        using var http = new HttpClient();

        using var raw = await http.GetAsync(sandbox.GetEndpoint("captioncat") + "/balance");
        sandbox.Faults.For("captioncat").FailNext(1, 429, retryAfter: TimeSpan.Zero);
        var balance = await CaptionCat(sandbox).GetBalanceAsync();

        Assert.That(raw.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(raw.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.Zero));
        Assert.That(await raw.Content.ReadAsStringAsync(), Does.StartWith("{\"error\":"));
        Assert.That(balance.Balance, Is.EqualTo(2400));
        Assert.That(sandbox.Requests.Select(r => r.StatusCode), Is.EqualTo(new[] { 429, 429, 200 }));
    }

    [Test]
    public async Task A_503_on_a_job_starting_POST_is_not_retried_so_exactly_one_job_is_created()
    {
        await using var sandbox = await TestMedia.StartAsync();
        var client = new SubclipClient(new SubclipClientOptions { ApiKey = sandbox.ApiKey, Endpoint = sandbox.GetEndpoint("subclip"), Retry = TestMedia.FastRetries });
        sandbox.Faults.For("subclip").FailNext(1, 503);

        Assert.ThrowsAsync<TranscriptKitServerException>(() => client.CreateJobAsync(new CreateJobRequest { Url = "https://youtu.be/a", Language = "en" }));

        Assert.That(TestMedia.Count(sandbox, "subclip", "POST", "/social-transcripts/jobs"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_malformed_body_is_a_response_exception()
    {
        await using var sandbox = await TestMedia.StartAsync();
        sandbox.Faults.For("captioncat").MalformNext(1);

        Assert.ThrowsAsync<TranscriptKitResponseException>(() => CaptionCat(sandbox).GetBalanceAsync());
        Assert.That((await CaptionCat(sandbox).GetBalanceAsync()).Balance, Is.EqualTo(2400), "only the next response was malformed");
    }

    [Test]
    public async Task A_delayed_response_runs_into_the_client_timeout()
    {
        await using var sandbox = await TestMedia.StartAsync();
        sandbox.Faults.For("captioncat").DelayNext(1, TimeSpan.FromMinutes(5));

        Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => CaptionCat(sandbox, new RetryOptions { MaxRetries = 0 }, TimeSpan.FromMilliseconds(100)).GetBalanceAsync());
    }

    [Test]
    public async Task Reset_clears_pending_faults_and_unknown_vendors_are_refused()
    {
        await using var sandbox = await TestMedia.StartAsync();
        sandbox.Faults.For("captioncat").FailNext(5, 500);
        sandbox.Faults.Reset();

        Assert.That((await CaptionCat(sandbox).GetBalanceAsync()).Balance, Is.EqualTo(2400));
        Assert.Throws<ArgumentException>(() => sandbox.Faults.For("nobody"));
        Assert.Throws<ArgumentOutOfRangeException>(() => sandbox.Faults.For("captioncat").FailNext(1, 200));
    }

    [Test]
    public async Task Endpoints_are_per_vendor_prefixes_on_loopback_and_unknown_ids_are_refused()
    {
        await using var sandbox = await TestMedia.StartAsync();

        Assert.That(sandbox.VendorIds, Is.EqualTo(new[] { "captioncat", "subclip", "transcriptgenerate", "cliptext", "soscripted" }));
        Assert.That(sandbox.BaseAddress.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(sandbox.GetEndpoint("captioncat").AbsolutePath, Is.EqualTo("/captioncat/v1"));
        Assert.That(sandbox.GetEndpoint("subclip").AbsolutePath, Is.EqualTo("/subclip/api/v1"));
        Assert.That(sandbox.GetEndpoint("transcriptgenerate").AbsolutePath, Is.EqualTo("/transcriptgenerate/open-gateway"));
        Assert.That(sandbox.GetEndpoint("cliptext").AbsolutePath, Is.EqualTo("/cliptext/v1"));
        Assert.That(sandbox.GetEndpoint("soscripted").AbsolutePath, Is.EqualTo("/soscripted/api/public"));
        var error = Assert.Throws<ArgumentException>(() => sandbox.GetEndpoint("acme"));
        Assert.That(error!.Message, Does.Contain("captioncat, subclip, transcriptgenerate, cliptext, soscripted"));
    }

    [Test]
    public async Task Requests_are_logged_without_the_prefix_and_media_without_a_sidecar_is_not_served()
    {
        await using var sandbox = await TestMedia.StartAsync();
        using var http = new HttpClient();

        await CaptionCat(sandbox).GetBalanceAsync();
        using var sample = await http.GetAsync(sandbox.GetMediaUrl(TestMedia.SampleName));
        using var other = await http.GetAsync(sandbox.GetMediaUrl("nosidecar.mp4"));

        Assert.That(sample.Content.Headers.ContentType?.MediaType, Is.EqualTo("video/mp4"));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(sandbox.Requests, Is.EqualTo(new[]
        {
            new SandboxRequest("captioncat", "GET", "/balance", "", 200, "getBalance"),
            new SandboxRequest("media", "GET", "/hello.mp4", "", 200),
            new SandboxRequest("media", "GET", "/nosidecar.mp4", "", 404),
        }));
    }

    [Test]
    public async Task A_fixed_port_is_honoured()
    {
        await using var probe = await TestMedia.StartAsync();
        var port = probe.BaseAddress.Port;
        await probe.DisposeAsync();

        await using var sandbox = await TestMedia.StartAsync(o => o.Port = port);

        Assert.That(sandbox.BaseAddress.Port, Is.EqualTo(port));
    }
}
