using System;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using static TranscriptKit.Reliability.Tests.ResponseFuzzing.Connections.ConnectionFuzzer;

namespace TranscriptKit.Reliability.Tests.ResponseFuzzing.Connections;

/// <summary>
/// Stalled, cut, reset, overstated, dripping and silent connections on a real loopback socket, against a poll, a create,
/// the stream and the upload of every generated client: each call ends within its timeouts with a value or a typed
/// <see cref="TranscriptKitException"/>, and a job-starting request reaches the server at most once.
/// </summary>
[NonParallelizable]
public class ConnectionFuzzTests
{
    [Test]
    [CancelAfter(240_000)]
    public async Task Every_call_of_every_client_survives_every_connection_fault()
    {
        var results = await RunAllAsync(Matrix(seeds: 1));

        Report(results);
        Assert.That(results.Select(r => r.Violation()).OfType<string>(), Is.Empty);
    }

    [Test]
    [Category("Fuzz")]
    [CancelAfter(1_800_000)]
    public async Task Seeded_connection_faults_over_many_cut_points([Values(5)] int seeds)
    {
        var results = await RunAllAsync(Matrix(seeds, firstSeed: 1000), parallelism: 24);

        Report(results);
        Assert.That(results.Select(r => r.Violation()).OfType<string>(), Is.Empty);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_paid_POST_whose_answer_is_cut_is_sent_once_and_says_the_job_may_exist()
    {
        var call = VendorCalls.All.First(c => c.Vendor == "subclip" && c.Kind == CallKind.Create);

        var result = await RunAsync(new Scenario(call, ConnectionFault.CutMidBody, 7));

        Assert.That(result.TargetRequests, Is.EqualTo(1));
        var error = (TranscriptKitException)result.Error!;
        Assert.That(error.Submission, Is.EqualTo(SubmissionOutcome.Unknown));
        Assert.That(error.Message, Does.Contain("Subclip").And.Contain("createJob"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_poll_whose_connection_is_reset_is_retried_and_ends_typed_naming_the_operation()
    {
        var call = VendorCalls.All.First(c => c.Vendor == "cliptext" && c.Kind == CallKind.Poll);

        var result = await RunAsync(new Scenario(call, ConnectionFault.ResetMidBody, 3));

        Assert.That(result.TargetRequests, Is.EqualTo(3), "the first attempt and MaxRetries = 2 more");
        Assert.That(result.Error, Is.InstanceOf<TranscriptKitTransportException>());
        Assert.That(((TranscriptKitException)result.Error!).OperationId, Is.EqualTo("getTranscription"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_bodiless_paid_POST_whose_connection_closes_before_any_answer_reaches_the_server_once()
    {
        // SocketsHttpHandler re-sent this request 3 more times by itself (4 paid jobs) before the pipeline guarded it.
        var call = VendorCalls.All.First(c => c.Vendor == "captioncat" && c.Name == "startTranscription");

        var result = await RunAsync(new Scenario(call, ConnectionFault.CloseBeforeHeaders, 1));

        Assert.That(result.TargetRequests, Is.EqualTo(1));
        Assert.That(result.Error, Is.InstanceOf<TranscriptKitTransportException>());
        Assert.That(((TranscriptKitException)result.Error!).Submission, Is.EqualTo(SubmissionOutcome.Unknown));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_JSON_paid_POST_whose_connection_closes_before_any_answer_reaches_the_server_once()
    {
        // The JSON body of a job-starting call now guards itself instead of being wrapped; on the wire nothing changes.
        // (ClientPipelineSavingsTests holds the guard itself, with a handler that sends the content twice.)
        var call = VendorCalls.All.First(c => c.Vendor == "subclip" && c.Kind == CallKind.Create);

        var result = await RunAsync(new Scenario(call, ConnectionFault.CloseBeforeHeaders, 1));

        Assert.That(result.TargetRequests, Is.EqualTo(1));
        Assert.That(result.Error, Is.InstanceOf<TranscriptKitTransportException>());
        Assert.That(((TranscriptKitException)result.Error!).Submission, Is.EqualTo(SubmissionOutcome.Unknown));
    }

    private static void Report(System.Collections.Generic.IReadOnlyList<Result> results)
    {
        TestContext.Out.WriteLine($"{results.Count} runs: " + string.Join(", ", results.GroupBy(r => r.Outcome).Select(g => $"{g.Key} {g.Count()}")));
        TestContext.Out.WriteLine($"slowest {results.Max(r => r.Elapsed).TotalSeconds:0.0} s; job-starting requests sent more than once: {results.Count(r => r.Scenario.Call.StartsJob && r.TargetRequests > 1)}");
        foreach (var group in results.GroupBy(r => r.Scenario.Fault).OrderBy(g => g.Key))
        {
            TestContext.Out.WriteLine($"  {group.Key,-22} " + string.Join(", ", group.GroupBy(r => r.Outcome).Select(g => $"{g.Key} {g.Count()}")) + $"; max {group.Max(r => r.Elapsed).TotalSeconds:0.0} s");
        }

        foreach (var violation in results.Select(r => r.Violation()).OfType<string>())
        {
            TestContext.Out.WriteLine("VIOLATION " + violation);
        }
    }
}
