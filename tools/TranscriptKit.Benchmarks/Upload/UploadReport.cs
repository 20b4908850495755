using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Tasks;

namespace TranscriptKit.Benchmarks.Upload;

/// <summary>
/// <c>upload</c>: streams generated files of the given sizes through each upload path to a loopback sink, one
/// fresh child process per run so each run's peak RSS (VmHWM) is its own, and prints medians with throughput
/// ratios against raw <see cref="System.Net.Http.StreamContent"/> measured in the same run.
/// </summary>
/// <remarks>
/// <c>upload [--sizes 256MiB,1GiB,2GiB] [--cases a,b,…] [--reps 3] [--kiota-max 1GiB] [--out file.md]</c>;
/// <c>upload --copy [--sizes 2GiB] [--reps 5]</c> measures the request bodies alone (no socket);
/// a child is <c>upload --child --case NAME --size BYTES --port PORT</c>.
/// </remarks>
public static class UploadReport
{
    /// <summary>Runs the report (or, with <c>--child</c>, one measured upload); the leading <c>upload</c> verb is optional.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = Options.Parse(args);
        if (options.Child)
        {
            return await UploadCase.RunChildAsync(options.Case!, options.ChildSize, options.Port).ConfigureAwait(false);
        }

        if (options.Copy)
        {
            var table = await SerializationCost.RunAsync(options.Sizes.Max(), options.Reps).ConfigureAwait(false);
            Console.WriteLine(table);
            if (options.Out is not null)
            {
                await File.WriteAllTextAsync(options.Out, table).ConfigureAwait(false);
            }

            return 0;
        }

