using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TranscriptKit.Sandbox;
using TranscriptKit.Soscripted;

namespace TranscriptKit.Benchmarks.Streaming;

/// <summary>
/// <c>sse</c>: how long a Server-Sent Event takes from the server's socket write to the caller's
/// <c>await foreach</c>. Part 1 (exact): a loopback server in this process stamps each event with
/// <see cref="Stopwatch.GetTimestamp"/>; the generated Soscripted client and a raw <see cref="HttpClient"/> +
/// <see cref="SseParser"/> baseline read the same server, streams alternating. Part 2 (the sandbox, whose events
/// carry no timestamp): the gaps between arrivals against the configured event delay show that events arrive
/// one by one, not buffered.
/// </summary>
/// <remarks><c>sse [--streams 40] [--events 20] [--delay-ms 10] [--sandbox-streams 10] [--sandbox-delay-ms 100] [--no-sandbox] [--out file.md]</c></remarks>
public static class SseLatencyReport
{
    private const string VideoUrl = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
    private const int WarmUpStreams = 3;

    /// <summary>Runs the report; the leading <c>sse</c> verb is optional.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var given = ReportArguments.Parse(args, "sse", ["--streams", "--events", "--delay-ms", "--sandbox-streams", "--sandbox-delay-ms", "--out"], ["--no-sandbox"]);
        int streams = given.Int("--streams", 40), events = given.Int("--events", 20), delayMs = given.Int("--delay-ms", 10);
        int sandboxStreams = given.Int("--sandbox-streams", 10), sandboxDelayMs = given.Int("--sandbox-delay-ms", 100);
        var sandbox = !given.Has("--no-sandbox");
        var output = given.Text("--out");

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# sse: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Loopback server in-process: {streams} streams per reader (alternating, after {WarmUpStreams} warm-up streams each), {events} progress events per stream, {delayMs} ms apart; latency = caller's await-foreach body − server timestamp taken just before the socket write.");
        report.AppendLine();
        report.AppendLine("| reader | events | median µs | p95 µs | p99 µs | max µs | median vs raw |");
        report.AppendLine("|---|---|---|---|---|---|---|");

        await using (var server = new SseLoopbackServer(events, TimeSpan.FromMilliseconds(delayMs)))
        {
            var endpoint = new Uri($"http://127.0.0.1:{server.Port}/api/public");
            using var client = new SoscriptedClient(new SoscriptedClientOptions { ApiKey = "k", Endpoint = endpoint });
            using var http = new HttpClient(new SocketsHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };
            var ours = new List<double>();
            var raw = new List<double>();
            for (var s = 0; s < WarmUpStreams; s++)
            {
                await ReadGeneratedAsync(client, []).ConfigureAwait(false);
                await ReadRawAsync(http, endpoint, []).ConfigureAwait(false);
            }

            for (var s = 0; s < streams; s++)
            {
                // Alternate which reader goes first, so neither always follows the other.
                if (s % 2 == 0)
                {
                    await ReadRawAsync(http, endpoint, raw).ConfigureAwait(false);
                    await ReadGeneratedAsync(client, ours).ConfigureAwait(false);
                }
                else
                {
                    await ReadGeneratedAsync(client, ours).ConfigureAwait(false);
                    await ReadRawAsync(http, endpoint, raw).ConfigureAwait(false);
                }
            }

            var rawMedian = Percentile(raw, 0.5);
            report.AppendLine(Row("HttpClient + SseParser (raw baseline)", raw, rawMedian));
            report.AppendLine(Row("SoscriptedClient.TranscribeStreamAsync", ours, rawMedian));
        }

        if (sandbox)
        {
            report.AppendLine();
            report.AppendLine(await RunSandboxAsync(sandboxStreams, TimeSpan.FromMilliseconds(sandboxDelayMs)).ConfigureAwait(false));
        }

