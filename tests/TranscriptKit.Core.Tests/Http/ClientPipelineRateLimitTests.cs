using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Runtime;

namespace TranscriptKit.Core.Tests.Http;

/// <summary>
/// The client-side rate limiter keeps to the plan's documented limits on the fake clock: requests past the window's
/// permits wait for the window to slide (not an attempt, so no retry or timeout is spent), uploads queue for a slot.
/// </summary>
[CancelAfter(20_000)]
public class ClientPipelineRateLimitTests
{
    private static readonly VendorLimits s_plans = new()
    {
        Plans = [new VendorPlan("free") { RateLimitRequests = 10, RateLimitWindow = TimeSpan.FromMinutes(1), MaxConcurrentUploads = 1 }, new VendorPlan("pro") { RateLimitRequests = 60, RateLimitWindow = TimeSpan.FromMinutes(1), MaxConcurrentUploads = 5 }],
        DefaultPlan = "free",
    };

    private static readonly VendorDescriptor s_planned = PipelineFixture.Vendor with { Limits = s_plans };

    private static PipelineFixture Fixture(Action<TestOptions>? configure = null, VendorDescriptor? vendor = null)
    {
        var fixture = new PipelineFixture(configure: configure, vendor: vendor ?? s_planned);
        fixture.Handler.Otherwise(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });
        return fixture;
    }

    private static Task<HttpResponseMessage> Send(PipelineFixture fixture, CancellationToken cancellationToken = default) =>
        fixture.Pipeline.SendAsync(fixture.Request(), null, PipelineFixture.Get, cancellationToken);

    [Test]
    public async Task The_default_plan_lets_ten_requests_through_and_holds_the_eleventh_until_the_window_slides()
    {
        var fixture = Fixture();
        for (var i = 0; i < 10; i++)
        {
            (await Send(fixture)).Dispose();
        }

        var eleventh = Send(fixture);
        await Eventually.Until(() => fixture.Handler.Requests.Count == 10, "ten requests sent");
        fixture.Clock.Advance(TimeSpan.FromSeconds(59));
        await Task.Yield();
        Assert.That(eleventh.IsCompleted, Is.False, "the eleventh waits: ten were sent within this minute");
        Assert.That(fixture.Handler.Requests, Has.Count.EqualTo(10));

        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        (await eleventh.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        Assert.That(fixture.Handler.Requests, Has.Count.EqualTo(11));
    }

    [Test]
    public async Task The_pro_plan_allows_sixty_a_minute()
    {
        var fixture = Fixture(o => o.Plan = "pro");
        for (var i = 0; i < 60; i++)
        {
            (await Send(fixture)).Dispose();
        }

        var next = Send(fixture);
        await Task.Yield();
        Assert.That(next.IsCompleted, Is.False);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        (await next.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        Assert.That(fixture.Handler.Requests, Has.Count.EqualTo(61));
    }

    [Test]
    public async Task RateLimit_Off_sends_everything_at_once()
    {
        var fixture = Fixture(o => o.RateLimit = RateLimitOptions.Off);
        for (var i = 0; i < 25; i++)
        {
            (await Send(fixture)).Dispose();
        }

        Assert.That(fixture.Handler.Requests, Has.Count.EqualTo(25));
    }

    [Test]
    public async Task An_explicit_RateLimit_replaces_the_plans()
    {
        var fixture = Fixture(o => o.RateLimit = new RateLimitOptions { Requests = 2, Window = TimeSpan.FromSeconds(10) });
        (await Send(fixture)).Dispose();
        (await Send(fixture)).Dispose();

        var third = Send(fixture);
        await Task.Yield();
        Assert.That(third.IsCompleted, Is.False);
        fixture.Clock.Advance(TimeSpan.FromSeconds(10));
        (await third.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Test]
    public void An_unknown_plan_is_refused_when_the_client_is_built_naming_the_documented_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => Fixture(o => o.Plan = "enterprise"));
        Assert.That(error!.Message, Does.Contain("enterprise").And.Contain("free, pro"));
    }

    [Test]
    public async Task A_vendor_without_documented_limits_is_not_limited()
    {
        var fixture = Fixture(vendor: PipelineFixture.Vendor);
        for (var i = 0; i < 25; i++)
        {
            (await Send(fixture)).Dispose();
        }

        Assert.That(fixture.Handler.Requests, Has.Count.EqualTo(25));
    }

    [Test]
    public async Task Waiting_for_a_permit_is_not_an_attempt_a_job_start_waits_and_is_sent_once()
    {
        // The sacred property: a queued job-starting POST is sent exactly once, however long it waited.
        var fixture = Fixture(o => o.RateLimit = new RateLimitOptions { Requests = 1, Window = TimeSpan.FromMinutes(1) });
        (await Send(fixture)).Dispose();

        var start = fixture.Pipeline.SendAsync(fixture.Request(Microsoft.Kiota.Abstractions.Method.POST), null, PipelineFixture.StartJob, CancellationToken.None);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        (await start.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();

        Assert.That(fixture.Handler.Requests.Count(r => r.Method == HttpMethod.Post), Is.EqualTo(1));
    }

    [Test]
    public async Task The_callers_token_cancels_the_wait_for_a_permit_without_sending()
    {
        var fixture = Fixture(o => o.RateLimit = new RateLimitOptions { Requests = 1, Window = TimeSpan.FromMinutes(1) });
        (await Send(fixture)).Dispose();
        using var cancel = new CancellationTokenSource();

        var waiting = Send(fixture, cancel.Token);
        cancel.Cancel();

        Assert.That(async () => await waiting, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(fixture.Handler.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task One_concurrent_upload_on_the_free_plan_queues_the_second_until_the_first_ends()
    {
        var fixture = new PipelineFixture(vendor: s_planned);
        var firstArrived = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource<HttpResponseMessage>();
        var calls = 0;
        var handler = fixture.Handler;
        handler.Otherwise(_ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                firstArrived.TrySetResult();
                return releaseFirst.Task.GetAwaiter().GetResult();
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") };
        });

        using var a = UploadFile.FromStream(new System.IO.MemoryStream(new byte[16]), "a.mp4");
        using var b = UploadFile.FromStream(new System.IO.MemoryStream(new byte[16]), "b.mp4");
        var first = Task.Run(() => fixture.Pipeline.SendAsync(fixture.Request(Microsoft.Kiota.Abstractions.Method.POST), new MultipartRequestBody(null).AddFile("file", a), PipelineFixture.StartJob, CancellationToken.None));
        await firstArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var second = fixture.Pipeline.SendAsync(fixture.Request(Microsoft.Kiota.Abstractions.Method.POST), new MultipartRequestBody(null).AddFile("file", b), PipelineFixture.StartJob, CancellationToken.None);
        var plain = Send(fixture);

        (await plain.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        Assert.That(second.IsCompleted, Is.False, "the second upload waits for the only upload slot; a plain request does not");

        releaseFirst.SetResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });
        (await first.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        Assert.That(calls, Is.EqualTo(3));
    }
}
