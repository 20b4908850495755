using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Sandbox;

namespace TranscriptKit.Reliability.Tests.FaultInjection;

/// <summary>
/// Every vendor flow through the facade against the sandbox, with one network fault armed on one of its requests:
/// the flow recovers with the same transcript or fails with a typed <see cref="TranscriptKitException"/> within its
/// configured timeouts, and the paid job is submitted exactly once (never, if the flow failed before submitting); an
/// error that lost a submit's answer says the job may exist.
/// Each case gets its own sandbox and <see cref="HttpClient"/>, so a connection a fault left hanging cannot leak
/// into the next case. The matrix of outcomes is written to <c>fault-injection-matrix.md</c> in the test directory.
/// </summary>
[NonParallelizable]
public sealed class FaultInjectionTests
{
    private static readonly Dictionary<string, string> s_baseline = new(StringComparer.Ordinal);
    private static readonly ConcurrentQueue<string> s_matrix = new();

    public static IEnumerable<TestCaseData> Cases =>
        FaultCase.All.Select(c =>
        {
            var data = new TestCaseData(c).SetName($"{c.Flow.Label} × {c.Target.Operation} ({c.Target.Step}) × {c.Fault}");
            return c.WaitingFor is { } reason ? data.Explicit(reason) : data;
        });

    /// <summary>Each flow once without faults: the transcript a recovered flow must return, and one submission each.</summary>
    [OneTimeSetUp]
    public async Task RecordBaselines()
    {
        foreach (var flow in VendorFlow.All)
        {
            await using var sandbox = await StartSandboxAsync();
            using var http = NewHttpClient();
            var (outcome, transcript, error) = await RunGuardedAsync(flow, sandbox, http, CancellationToken.None);
            Assert.That(outcome, Is.EqualTo(FlowOutcome.Recovered), $"{flow.Label} without faults: {error}");
            Assert.That(flow.Submissions(sandbox), Is.EqualTo(1), $"{flow.Label} without faults submits once");
            s_baseline[flow.Vendor] = transcript!.Text;
        }
    }

    [OneTimeTearDown]
    public void WriteMatrix()
    {
        var text = new StringBuilder()
            .AppendLine("| vendor | step | operation | fault | outcome | paid submissions |")
            .AppendLine("|---|---|---|---|---|---|");
        foreach (var row in s_matrix.Order(StringComparer.Ordinal))
        {
            text.AppendLine(row);
        }

        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "fault-injection-matrix.md");
        File.WriteAllText(path, text.ToString());
        TestContext.Progress.WriteLine($"Fault-injection matrix ({s_matrix.Count} cases): {path}");
    }

    [TestCaseSource(nameof(Cases))]
    [CancelAfter(45_000)]
    public async Task A_faulted_flow_recovers_or_fails_typed_in_time_and_pays_at_most_once(FaultCase fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        await using var sandbox = await StartSandboxAsync();
        using var http = NewHttpClient();
        fault.Arm(sandbox.Faults.For(fault.Flow.Vendor));

        var (outcome, transcript, error) = await RunGuardedAsync(fault.Flow, sandbox, http, TestContext.CurrentContext.CancellationToken);

        var submissions = fault.Flow.Submissions(sandbox);
        s_matrix.Enqueue($"| {fault.Flow.Label} | {fault.Target.Step} | `{fault.Target.Operation}` | {fault.Fault} | {Describe(outcome, error)} | {submissions} |");
        Assert.Multiple(() =>
        {
            Assert.That(sandbox.Requests.Any(r => r.Fault is not null), Is.True, "the fault was applied (its operation was reached)");
            Assert.That(outcome, Is.AnyOf(FlowOutcome.Recovered, FlowOutcome.TypedError), $"recovered or a typed error, not: {error}");
            if (fault.MustRecover)
            {
                Assert.That(outcome, Is.EqualTo(FlowOutcome.Recovered), $"a one-off fault on an idempotent read is retried, not: {error}");
            }

            if (outcome == FlowOutcome.TypedError && fault.LosesSubmitAnswer)
            {
                Assert.That(((TranscriptKitException)error!).Submission, Is.EqualTo(SubmissionOutcome.Unknown), "the caller is told the job may exist");
            }

            if (outcome == FlowOutcome.Recovered)
            {
                Assert.That(transcript!.Text, Is.EqualTo(s_baseline[fault.Flow.Vendor]), "the same transcript as without the fault");
            }

            // The sacred property: one paid job, whatever happened; none if the flow gave up before submitting.
            var expected = outcome != FlowOutcome.Recovered && fault.Target.Step == FlowStep.Upload ? 0 : 1;
            Assert.That(submissions, Is.EqualTo(expected), "paid submissions in the sandbox's request log");
        });
    }

    /// <summary>
    /// Runs the flow under a guard: the flow gets a token that the guard cancels, and the wait itself is bounded too,
    /// so a flow that ignores both its timeouts and its token is reported as a hang instead of hanging the run.
    /// </summary>
    private static async Task<(FlowOutcome Outcome, Transcript? Transcript, Exception? Error)> RunGuardedAsync(VendorFlow flow, VendorSandbox sandbox, HttpClient http, CancellationToken testToken)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(testToken);
        guard.CancelAfter(ClientLimits.Guard);
        var transcriber = flow.Create(http, sandbox);
        var run = Task.Run(() => transcriber.TranscribeAsync(flow.Request(sandbox), progress: null, guard.Token), CancellationToken.None);
        var finished = await Task.WhenAny(run, Task.Delay(ClientLimits.Guard + TimeSpan.FromSeconds(5), testToken)).ConfigureAwait(false);
        if (finished != run)
        {
            return (FlowOutcome.Hang, null, new TimeoutException("the flow ignored its cancellation token too"));
        }

        try
        {
            return (FlowOutcome.Recovered, await run.ConfigureAwait(false), null);
        }
        catch (Exception ex) when (guard.IsCancellationRequested)
        {
            // Whatever it threw, it ended only because the guard cancelled it.
            return (FlowOutcome.Hang, null, ex);
        }
        catch (TranscriptKitException ex)
        {
            return (FlowOutcome.TypedError, null, ex);
        }
        catch (Exception ex)
        {
            return (FlowOutcome.UntypedError, null, ex);
        }
    }

    private static string Describe(FlowOutcome outcome, Exception? error) => outcome switch
    {
        FlowOutcome.Recovered => "recovered",
        FlowOutcome.TypedError => $"typed: `{error!.GetType().Name}`",
        FlowOutcome.Hang => "**hang**",
        _ => $"**untyped: `{error!.GetType().Name}`**",
    };

    private static Task<VendorSandbox> StartSandboxAsync()
    {
        var options = new SandboxOptions { PendingPolls = 1, StreamEventDelay = TimeSpan.FromMilliseconds(5) };
        options.MediaDirectories.Add(Samples.Directory);
        return VendorSandbox.StartAsync(options);
    }

    // Its own pool per case: disposing it closes whatever connection a fault left open.
    private static HttpClient NewHttpClient() => new(new SocketsHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };
}