        Console.WriteLine(report.ToString());
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, report.ToString()).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>The generated client: latency of each progress event, measured first thing in the loop body.</summary>
    private static async Task ReadGeneratedAsync(SoscriptedClient client, List<double> latencies)
    {
        var done = false;
        await foreach (var e in client.TranscribeStreamAsync(new TranscribeRequest { Url = VideoUrl }).ConfigureAwait(false))
        {
            var arrived = Stopwatch.GetTimestamp();
            if (e.Progress is { } progress)
            {
                latencies.Add(Microseconds(arrived - long.Parse(progress.Stage.AsSpan(1), CultureInfo.InvariantCulture)));
            }

            done |= e.Done is not null;
        }

        if (!done)
        {
            throw new InvalidOperationException("The stream ended without its done event.");
        }
    }

    /// <summary>The baseline: HttpClient with ResponseHeadersRead and System.Net.ServerSentEvents, parsing the same JSON.</summary>
    private static async Task ReadRawAsync(HttpClient http, Uri endpoint, List<double> latencies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint + "/transcribe"))
        {
            Content = new StringContent($$"""{"url":"{{VideoUrl}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "k");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await using var _ = body.ConfigureAwait(false);
        await foreach (var item in SseParser.Create(body, static (_, data) => data.ToArray()).EnumerateAsync().ConfigureAwait(false))
        {
            var arrived = Stopwatch.GetTimestamp();
            if (item.EventType == "progress")
            {
                var reader = new Utf8JsonReader(item.Data);
                string? stage = null;
                while (reader.Read())
                {
                    if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("stage"u8) && reader.Read())
                    {
                        stage = reader.GetString();
                    }
                }

                latencies.Add(Microseconds(arrived - long.Parse(stage.AsSpan(1), CultureInfo.InvariantCulture)));
            }
            else if (item.EventType == "done")
            {
                return;
            }
        }

        throw new InvalidOperationException("The stream ended without its done event.");
    }

    /// <summary>The sandbox's Soscripted stream: arrival gaps against the configured delay (its events carry no timestamp).</summary>
    private static async Task<string> RunSandboxAsync(int streams, TimeSpan delay)
    {
        var text = new StringBuilder();
        await using var sandbox = await VendorSandbox.StartAsync(new SandboxOptions
        {
            StreamEventDelay = delay,
            InitialCredits = { ["soscripted"] = streams + WarmUpStreams + 10 },
        }).ConfigureAwait(false);
        using var client = new SoscriptedClient(new SoscriptedClientOptions { ApiKey = sandbox.ApiKey, Endpoint = sandbox.GetEndpoint("soscripted") });
        var gaps = new List<double>();
        var firstAfterHeaders = new List<double>();
        var eventsPerStream = 0;
        for (var s = 0; s < streams + 1; s++)
        {
            var arrivals = new List<long>();
            var started = Stopwatch.GetTimestamp();
            await foreach (var e in client.TranscribeStreamAsync(new TranscribeRequest { Url = VideoUrl }).ConfigureAwait(false))
            {
                arrivals.Add(Stopwatch.GetTimestamp());
            }

            if (s == 0)
            {
                continue; // warm-up
            }

            eventsPerStream = arrivals.Count;
            firstAfterHeaders.Add(Microseconds(arrivals[0] - started) / 1000);
            for (var i = 1; i < arrivals.Count; i++)
            {
                gaps.Add(Microseconds(arrivals[i] - arrivals[i - 1]) / 1000);
            }
        }

        var delayMs = delay.TotalMilliseconds;
        var bunched = gaps.Count(g => g < delayMs / 2);
        text.AppendLine(CultureInfo.InvariantCulture, $"Sandbox (tools/TranscriptKit.Sandbox, Kestrel), SoscriptedClient.TranscribeStreamAsync: {streams} streams of {eventsPerStream} events, StreamEventDelay {delayMs:0} ms; gap = time between two consecutive events reaching await foreach.");
        text.AppendLine();
        text.AppendLine("| gaps | median ms | min ms | p95 ms | max ms | median − delay ms | gaps < delay/2 (bunched) | first event after call, median ms |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        text.AppendLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {gaps.Count} | {Percentile(gaps, 0.5):0.00} | {gaps.Min():0.00} | {Percentile(gaps, 0.95):0.00} | {gaps.Max():0.00} | {Percentile(gaps, 0.5) - delayMs:0.00} | {bunched} | {Percentile(firstAfterHeaders, 0.5):0.00} |"));
        return text.ToString();
    }

    private static string Row(string name, List<double> values, double rawMedian) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {name} | {values.Count} | {Percentile(values, 0.5):0} | {Percentile(values, 0.95):0} | {Percentile(values, 0.99):0} | {values.Max():0} | {Percentile(values, 0.5) / rawMedian:0.00} |");

    private static double Microseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;

    /// <summary>Nearest-rank percentile.</summary>
    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
