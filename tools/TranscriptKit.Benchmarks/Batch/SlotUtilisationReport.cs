using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Tasks;
using TranscriptKit.Sandbox;
using TranscriptKit.TranscriptGenerate;

namespace TranscriptKit.Benchmarks.Batch;

/// <summary>
/// <c>slots</c>: <c>TranscribeManyAsync</c> over TranscriptGenerate items against the sandbox (in-process, loopback),
/// whose tasks each hold one of its concurrency slots for a fixed time (<see cref="SandboxOptions.JobDuration"/>).
/// Part 1, slot utilisation: busy slot-time (items × job duration, every item accepted exactly once) over available
/// slot-time (slots × the batch's wall time, first request to last answer), with no ledger and with the SQLite
/// ledger; limit errors reaching the caller; refused submits. Part 2, ledger overhead: the same batch with jobs done at
/// their first query, so the ledger's share is not hidden behind the jobs' time: ms and bytes allocated per item,
/// SQLite ledger against none (allocations are the whole process's, sandbox included: only the difference is the
/// ledger's).
/// </summary>
/// <remarks><c>slots [--items 1000] [--slots 2] [--job-ms 1000] [--poll-ms 20] [--ledgers none,sqlite] [--concurrency n] [--overhead-items 300] [--reps 3] [--out file.md]</c></remarks>
public static class SlotUtilisationReport
{
    private const string Vendor = "transcriptgenerate";

    /// <summary>Runs the report; the leading <c>slots</c> verb is optional. Exits 1 when an item failed or a limit error reached the caller.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var given = ReportArguments.Parse(args, "slots", ["--items", "--slots", "--concurrency", "--job-ms", "--poll-ms", "--overhead-items", "--reps", "--ledgers", "--out"]);
        int items = given.Int("--items", 1000), slots = given.Int("--slots", 2), jobMs = given.Int("--job-ms", 1000), pollMs = given.Int("--poll-ms", 20);
        int overheadItems = given.Int("--overhead-items", 300), reps = given.Int("--reps", 3);
        var concurrency = given.IntOrNull("--concurrency");
        var output = given.Text("--out");
        var ledgers = given.Value(
            "--ledgers",
            text => text.Split(',').Select(l => l.Trim() switch { "none" => false, "sqlite" => true, var other => throw new ArgumentException($"--ledgers takes none and/or sqlite, not '{other}'.") }).ToArray(),
            [false, true]);