        return await RunParentAsync(options).ConfigureAwait(false);
    }

    private static async Task<int> RunParentAsync(Options options)
    {
        await using var sink = new LoopbackSink();
        var runs = new List<Run>();
        var header = new StringBuilder();
        header.AppendLine(CultureInfo.InvariantCulture, $"# upload: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        header.AppendLine(CultureInfo.InvariantCulture, $"# sizes {string.Join(", ", options.Sizes.Select(FormatSize))}; cases {string.Join(", ", options.Cases)}; {options.Reps} runs each (interleaved); Kiota only up to {FormatSize(options.KiotaMax)}");
        Console.Error.Write(header.ToString());

        for (var rep = 1; rep <= options.Reps; rep++)
        {
            foreach (var size in options.Sizes)
            {
                foreach (var name in options.Cases)
                {
                    if (name == UploadCase.Kiota && size > options.KiotaMax)
                    {
                        continue;
                    }

                    sink.Reset();
                    var run = await RunChildProcessAsync(name, size, sink.Port).ConfigureAwait(false);
                    if (run is null)
                    {
                        runs.Add(new Run(name, size, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, Failed: true));
                        continue;
                    }

                    if (sink.MaxBodyBytes < size)
                    {
                        throw new InvalidOperationException($"{name}: the sink saw a largest body of {sink.MaxBodyBytes} bytes, expected at least {size}.");
                    }

                    runs.Add(run);
                    Console.Error.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"  run {rep}: {name,-30} {FormatSize(size),7}: peak RSS {run.PeakRssMiB,7:0.0} MiB (before {run.RssBeforeMiB:0.0}), {run.MiBPerSecond,7:0} MiB/s, CPU {run.CpuMsPerGiB,5:0} ms/GiB, allocated {run.AllocatedMiB:0.0} MiB"));
                }
            }
        }

        var table = FormatTable(runs, options);
        Console.WriteLine(header.ToString().TrimEnd());
        Console.WriteLine();
        Console.WriteLine(table);
        if (options.Out is not null)
        {
            await File.WriteAllTextAsync(options.Out, header + Environment.NewLine + table).ConfigureAwait(false);
        }

        return runs.Any(r => r.Failed && r.Case != UploadCase.Kiota) ? 1 : 0;
    }

    private static string FormatTable(List<Run> runs, Options options)
    {
        var text = new StringBuilder();
        text.AppendLine("| case | size | runs | peak RSS MiB (median) | RSS before upload MiB | MiB/s (median) | vs raw PUT | vs raw multipart | uploader CPU ms/GiB (median) | CPU vs raw PUT | allocated MiB |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var size in options.Sizes)
        {
            var rawPut = Median(runs.Where(r => r.Size == size && r.Case == UploadCase.RawPut && !r.Failed).Select(r => r.MiBPerSecond));
            var rawPutCpu = Median(runs.Where(r => r.Size == size && r.Case == UploadCase.RawPut && !r.Failed).Select(r => r.CpuMsPerGiB));
            var rawMultipart = Median(runs.Where(r => r.Size == size && r.Case == UploadCase.RawMultipart && !r.Failed).Select(r => r.MiBPerSecond));
            foreach (var name in options.Cases)
            {
                var group = runs.Where(r => r.Size == size && r.Case == name).ToList();
                if (group.Count == 0)
                {
                    continue;
                }

                var ok = group.Where(r => !r.Failed).ToList();
                var speed = Median(ok.Select(r => r.MiBPerSecond));
                var cpu = Median(ok.Select(r => r.CpuMsPerGiB));
                text.AppendLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {name} | {FormatSize(size)} | {ok.Count}{(ok.Count < group.Count ? $" ({group.Count - ok.Count} failed)" : "")} | {Median(ok.Select(r => r.PeakRssMiB)):0.0} | {Median(ok.Select(r => r.RssBeforeMiB)):0.0} | {speed:0} | {Ratio(speed, rawPut)} | {Ratio(speed, rawMultipart)} | {cpu:0} | {Ratio(cpu, rawPutCpu)} | {Median(ok.Select(r => r.AllocatedMiB)):0.0} |"));
            }
        }

        return text.ToString();
    }

    private static string Ratio(double value, double baseline) =>
        double.IsNaN(value) || double.IsNaN(baseline) || baseline <= 0 ? "–" : (value / baseline).ToString("0.00", CultureInfo.InvariantCulture);

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static async Task<Run?> RunChildProcessAsync(string name, long size, int port)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (string.Equals(Path.GetFileNameWithoutExtension(start.FileName), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var arg in new[] { "upload", "--child", "--case", name, "--size", size.ToString(CultureInfo.InvariantCulture), "--port", port.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the child process.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        var output = await stdout.ConfigureAwait(false);
        var errors = await stderr.ConfigureAwait(false);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            var reason = errors.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "(no output)";
            Console.Error.WriteLine($"  {name} {FormatSize(size)}: child failed (exit {process.ExitCode}): {reason}");
            return null;
        }

        var fields = line["RESULT ".Length..].Trim().Split(' ').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        double Get(string key) => double.Parse(fields[key], CultureInfo.InvariantCulture);
        const double mib = 1024 * 1024;
        return new Run(
            name,
            size,
            Get("hwm") / mib,
            Get("rssBefore") / mib,
            size / mib / Get("seconds"),
            Get("cpuSeconds") * 1000 / (size / (mib * 1024)),
            Get("allocated") / mib,
            Failed: false);
    }

    internal static string FormatSize(long bytes) =>
        bytes % (1L << 30) == 0 ? $"{bytes >> 30} GiB"
        : bytes % (1L << 20) == 0 ? $"{bytes >> 20} MiB"
        : bytes.ToString(CultureInfo.InvariantCulture);

    internal static long ParseSize(string text)
    {
        text = text.Trim();
        long unit = 1;
        foreach (var (suffix, factor) in new[] { ("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10) })
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                unit = factor;
                text = text[..^suffix.Length];
                break;
            }
        }

        return long.Parse(text, CultureInfo.InvariantCulture) * unit;
    }

    private sealed record Run(string Case, long Size, double PeakRssMiB, double RssBeforeMiB, double MiBPerSecond, double CpuMsPerGiB, double AllocatedMiB, bool Failed);

    private sealed class Options
    {
        public bool Child { get; private set; }

        public bool Copy { get; private set; }

        public string? Case { get; private set; }

        public long ChildSize { get; private set; }

        public int Port { get; private set; }

        public long[] Sizes { get; private set; } = [256L << 20, 1L << 30, 2L << 30];

        public string[] Cases { get; private set; } = UploadCase.All;

        public int Reps { get; private set; } = 3;

        public long KiotaMax { get; private set; } = 1L << 30;

        public string? Out { get; private set; }

        public static Options Parse(string[] args)
        {
            var given = ReportArguments.Parse(args, "upload", ["--case", "--size", "--port", "--sizes", "--cases", "--reps", "--kiota-max", "--out"], ["--copy", "--child"]);
            var options = new Options
            {
                Copy = given.Has("--copy"),
                Child = given.Has("--child"),
                Case = given.Text("--case"),
                Port = given.Int("--port", 0),
                Reps = given.Int("--reps", 3),
                Out = given.Text("--out"),
            };
            options.ChildSize = given.Value("--size", ParseSize, options.ChildSize);
            options.Sizes = given.Value("--sizes", text => text.Split(',').Select(ParseSize).ToArray(), options.Sizes);
            options.Cases = given.Value("--cases", text => text.Split(',').Select(c => c.Trim()).ToArray(), options.Cases);
            options.KiotaMax = given.Value("--kiota-max", ParseSize, options.KiotaMax);
            return options;
        }
    }
}
