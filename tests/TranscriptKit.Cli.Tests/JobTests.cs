using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Sandbox;

namespace TranscriptKit.Cli.Tests;

/// <summary>Jobs that do not finish: --timeout exits 4 and Ctrl+C exits 130, both printing the token; `resume` picks the job up.</summary>
[TestFixture]
public sealed partial class JobTests
{
    [Test]
    public async Task Timeout_exits_4_and_prints_a_token_that_names_the_job()
    {
        await using var sandbox = await StartSandboxAsync(pendingPolls: 1_000_000);
        var result = await CliProcess.RunAsync(
            "transcribe", "samples/welcome.mp4", "--vendor", "captioncat", "--timeout", "1s",
            "--endpoint", sandbox.GetEndpoint("captioncat").ToString(), "--api-key", sandbox.ApiKey);

        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(result.Stderr, Does.Contain("Timed out: The Caption Cat Transcription job"));
        var job = TranscriptionJob.FromToken(LastToken(result.Stderr));
        Assert.That(job.Vendor, Is.EqualTo("captioncat"));
        Assert.That(sandbox.Requests.Count(r => r.Method == "POST"), Is.EqualTo(2), "one upload and one start, never re-sent");
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public async Task Resume_finishes_a_job_a_previous_run_gave_up_on()
    {
        // One "still running" answer: the first run sees it and times out; the resumed run's first poll finds the job done.
        await using var sandbox = await StartSandboxAsync(pendingPolls: 1);
        string[] connection = ["--endpoint", sandbox.GetEndpoint("captioncat").ToString(), "--api-key", sandbox.ApiKey];
        var first = await CliProcess.RunAsync(["transcribe", "samples/welcome.mp4", "--vendor", "captioncat", "--format", "srt", "--timeout", "1s", .. connection], null);
        Assert.That(first.ExitCode, Is.EqualTo(4), first.ToString());

        var resumed = await CliProcess.RunAsync(["resume", LastToken(first.Stderr), "--format", "srt", .. connection], null);

        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.ToString());
        Assert.That(SrtCues.Parse(resumed.Stdout), Is.EqualTo(SrtCues.Parse(System.IO.File.ReadAllText(CliProcess.Sample("welcome.srt")))));
        Assert.That(sandbox.Requests.Count(r => r.Path.EndsWith("/upload", System.StringComparison.Ordinal)), Is.EqualTo(1), "resuming never uploads again");
    }

    [Test]
    public async Task Resume_takes_the_token_quoted_in_the_timeout_message()
    {
        await using var sandbox = await StartSandboxAsync(pendingPolls: 1);
        string[] connection = ["--endpoint", sandbox.GetEndpoint("captioncat").ToString(), "--api-key", sandbox.ApiKey];
        var first = await CliProcess.RunAsync(["transcribe", "samples/welcome.mp4", "--vendor", "captioncat", "--format", "srt", "--timeout", "1s", .. connection], null);
        Assert.That(first.ExitCode, Is.EqualTo(4), first.ToString());
        var quoted = MessageToken().Match(first.Stderr);
        Assert.That(quoted.Success, Is.True, first.Stderr);

        var resumed = await CliProcess.RunAsync(["resume", quoted.Groups["token"].Value, "--format", "srt", .. connection], null);

        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.ToString());
        Assert.That(SrtCues.Parse(resumed.Stdout), Is.EqualTo(SrtCues.Parse(System.IO.File.ReadAllText(CliProcess.Sample("welcome.srt")))));
        Assert.That(sandbox.Requests.Count(r => r.Method == "POST"), Is.EqualTo(2), "one upload and one start in all: resuming submits nothing");
    }

    [Test]
    public async Task Ctrl_c_while_waiting_exits_130_and_prints_the_token()
    {
        await using var sandbox = await StartSandboxAsync(pendingPolls: 1_000_000);
        var interrupted = false;
        var result = await CliProcess.RunAsync(
            ["transcribe", "samples/welcome.mp4", "--vendor", "captioncat", "--endpoint", sandbox.GetEndpoint("captioncat").ToString(), "--api-key", sandbox.ApiKey],
            (line, process) =>
            {
                if (!interrupted && line.StartsWith("Job accepted", System.StringComparison.Ordinal))
                {
                    interrupted = true;
                    CliProcess.Interrupt(process);
                }
            });

        Assert.That(interrupted, Is.True, result.ToString());
        Assert.That(result.ExitCode, Is.EqualTo(130), result.ToString());
        Assert.That(result.Stderr, Does.Contain("Cancelled. The Caption Cat job"));
        Assert.That(TranscriptionJob.FromToken(LastToken(result.Stderr)).Vendor, Is.EqualTo("captioncat"));
    }

    [Test]
    [Platform("Linux")]
    public async Task Sigterm_while_waiting_is_handled_like_ctrl_c_exits_143_and_prints_the_token()
    {
        await using var sandbox = await StartSandboxAsync(pendingPolls: 1_000_000);
        var terminated = false;
        var result = await CliProcess.RunAsync(
            ["transcribe", "samples/welcome.mp4", "--vendor", "captioncat", "--endpoint", sandbox.GetEndpoint("captioncat").ToString(), "--api-key", sandbox.ApiKey],
            (line, process) =>
            {
                if (!terminated && line.StartsWith("Job accepted", System.StringComparison.Ordinal))
                {
                    terminated = true;
                    CliProcess.Terminate(process);
                }
            });

        Assert.That(terminated, Is.True, result.ToString());
        Assert.That(result.ExitCode, Is.EqualTo(143), result.ToString());
        Assert.That(result.Stderr, Does.Contain("Cancelled. The Caption Cat job"));
        Assert.That(TranscriptionJob.FromToken(LastToken(result.Stderr)).Vendor, Is.EqualTo("captioncat"));
    }

    [Test]
    public async Task Resume_against_the_embedded_sandbox_explains_that_its_jobs_died_with_their_process()
    {
        var token = new TranscriptionJob("captioncat", "0123456789abcdef0123456789abcdef").ToToken();

        var result = await CliProcess.RunAsync("resume", token);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr, Does.Contain("404"));
        Assert.That(result.Stderr, Does.Contain("keeps its jobs in memory"));
    }

    private static Task<VendorSandbox> StartSandboxAsync(int pendingPolls) =>
        VendorSandbox.StartAsync(new SandboxOptions { PendingPolls = pendingPolls, MediaDirectories = { CliProcess.Sample("") } });

    private static string LastToken(string stderr)
    {
        var tokens = Token().Matches(stderr);
        Assert.That(tokens, Is.Not.Empty, stderr);
        return tokens[^1].Groups["token"].Value;
    }

    [GeneratedRegex(@"transcriptkit resume (?<token>tkjob2\.[A-Za-z0-9_-]+)")]
    private static partial Regex Token();

    // The token inside the TranscriptKitTimeoutException's own message, not the resume line the CLI adds.
    [GeneratedRegex(@"Timed out: .*job token (?<token>tkjob2\.[A-Za-z0-9_-]+)")]
    private static partial Regex MessageToken();
}
