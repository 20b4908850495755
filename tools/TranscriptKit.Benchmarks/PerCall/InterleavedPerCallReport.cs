using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace TranscriptKit.Benchmarks.PerCall;

/// <summary>
/// <c>percall</c>: the per-call benchmarks (<see cref="PerCallBenchmarks"/>, the same cases and peers) timed in
/// interleaved rounds. Each round runs every case for the same number of calls, one after another, so a noisy stretch
/// of the shared machine hits all of them alike; a case's time ratio is the median of its per-round ratios to its
/// category's baseline, which drift between rounds does not move. Allocations are counted exactly on the calling
/// thread (every call completes synchronously on the in-memory handler).
/// </summary>
internal static class InterleavedPerCallReport
{
    public static async Task<int> RunAsync(string[] args)
    {
        ReportArguments arguments;
        try
        {
            arguments = ReportArguments.Parse(args, "percall", ["--rounds", "--calls", "--warmup"]);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"percall: {ex.Message} Usage: percall [--rounds 9] [--calls 100000] [--warmup 20000]");
            return 2;
        }

        var rounds = arguments.Int("--rounds", 9);
        var calls = arguments.Int("--calls", 100_000);
        var warmup = arguments.Int("--warmup", 20_000);
        if (rounds < 1 || calls < 1 || warmup < 0)
        {
            Console.Error.WriteLine("percall: --rounds and --calls must be positive, --warmup not negative.");
            return 2;
        }

        var benchmarks = new PerCallBenchmarks();
        benchmarks.Setup();
        try
        {
            var cases = Cases(benchmarks);
            foreach (var item in cases)
            {
                await item.RunAsync(warmup).ConfigureAwait(false);
            }

            for (var round = 0; round < rounds; round++)
            {
                foreach (var item in cases)
                {
                    var allocated = GC.GetAllocatedBytesForCurrentThread();
                    var clock = Stopwatch.StartNew();
                    await item.RunAsync(calls).ConfigureAwait(false);
                    item.Microseconds.Add(clock.Elapsed.TotalMicroseconds / calls);
                    item.Bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)calls;
                }
            }

            Print(cases, rounds, calls);
            return 0;
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    private static List<Case> Cases(PerCallBenchmarks benchmarks) =>
        typeof(PerCallBenchmarks).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Select(method => (Method: method, Benchmark: method.GetCustomAttribute<BenchmarkAttribute>()))
            .Where(m => m.Benchmark is not null)
            .Select(m => new Case(
                m.Method.GetCustomAttribute<BenchmarkCategoryAttribute>()!.Categories[0],
                m.Benchmark!.Description ?? m.Method.Name,
                m.Benchmark.Baseline,
                // A bound delegate, not MethodInfo.Invoke: no reflection cost or allocation inside the timed calls.
                m.Method.CreateDelegate<Func<Task>>(benchmarks)))
            .ToList();

    private static void Print(List<Case> cases, int rounds, int calls)
    {
        Console.WriteLine($"Per call, {rounds} interleaved rounds of {calls:N0} calls per case; time: median of rounds, ratio: median of per-round ratios to the floor.");
        Console.WriteLine();
        Console.WriteLine("| case | peer | median | ratio (time) | allocated | ratio (alloc) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var group in cases.GroupBy(c => c.Category))
        {
            var baseline = group.Single(c => c.Baseline);
            foreach (var item in group)
            {
                var ratios = item.Microseconds.Zip(baseline.Microseconds, (mine, floor) => mine / floor).ToList();
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {item.Category} | {item.Peer} | {Median(item.Microseconds):F3} µs | {Median(ratios):F2} | {item.Bytes:N0} B | {item.Bytes / baseline.Bytes:F2} |"));
            }
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed class Case(string category, string peer, bool baseline, Func<Task> call)
    {
        public string Category { get; } = category;

        public string Peer { get; } = peer;

        public bool Baseline { get; } = baseline;

        public List<double> Microseconds { get; } = [];

        public double Bytes { get; set; }

        public async Task RunAsync(int times)
        {
            for (var i = 0; i < times; i++)
            {
                await call().ConfigureAwait(false);
            }
        }
    }
}
