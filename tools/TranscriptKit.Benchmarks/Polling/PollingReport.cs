using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Benchmarks.Polling;

/// <summary>
/// <c>polling</c>: for every generated <c>WaitFor…Async</c> with its spec's default policy, on a fake clock, how many
/// status requests a job of 10 s, 1 min, 5 min and 30 min costs, and how long after the job finished the helper
/// returned. The status bodies are the recorded ones (tests/fixtures flows). Deterministic; no real time passes.
/// </summary>
public static class PollingReport
{
    private static readonly TimeSpan[] s_durations = { TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30) };

    public static async Task<int> RunAsync(string[] args)
    {
        _ = args;
        var cases = new List<PollCase>
        {
            new("Caption Cat", "WaitForTranscriptionAsync", Resources.Cassette("captioncat", "flow-transcribe-and-get-srt", 2), Resources.Cassette("captioncat", "flow-transcribe-and-get-srt", 3),
                (http, tp) => Wait(new TranscriptKit.CaptionCat.CaptionCatClient(http, new() { ApiKey = "k", TimeProvider = tp }), c => c.WaitForTranscriptionAsync("cb6dc793fa1ceadb55744ba0a7b0af56")),
                TranscriptKit.CaptionCat.CaptionCatClient.DefaultTranscriptionPolling),
            new("Caption Cat", "WaitForRenderAsync", Resources.Cassette("captioncat", "get-render-progress"), Done(Resources.Cassette("captioncat", "get-render-progress"), "\"progress\": 75", "\"progress\": 100"),
                (http, tp) => Wait(new TranscriptKit.CaptionCat.CaptionCatClient(http, new() { ApiKey = "k", TimeProvider = tp }), c => c.WaitForRenderAsync("cb6dc793fa1ceadb55744ba0a7b0af56")),
                TranscriptKit.CaptionCat.CaptionCatClient.DefaultRenderPolling),
            new("Subclip", "WaitForJobAsync", Resources.Cassette("subclip", "flow-upload-and-transcribe", 3), Resources.Cassette("subclip", "flow-upload-and-transcribe", 4),
                (http, tp) => Wait(new TranscriptKit.Subclip.SubclipClient(http, new() { ApiKey = "k", TimeProvider = tp }), c => c.WaitForJobAsync("stproj_...")),
                TranscriptKit.Subclip.SubclipClient.DefaultJobPolling),
            new("TranscriptGenerate", "WaitForTaskAsync", Resources.Cassette("transcriptgenerate", "flow-create-and-poll", 1), Resources.Cassette("transcriptgenerate", "flow-create-and-poll", 2),
                (http, tp) => Wait(new TranscriptKit.TranscriptGenerate.TranscriptGenerateClient(http, new() { ApiKey = "k", ApiSecret = "s", TimeProvider = tp }), c => c.WaitForTaskAsync("1893456789012345678")),
                TranscriptKit.TranscriptGenerate.TranscriptGenerateClient.DefaultTaskPolling),
            new("Cliptext", "WaitForTranscriptionAsync", Resources.Cassette("cliptext", "flow-upload-and-transcribe", 4), Resources.Cassette("cliptext", "flow-upload-and-transcribe", 5),
                (http, tp) => Wait(new TranscriptKit.Cliptext.CliptextClient(http, new() { ApiKey = "k", TimeProvider = tp }), c => c.WaitForTranscriptionAsync("txn_abc123")),
                TranscriptKit.Cliptext.CliptextClient.DefaultTranscriptionPolling),
        };

        Console.WriteLine("| vendor | helper | policy (first → ×factor → cap; timeout) | job | requests | detection delay | outcome |");
        Console.WriteLine("|---|---|---|---:|---:|---:|---|");
        foreach (var pollCase in cases)
        {
            foreach (var duration in s_durations)
            {
                var row = await RunOneAsync(pollCase, duration).ConfigureAwait(false);
                Console.WriteLine($"| {pollCase.Vendor} | {pollCase.Helper} | {Policy(pollCase.Policy)} | {Format(duration)} | {row.Requests} | {row.Delay} | {row.Outcome} |");
            }
        }

        Console.WriteLine("| Soscripted | (none) | no status operation: the one blocking call (600 s timeout) or its event stream | — | — | — | not polled |");
        return 0;
    }

    private static async Task<(int Requests, string Delay, string Outcome)> RunOneAsync(PollCase pollCase, TimeSpan duration)
    {
        var clock = new TrackingTimeProvider();
        var started = clock.GetUtcNow();
        var completesAt = started + duration;
        using var handler = new JobSimulatorHandler(clock, completesAt, pollCase.Running, pollCase.Done);
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var wait = pollCase.Start(http, clock);

        while (!wait.IsCompleted)
        {
            // Let the helper settle: after each answered request it arms its next interval's timer (or returns).
            var next = await SettleAsync(clock, handler, wait).ConfigureAwait(false);
            if (wait.IsCompleted)
            {
                break;
            }

            clock.AdvanceTo(next);
        }

        var returnedAt = clock.GetUtcNow();
        try
        {
            await wait.ConfigureAwait(false);
            return (handler.Requests, Format(returnedAt - completesAt), "succeeded");
        }
        catch (TranscriptKitTimeoutException ex)
        {
            return (handler.Requests, "—", $"**timeout** at {Format(ex.Elapsed)} (job needs {Format(duration)})");
        }
    }

    private static async Task<DateTimeOffset> SettleAsync(TrackingTimeProvider clock, JobSimulatorHandler handler, Task wait)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (wait.IsCompleted)
            {
                return clock.GetUtcNow();
            }

            // The poller's interval timer is the one armed after the last request; with none yet, the request is still in flight.
            if (handler.Requests > 0 && clock.NextDueAfter(handler.LastSequence) is not null)
            {
                // Settled: jump to the earliest pending timer (the interval, or the overall timeout if that comes first).
                return clock.NextDue()!.Value;
            }

            await Task.Delay(1).ConfigureAwait(false);
        }

        throw new TimeoutException("The polling helper neither armed a timer nor returned within 10 s of real time.");
    }

    private static Task Wait<TClient>(TClient client, Func<TClient, Task> wait) => wait(client);

    private static Exchange Done(Exchange running, string from, string to) =>
        running with { ResponseBody = running.ResponseBody!.Replace(from, to, StringComparison.Ordinal) };

    private static string Policy(PollingOptions p) =>
        $"{Format(p.InitialInterval)} → ×{p.BackoffFactor.ToString(CultureInfo.InvariantCulture)} → {Format(p.MaxInterval)}; {Format(p.Timeout)}";

    private static string Format(TimeSpan t) =>
        t.TotalMinutes >= 1 && t.Seconds == 0 && t.Milliseconds == 0 ? $"{t.TotalMinutes:0} min"
        : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes} min {t.Seconds} s"
        : $"{t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";

    private sealed record PollCase(string Vendor, string Helper, Exchange Running, Exchange Done, Func<HttpClient, TimeProvider, Task> Start, PollingOptions Policy);
}
