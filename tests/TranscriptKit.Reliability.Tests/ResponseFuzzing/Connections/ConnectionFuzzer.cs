using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Reliability.Tests.ResponseFuzzing.Connections;

/// <summary>Runs scenarios (a call, a fault, a seed) against their own <see cref="FaultyServer"/> and classifies what the caller saw.</summary>
public static class ConnectionFuzzer
{
    /// <summary>Past this, a call counts as hung. Generous: the slowest legitimate path is a few 1 s timeouts in a row.</summary>
    public static readonly TimeSpan HangBound = TimeSpan.FromSeconds(20);

    /// <summary>
    /// For operations whose spec sets a long timeout (TranscriptGenerate 30 s, Soscripted 600 s), the caller's own
    /// deadline, as the CLI's <c>--timeout</c> passes one: a stall must give way to it. The spec timeout itself is
    /// proved on a fake clock in TranscriptKit.Core.Tests.
    /// </summary>
    public static readonly TimeSpan CallerDeadline = TimeSpan.FromSeconds(3);

    private static readonly ConnectionFault[] s_everyExchange =
    [
        ConnectionFault.None,
        ConnectionFault.StallAfterHeaders,
        ConnectionFault.StallMidBody,
        ConnectionFault.CutMidBody,
        ConnectionFault.ResetMidBody,
        ConnectionFault.ContentLengthTooLarge,
        ConnectionFault.ChunkedStalls,
        ConnectionFault.ChunkedCut,
        ConnectionFault.SlowDrip,
        ConnectionFault.ResetBeforeHeaders,
        ConnectionFault.CloseBeforeHeaders,
    ];

    /// <summary>The faults that apply to a kind of call.</summary>
    public static IEnumerable<ConnectionFault> FaultsFor(CallKind kind) => kind switch
    {
        CallKind.Stream => [.. s_everyExchange, ConnectionFault.SseSilent, ConnectionFault.SseKeepAliveOnly],
        CallKind.Upload => [.. s_everyExchange, ConnectionFault.UploadNeverRead],
        _ => s_everyExchange,
    };

    /// <summary>Every (call, fault) pair, each with <paramref name="seeds"/> seeds.</summary>
    public static IEnumerable<Scenario> Matrix(int seeds, int firstSeed = 1) =>
        from call in VendorCalls.All
        from fault in FaultsFor(call.Kind)
        from seed in Enumerable.Range(firstSeed, seeds)
        select new Scenario(call, fault, seed);

    /// <summary>Runs scenarios with bounded parallelism (they mostly wait on timers, not the CPU).</summary>
    public static async Task<IReadOnlyList<Result>> RunAllAsync(IEnumerable<Scenario> scenarios, int parallelism = 16)
    {
        var results = new List<Result>();
        using var gate = new SemaphoreSlim(parallelism);
        var tasks = scenarios.Select(async scenario =>
        {
            await gate.WaitAsync();
            try
            {
                var result = await RunAsync(scenario);
                lock (results)
                {
                    results.Add(result);
                }
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        await Task.WhenAll(tasks);
        return results;
    }

    public static async Task<Result> RunAsync(Scenario scenario)
    {
        var (call, fault, seed) = scenario;
        FaultyServer? server = null;
        server = new FaultyServer(r => VendorCalls.Route(r, server!.BaseUri), r => r.Method == call.Method && r.Path == call.Path, fault, seed);
        await using (server)
        {
            var clock = Stopwatch.StartNew();
            using var abandon = new CancellationTokenSource();
            if (call.SpecTimeout > VendorCalls.Timeout)
            {
                abandon.CancelAfter(CallerDeadline);
            }

            var run = Task.Run(() => call.Invoke(server.BaseUri, abandon.Token));
            var finished = await Task.WhenAny(run, Task.Delay(HangBound));
            clock.Stop();
            Exception? error = null;
            if (finished != run)
            {
                // Only now does the test cancel: the call is reported as hung whatever it does next.
                await abandon.CancelAsync();
                return new Result(scenario, Outcome.Hang, null, server.Count(call.Method, call.Path), clock.Elapsed);
            }

            try
            {
                await run;
            }
            catch (Exception ex)
            {
                error = ex;
            }

            var outcome = error switch
            {
                null => Outcome.Value,
                TranscriptKitException => Outcome.Typed,

                // Asked for: the caller's own deadline fired (long spec timeouts only).
                OperationCanceledException when abandon.IsCancellationRequested => Outcome.Cancelled,
                _ => Outcome.Untyped,
            };
            return new Result(scenario, outcome, error, server.Count(call.Method, call.Path), clock.Elapsed);
        }
    }

    /// <summary>One run: which call, which fault, which seed (the cut point and the overstated length).</summary>
    public sealed record Scenario(VendorCall Call, ConnectionFault Fault, int Seed)
    {
        public override string ToString() => $"{Call} {Fault} seed {Seed}";
    }

    public enum Outcome
    {
        Value,
        Typed,
        Cancelled,
        Untyped,
        Hang,
    }

    /// <summary>What the caller saw, and how many times the targeted request reached the server.</summary>
    public sealed record Result(Scenario Scenario, Outcome Outcome, Exception? Error, int TargetRequests, TimeSpan Elapsed)
    {
        /// <summary>Why this result breaks a rule, or null when it keeps them all.</summary>
        public string? Violation()
        {
            var (call, fault, _) = Scenario;
            if (Outcome == Outcome.Hang)
            {
                return $"{Scenario}: no outcome within {HangBound.TotalSeconds} s";
            }

            if (Outcome == Outcome.Untyped)
            {
                return $"{Scenario}: untyped {Error!.GetType().FullName}: {Error.Message}";
            }

            if (call.StartsJob && TargetRequests > 1)
            {
                return $"{Scenario}: the job-starting {call.Method} {call.Path} was sent {TargetRequests} times";
            }

            if (fault == ConnectionFault.None && Outcome != Outcome.Value)
            {
                return $"{Scenario}: the well-formed control failed: {Error?.GetType().Name}: {Error?.Message}";
            }

            // Every targeted answer is broken (retries meet the same fault), so a value would be a silent wrong value;
            // only an empty body (a storage PUT's) survives a cut or a stall intact, and a slow drip may finish in time.
            // An event stream that delivered its end event is complete even if the connection then falls short of its
            // Content-Length.
            var bodyless = call.Kind == CallKind.Upload && call.Method == "PUT";
            var completeStream = call.Kind == CallKind.Stream && fault == ConnectionFault.ContentLengthTooLarge;
            if (fault is not (ConnectionFault.None or ConnectionFault.SlowDrip) && Outcome == Outcome.Value && !bodyless && !completeStream)
            {
                return $"{Scenario}: a broken answer produced a value";
            }

            return null;
        }
    }
}
