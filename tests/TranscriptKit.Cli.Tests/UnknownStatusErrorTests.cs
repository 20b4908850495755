using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Sandbox;

namespace TranscriptKit.Cli.Tests;

/// <summary>A job state the spec does not list, or the vendor's failure shape under 200, ends the CLI with the raw value and the vendor's words quoted.</summary>
[TestFixture]
public sealed class UnknownStatusErrorTests
{
    [Test]
    public async Task An_unknown_job_state_exits_3_quoting_the_raw_value_and_the_resume_command()
    {
        await using var sandbox = await VendorSandbox.StartAsync();
        sandbox.Faults.For("captioncat").DriftNext(100, SandboxDrift.UnknownStatus, "getTranscriptionStatus");

        var result = await CliProcess.RunAsync(
            "transcribe", "samples/welcome.mp4", "--vendor", "captioncat",
            "--endpoint", sandbox.GetEndpoint("captioncat").ToString(), "--api-key", sandbox.ApiKey);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr, Does.Contain($"'{VendorFaults.UnknownStatusValue}'").And.Contain("does not list"));
        Assert.That(result.Stderr, Does.Contain("transcriptkit resume tkjob2."));
        Assert.That(result.Stderr, Does.Not.Contain(sandbox.ApiKey));
    }

    [Test]
    public async Task A_failure_shaped_poll_answer_exits_3_quoting_the_vendors_message()
    {
        await using var sandbox = await VendorSandbox.StartAsync();
        sandbox.Faults.For("captioncat").DriftNext(100, SandboxDrift.ErrorShape, "getTranscriptionStatus");

        var result = await CliProcess.RunAsync(
            "transcribe", "samples/welcome.mp4", "--vendor", "captioncat",
            "--endpoint", sandbox.GetEndpoint("captioncat").ToString(), "--api-key", sandbox.ApiKey);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr, Does.Contain(VendorFaults.DriftMessage).And.Contain("'error'"));
    }
}
