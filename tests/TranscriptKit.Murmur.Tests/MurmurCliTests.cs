using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TranscriptKit.Murmur.Tests;

/// <summary><c>transcriptkit</c> with Murmur added in its host's one line, run as a real process against its embedded sandbox.</summary>
[CancelAfter(90_000)]
public sealed class MurmurCliTests
{
    [Test]
    public async Task Vendors_lists_Murmur_after_the_built_in_ones_with_facts_from_its_spec(CancellationToken cancellationToken)
    {
        var (exit, stdout, _) = await RunAsync(cancellationToken, "vendors");

        Assert.That(exit, Is.Zero);
        Assert.That(stdout, Does.Contain("murmur").And.Contain("Murmur").And.Contain("needs --language").And.Contain("captioncat"));
    }

    [Test]
    public async Task Transcribe_runs_a_Murmur_job_through_the_embedded_sandbox_and_prints_the_transcript(CancellationToken cancellationToken)
    {
        var (exit, stdout, stderr) = await RunAsync(cancellationToken, "transcribe", "https://media.example/talks/keynote.wav", "--vendor", "murmur", "--language", "en");

        Assert.That(exit, Is.Zero, stderr);
        Assert.That(stdout.Trim(), Is.EqualTo(Sandbox.MurmurEmulator.SimulatedText("https://media.example/talks/keynote.wav", "en")));
        Assert.That(stderr, Does.Contain("transcriptkit resume tkjob2."));
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8 };
        start.ArgumentList.Add(HostPath());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A developer's real keys must not turn a sandbox test into a paid call.
        foreach (var name in new System.Collections.Generic.List<string>(start.Environment.Keys))
        {
            if (name.StartsWith("TRANSCRIPTKIT_", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return (process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    // The host's output folder, beside this test's: same configuration and framework.
    private static string HostPath()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var projectDir = testBin.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(projectDir, "..", "Vendors", "Murmur", "TranscriptKit.Murmur.CliHost", "bin", testBin.Parent.Name, testBin.Name, "TranscriptKit.Murmur.CliHost.dll");
        return File.Exists(path) ? Path.GetFullPath(path) : throw new FileNotFoundException("Build the CLI test host first.", path);
    }
}
