using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Sandbox;

namespace TranscriptKit.Tests.EndToEnd;

/// <summary>A batch against the sandbox on a fake clock: the plan's documented request rate paces it, and a 429 is waited out, not failed.</summary>
[NonParallelizable]
public sealed class BatchPacingTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task A_batch_keeps_to_the_plans_documented_rate_and_waits_out_a_429()
    {
        var sandboxOptions = new SandboxOptions { PendingPolls = 0 };
        sandboxOptions.MediaDirectories.Add(RepositoryPaths.Samples);
        await using var sandbox = await VendorSandbox.StartAsync(sandboxOptions);
        var clock = new FakeTimeProvider();
        var started = clock.GetUtcNow();
        // Cliptext's spec: the Free plan (its default) allows 10 requests a minute; the client's limiter waits on this clock.
        // The presigned flow (MaxDirectUploadBytes = 0): three calls a file, so four files need more than a minute's 10.
        // No per-attempt timeout: it would run on the fake clock, which this loop advances while the real socket is still
        // answering, so a slow moment of the machine became a 100 s "timeout" (about half the runs of this test alone).
        // Pacing and the 429's wait are what is tested; timeouts have their own tests.
        using var client = new Cliptext.CliptextClient(new Cliptext.CliptextClientOptions { ApiKey = sandbox.ApiKey, Endpoint = sandbox.GetEndpoint("cliptext"), TimeProvider = clock, RequestTimeout = System.Threading.Timeout.InfiniteTimeSpan });
        var transcriber = new CliptextTranscriber(
            client,
            new TranscriberOptions { TimeProvider = clock, Polling = new PollingOverride { InitialInterval = TimeSpan.FromSeconds(1), MaxInterval = TimeSpan.FromSeconds(1) } },
            new CliptextTranscriberOptions { MaxDirectUploadBytes = 0 });
        sandbox.Faults.For("cliptext").FailNext(1, 429, retryAfter: TimeSpan.FromSeconds(30), operation: "createTranscription");
        var requests = Enumerable.Range(0, 4).Select(_ => TranscriptionRequest.FromFile(RepositoryPaths.Sample("short-note.mp3"))).ToList();
        int ApiCalls() => sandbox.Requests.Count(r => r.Vendor == "cliptext" && r.Operation is not ("" or "signedUpload") && r.Fault is null);

        var batch = transcriber.TranscribeManyAsync(requests, new TranscriptionBatchOptions { TimeProvider = clock }, cancellationToken: TestContext.CurrentContext.CancellationToken);
        // The clock starts once the first request is in: a cold start (JIT, the first connection) takes real time the
        // loop below would otherwise count as fake seconds of the first minute.
        await Eventually.WaitUntilAsync(() => ApiCalls() > 0, "the batch's first request");
        started = clock.GetUtcNow();
        var inFirstMinute = -1;
        for (var second = 0; second < 1_200 && !batch.IsCompleted; second++)
        {
            await Eventually.SettleAsync();
            if (clock.GetUtcNow() - started == TimeSpan.FromSeconds(59))
            {
                inFirstMinute = ApiCalls();
            }

            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var results = await batch;

        Assert.That(results.All(r => r.Succeeded), Is.True, string.Join("; ", results.Where(r => !r.Succeeded).Select(r => r.Error!.Message)));
        Assert.That(sandbox.Requests.Count(r => r.Fault == "fail"), Is.EqualTo(1), "the 429 was answered");
        Assert.That(ApiCalls(), Is.GreaterThan(10), "more calls than one minute allows, so the rate had to pace them");
        Assert.That(inFirstMinute, Is.InRange(1, 10), "no more than the plan's 10 requests in the first minute");
        Assert.That(sandbox.Requests.Count(r => r.Operation == "createTranscription" && r.Fault is null), Is.EqualTo(4), "one accepted job per item");
    }
}
