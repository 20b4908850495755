using System.Threading.Tasks;
using NUnit.Framework;

namespace TranscriptKit.Cli.Tests;

/// <summary>`transcribe --drift` prints the drift summary to stderr and leaves stdout the transcript alone.</summary>
[TestFixture]
public sealed class DriftCommandTests
{
    [Test]
    public async Task Drift_flag_prints_a_summary_on_stderr_and_the_transcript_stays_on_stdout()
    {
        var plain = await CliProcess.RunAsync("transcribe", "samples/welcome.mp4", "--vendor", "captioncat");
        var checkedRun = await CliProcess.RunAsync("transcribe", "samples/welcome.mp4", "--vendor", "captioncat", "--drift");

        Assert.That(checkedRun.ExitCode, Is.EqualTo(0), checkedRun.ToString());
        Assert.That(checkedRun.Stdout, Is.EqualTo(plain.Stdout));
        Assert.That(checkedRun.Stderr, Does.Contain("Drift: "), checkedRun.ToString());
        Assert.That(plain.Stderr, Does.Not.Contain("Drift: "));
    }
}