        var report = new StringBuilder();
        var failed = false;
        report.AppendLine(CultureInfo.InvariantCulture, $"# slots: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"{items} TranscriptGenerate items, sandbox limit {slots} slots, each task {jobMs} ms from creation, polled every {pollMs} ms (TranscriptGenerate's 5 s cap on a {jobMs * 5.0 / pollMs:0} s job, scaled); {(concurrency is { } c ? $"{c} in flight (MaxConcurrency), past the limit on purpose" : "concurrency from the vendor's free slots (GetConcurrency)")}.");
        report.AppendLine();
        report.AppendLine("| ledger | items ok | limit errors to caller | refused submits (601) | wall s | busy slot-s | utilisation | idle per item ms | MB allocated (process) |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");

        // Warm-up (JIT, connection pool, SQLite native load) at a tiny size, not reported.
        await RunBatchAsync(Math.Min(items, 6), slots, TimeSpan.FromMilliseconds(Math.Min(jobMs, 20)), TimeSpan.FromMilliseconds(pollMs), useLedger: true, concurrency).ConfigureAwait(false);
        foreach (var useLedger in ledgers)
        {
            var run = await RunBatchAsync(items, slots, TimeSpan.FromMilliseconds(jobMs), TimeSpan.FromMilliseconds(pollMs), useLedger, concurrency).ConfigureAwait(false);
            failed |= run.Succeeded != items || run.LimitErrors != 0;
            var available = slots * run.Wall.TotalSeconds;
            var busy = run.Succeeded * jobMs / 1000.0;
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {(useLedger ? "SQLite" : "none")} | {run.Succeeded} | {run.LimitErrors} | {run.Refused} | {run.Wall.TotalSeconds:0.00} | {busy:0.00} | {busy / available:P1} | {(available - busy) * 1000 / items:0.00} | {run.Allocated / 1048576.0:0.0} |");
        }

        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Ledger overhead: {overheadItems} items, each task done at its first query (no job time), {reps} runs each, alternating; medians.");
        report.AppendLine();
        report.AppendLine("| ledger | ms per item | KB allocated per item (process) |");
        report.AppendLine("|---|---:|---:|");
        var none = new List<BatchRun>();
        var sqlite = new List<BatchRun>();
        for (var r = 0; r < reps; r++)
        {
            // Alternate which goes first, so neither always runs on the warmer process.
            foreach (var useLedger in r % 2 == 0 ? new[] { false, true } : new[] { true, false })
            {
                var run = await RunBatchAsync(overheadItems, slots, jobDuration: null, TimeSpan.FromMilliseconds(pollMs), useLedger, maxConcurrency: null).ConfigureAwait(false);
                failed |= run.Succeeded != overheadItems || run.LimitErrors != 0;
                (useLedger ? sqlite : none).Add(run);
            }
        }

        double Ms(List<BatchRun> runs) => Median(runs.Select(x => x.Wall.TotalMilliseconds / overheadItems));
        double Kb(List<BatchRun> runs) => Median(runs.Select(x => x.Allocated / 1024.0 / overheadItems));
        report.AppendLine(CultureInfo.InvariantCulture, $"| none | {Ms(none):0.000} | {Kb(none):0.0} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| SQLite | {Ms(sqlite):0.000} | {Kb(sqlite):0.0} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| **SQLite − none** | **{Ms(sqlite) - Ms(none):0.000}** | **{Kb(sqlite) - Kb(none):0.0}** |");

        Console.WriteLine(report.ToString());
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, report.ToString()).ConfigureAwait(false);
        }

        if (failed)
        {
            Console.Error.WriteLine("slots: an item failed or a limit error reached the caller (see the tables).");
        }

        return failed ? 1 : 0;
    }

    /// <summary>One batch against a fresh sandbox (its slots all free), so runs do not inherit each other's tasks.</summary>
    private static async Task<BatchRun> RunBatchAsync(int count, int slots, TimeSpan? jobDuration, TimeSpan poll, bool useLedger, int? maxConcurrency)
    {
        var sandboxOptions = new SandboxOptions { PendingPolls = 0, JobDuration = jobDuration };
        sandboxOptions.ConcurrencyLimits[Vendor] = slots;
        sandboxOptions.QuotaSeconds[Vendor] = -1;
        await using var sandbox = await VendorSandbox.StartAsync(sandboxOptions).ConfigureAwait(false);
        using var client = new TranscriptGenerateClient(new TranscriptGenerateClientOptions { ApiKey = sandbox.ApiKey, ApiSecret = sandbox.ApiSecret, Endpoint = sandbox.GetEndpoint(Vendor) });
        // One fixed interval, scaled to the shortened jobs as TranscriptGenerate's 2-5 s are to minutes-long ones.
        var transcriber = new TranscriptGenerateTranscriber(client, new TranscriberOptions
        {
            Polling = new PollingOverride { InitialInterval = poll, MaxInterval = poll, BackoffFactor = 1, Timeout = TimeSpan.FromMinutes(10) },
        });
        // Unmatched URLs get the sandbox's simulated transcript; each item its own, so the ledger keys differ.
        var requests = Enumerable.Range(0, count).Select(i => TranscriptionRequest.FromUrl(new Uri($"https://v.douyin.com/bench/{i:D5}"))).ToList();
        var folder = Path.Combine(Path.GetTempPath(), "tk-slots-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
        try
        {
            var ledger = useLedger ? await SqliteTranscriptionLedger.OpenAsync(Path.Combine(folder, "batch.db")).ConfigureAwait(false) : null;
            try
            {
                var options = new TranscriptionBatchOptions { Ledger = ledger, MaxConcurrency = maxConcurrency };
                GC.Collect();
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                var results = await transcriber.TranscribeManyAsync(requests, options).ConfigureAwait(false);
                var wall = clock.Elapsed;
                var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                var creates = sandbox.Requests.Count(r => r.Vendor == Vendor && r.Operation == "createTask");
                var succeeded = results.Count(r => r.Succeeded);
                var limitErrors = results.Count(r => r.Error is TranscriptKitRateLimitException);
                var firstError = results.FirstOrDefault(r => r.Error is not null)?.Error;
                if (firstError is not null)
                {
                    Console.Error.WriteLine($"slots: {count - succeeded} item(s) failed, first: {firstError.GetType().Name}: {firstError.Message}");
                }

                // Every accepted task is one item (none is submitted twice), so the rest of the creates were refused.
                return new BatchRun(succeeded, limitErrors, creates - succeeded, wall, allocated);
            }
            finally
            {
                if (ledger is not null)
                {
                    await ledger.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed record BatchRun(int Succeeded, int LimitErrors, int Refused, TimeSpan Wall, long Allocated);
}
