using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TranscriptKit.Cli.Tests;

/// <summary>
/// `transcribe` prints the estimate before paying and, only with a person at a terminal, asks before media longer
/// than --confirm-above. A terminal is a real pseudo-terminal from util-linux `script`; a redirected run (CliProcess)
/// never asks. welcome.mp4 is 15.2 s, so --confirm-above 10s asks and the default (10 min) does not.
/// </summary>
[TestFixture]
[CancelAfter(120_000)]
public sealed class EstimatePromptTests
{
    [Test]
    public async Task A_redirected_run_prints_the_estimate_and_never_asks()
    {
        var result = await CliProcess.RunAsync("transcribe", "samples/welcome.mp4", "--vendor", "subclip", "--language", "en", "--confirm-above", "10s");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stderr, Does.Contain("Estimate (Subclip): About 1 credits (1 credits per started minute, rounding inferred; 15.2 s of media)."));
        Assert.That(result.Stderr, Does.Not.Contain("Transcribe it?"));
        Assert.That(result.Stdout, Does.Not.Contain("Estimate"), "only the transcript goes to stdout");
    }

    [Test]
    public async Task A_url_estimate_says_the_length_is_unknown()
    {
        var result = await CliProcess.RunAsync("transcribe", "https://v.douyin.com/welcome.mp4", "--vendor", "transcriptgenerate");

        Assert.That(result.Stderr, Does.Contain("Estimate (TranscriptGenerate): Charge unknown: TranscriptGenerate charges 1 seconds per second, amount and per inferred, and the length of media at a URL is known only once the vendor has fetched it."), result.ToString());
    }

    [Test]
    public async Task At_a_terminal_long_media_is_asked_about_and_no_sends_nothing()
    {
        var result = await AtTerminalAsync("n", "transcribe", "samples/welcome.mp4", "--vendor", "subclip", "--language", "en", "--confirm-above", "10s");

        Assert.That(result.ExitCode, Is.EqualTo(6), result.ToString());
        Assert.That(result.Output, Does.Contain("This is 0:15 of media, longer than --confirm-above 0:10. Transcribe it? [y/N]"));
        Assert.That(result.Output, Does.Contain("Nothing was sent. Run it again with --yes"));
        Assert.That(result.Output, Does.Not.Contain("Job accepted"));
    }

    [Test]
    public async Task At_a_terminal_yes_transcribes()
    {
        var result = await AtTerminalAsync("y", "transcribe", "samples/welcome.mp4", "--vendor", "subclip", "--language", "en", "--confirm-above", "10s");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("Transcribe it? [y/N]").And.Contain("Job accepted"));
    }

    [Test]
    public async Task At_a_terminal_the_yes_option_skips_the_question()
    {
        var result = await AtTerminalAsync(null, "transcribe", "samples/welcome.mp4", "--vendor", "subclip", "--language", "en", "--confirm-above", "10s", "--yes");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("Estimate (Subclip)").And.Contain("Job accepted"));
        Assert.That(result.Output, Does.Not.Contain("Transcribe it?"));
    }

    [Test]
    public async Task At_a_terminal_media_under_the_default_threshold_is_not_asked_about()
    {
        var result = await AtTerminalAsync(null, "transcribe", "samples/welcome.mp4", "--vendor", "subclip", "--language", "en");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Not.Contain("Transcribe it?"));
    }

    /// <summary>Runs the CLI under `script`, so its stdin, stdout and stderr are a terminal; types <paramref name="typed"/> and Enter.</summary>
    private static async Task<TerminalResult> AtTerminalAsync(string? typed, params string[] args)
    {
        var command = string.Join(' ', new[] { "dotnet", CliProcess.CliPath }.Concat(args).Select(Quote));
        var start = new ProcessStartInfo("script")
        {
            WorkingDirectory = CliProcess.RepoRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            ArgumentList = { "--quiet", "--return", "--flush", "--command", command, "/dev/null" },
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("TRANSCRIPTKIT_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        // Plain progress lines instead of a live bar, so the captured text reads as lines.
        start.Environment["TERM"] = "dumb";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("script did not start.");
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var error = process.StandardError.ReadToEndAsync(limit.Token);
        if (typed is not null)
        {
            // The terminal holds typed input until the CLI reads it, as a person typing ahead would.
            await process.StandardInput.WriteAsync(typed + "\n");
            await process.StandardInput.FlushAsync();
        }

        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"transcriptkit {string.Join(' ', args)} at a terminal did not exit within 90 s.");
        }

        process.StandardInput.Close();
        return new TerminalResult(process.ExitCode, (await output).Replace("\r\n", "\n") + await error);
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''") + "'";

    private sealed record TerminalResult(int ExitCode, string Output)
    {
        public override string ToString() => $"exit {ExitCode}\n--- terminal\n{Output}";
    }
}
