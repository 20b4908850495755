using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Cli.Tests;

/// <summary>Runs the built <c>transcriptkit</c> as a real process from the repository root, capturing stdout and stderr.</summary>
internal static class CliProcess
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(90);
    private static readonly Lazy<string> s_repoRoot = new(FindRepoRoot);
    private static readonly Lazy<string> s_cliPath = new(FindCli);

    public static string RepoRoot => s_repoRoot.Value;

    public static string Sample(string name) => Path.Combine(RepoRoot, "samples", name);

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(args, onStderrLine: null);

    /// <summary>Runs the CLI; <paramref name="onStderrLine"/> sees each stderr line as it arrives (with the process, to signal it).</summary>
    /// <param name="args">The CLI's arguments.</param>
    /// <param name="onStderrLine">Sees each stderr line as it arrives.</param>
    /// <param name="environment">Variables to add.</param>
    /// <param name="launcher">A command that runs <c>dotnet</c> for us (for example <c>setpriv</c> to drop root).</param>
    public static async Task<CliResult> RunAsync(IReadOnlyList<string> args, Action<string, Process>? onStderrLine, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? launcher = null)
    {
        var start = new ProcessStartInfo(launcher is { Count: > 0 } ? launcher[0] : "dotnet")
        {
            WorkingDirectory = RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (launcher is { Count: > 0 })
        {
            foreach (var part in launcher.Skip(1))
            {
                start.ArgumentList.Add(part);
            }

            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(s_cliPath.Value);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A developer's real keys must not turn a sandbox test into a paid call.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("TRANSCRIPTKIT_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.StandardInput.Close();
        using var limit = new CancellationTokenSource(s_limit);
        var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
        var stderr = ReadLinesAsync(process, onStderrLine, limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token);
            return new CliResult(process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"transcriptkit {string.Join(' ', args)} did not exit within {s_limit.TotalSeconds} s.");
        }
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does.</summary>
    public static void Interrupt(Process process)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        kill.WaitForExit();
    }

    /// <summary>Sends SIGTERM, as `kill`, systemd, Docker and CI runners do.</summary>
    public static void Terminate(Process process)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        kill.WaitForExit();
    }

    /// <summary>The CLI's own path, for checks that another user can read it.</summary>
    public static string CliPath => s_cliPath.Value;

    private static async Task<string> ReadLinesAsync(Process process, Action<string, Process>? onLine, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        while (await process.StandardError.ReadLineAsync(cancellationToken) is { } line)
        {
            text.Append(line).Append('\n');
            onLine?.Invoke(line, process);
        }

        return text.ToString();
    }

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Generated.sln above {AppContext.BaseDirectory}.");
    }

    // bin/<Configuration>/net10.0/ of the tests, mirrored in the CLI's own output folder.
    private static string FindCli()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testBin.Parent!.Name;
        var path = Path.Combine(RepoRoot, "tools", "TranscriptKit.Cli", "bin", configuration, testBin.Name, "TranscriptKit.Cli.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build tools/TranscriptKit.Cli first.", path);
    }
}

/// <summary>What one run of the CLI left behind.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
