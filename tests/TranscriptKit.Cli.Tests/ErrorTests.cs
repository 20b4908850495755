using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Sandbox;

namespace TranscriptKit.Cli.Tests;

/// <summary>Usage errors exit 2, vendor refusals exit 3; one or two lines each, no stack trace, never the key.</summary>
[TestFixture]
public sealed class ErrorTests
{
    [Test]
    public async Task Unsupported_file_type_exits_3_before_any_request_and_names_the_accepted_types()
    {
        await using var sandbox = await VendorSandbox.StartAsync();
        var result = await CliProcess.RunAsync(
            "transcribe", "samples/short-note.mp3", "--vendor", "captioncat",
            "--endpoint", sandbox.GetEndpoint("captioncat").ToString(), "--api-key", sandbox.ApiKey);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr, Does.Contain("Caption Cat does not take 'short-note.mp3'").And.Contain(".mp4, .mkv"));
        Assert.That(result.Stderr, Does.Contain("Nothing was sent"));
        Assert.That(sandbox.Requests, Is.Empty);
        AssertNoStackTrace(result);
    }

    [Test]
    public async Task A_file_for_url_only_soscripted_exits_3_without_a_request()
    {
        await using var sandbox = await VendorSandbox.StartAsync();
        var result = await CliProcess.RunAsync(
            "transcribe", "samples/welcome.mp4", "--vendor", "soscripted",
            "--endpoint", sandbox.GetEndpoint("soscripted").ToString(), "--api-key", sandbox.ApiKey);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr, Does.Contain("does not take uploaded files").And.Contain("Give it a URL instead"));
        Assert.That(sandbox.Requests, Is.Empty);
    }

    [Test]
    public async Task A_link_from_a_platform_soscripted_does_not_list_exits_3_without_a_paid_request()
    {
        await using var sandbox = await VendorSandbox.StartAsync();
        var result = await CliProcess.RunAsync(
            "transcribe", "https://vimeo.com/76979871", "--vendor", "soscripted",
            "--endpoint", sandbox.GetEndpoint("soscripted").ToString(), "--api-key", sandbox.ApiKey);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr, Does.Contain("platform not supported").And.Contain("vimeo.com"));
        Assert.That(sandbox.Requests, Is.Empty, "each Soscripted request costs a credit");
        AssertNoStackTrace(result);
    }

    [Test]
    public async Task A_url_for_file_only_cliptext_exits_3_without_a_request()
    {
        await using var sandbox = await VendorSandbox.StartAsync();
        var result = await CliProcess.RunAsync(
            "transcribe", "https://example.com/talk.mp4", "--vendor", "cliptext",
            "--endpoint", sandbox.GetEndpoint("cliptext").ToString(), "--api-key", sandbox.ApiKey);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr, Does.Contain("Cliptext does not take URLs"));
        Assert.That(sandbox.Requests, Is.Empty);
    }

    [Test]
    public async Task Srt_from_a_text_only_vendor_exits_3()
    {
        var result = await CliProcess.RunAsync("transcribe", "samples/welcome.mp4", "--vendor", "cliptext", "--format", "srt");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr, Does.Contain("cannot make SRT or WebVTT"));
    }

    [Test]
    public async Task Wrong_api_key_exits_3_says_to_check_the_key_and_never_shows_it()
    {
        const string wrongKey = "wrong-key-8f3a2c";
        await using var sandbox = await VendorSandbox.StartAsync(new SandboxOptions { MediaDirectories = { CliProcess.Sample("") } });
        var result = await CliProcess.RunAsync(
            "transcribe", "samples/welcome.mp4", "--vendor", "captioncat",
            "--endpoint", sandbox.GetEndpoint("captioncat").ToString(), "--api-key", wrongKey);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr, Does.Contain("401"));
        Assert.That(result.Stderr, Does.Contain("Check the API key (--api-key or TRANSCRIPTKIT_CAPTIONCAT_API_KEY)"));
        Assert.That(result.Stdout + result.Stderr, Does.Not.Contain(wrongKey));
        AssertNoStackTrace(result);
    }

    [Test]
    public async Task Wrong_key_from_the_environment_is_used_and_reported_the_same_way()
    {
        const string wrongKey = "env-wrong-key-51d0";
        await using var sandbox = await VendorSandbox.StartAsync();
        var result = await CliProcess.RunAsync(
            ["balance", "--vendor", "captioncat", "--endpoint", sandbox.GetEndpoint("captioncat").ToString()],
            onStderrLine: null,
            new System.Collections.Generic.Dictionary<string, string> { ["TRANSCRIPTKIT_CAPTIONCAT_API_KEY"] = wrongKey });

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr, Does.Contain("TRANSCRIPTKIT_CAPTIONCAT_API_KEY"));
        Assert.That(result.Stdout + result.Stderr, Does.Not.Contain(wrongKey));
    }

    [Test]
    public async Task Unknown_vendor_is_a_usage_error()
    {
        var result = await CliProcess.RunAsync("transcribe", "samples/welcome.mp4", "--vendor", "nosuchvendor");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("nosuchvendor").And.Contain("captioncat"));
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public async Task Missing_file_is_a_usage_error()
    {
        var result = await CliProcess.RunAsync("transcribe", "samples/no-such-file.mp4", "--vendor", "captioncat");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("No such file: samples/no-such-file.mp4"));
        Assert.That(result.Stderr, Does.Not.Contain("sandbox"), "refused before anything starts");
    }

    [Test]
    public async Task Damaged_job_token_is_a_usage_error()
    {
        var result = await CliProcess.RunAsync("resume", "tkjob1.not-base64!!");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.StartWith("Cannot resume: The job token is damaged"));
        AssertNoStackTrace(result);
    }

    [Test]
    public async Task Endpoint_without_a_key_is_a_usage_error()
    {
        var result = await CliProcess.RunAsync("transcribe", "samples/welcome.mp4", "--vendor", "captioncat", "--endpoint", "http://127.0.0.1:9/v1");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("--endpoint needs an API key for captioncat"));
    }

    [Test]
    public async Task Missing_arguments_and_bad_options_are_usage_errors()
    {
        var noCommand = await CliProcess.RunAsync();
        var badFormat = await CliProcess.RunAsync("transcribe", "samples/welcome.mp4", "--vendor", "captioncat", "--format", "docx");
        var badTimeout = await CliProcess.RunAsync("transcribe", "samples/welcome.mp4", "--vendor", "captioncat", "--timeout", "soon");

        Assert.That(noCommand.ExitCode, Is.EqualTo(2), noCommand.ToString());
        Assert.That(badFormat.ExitCode, Is.EqualTo(2), badFormat.ToString());
        Assert.That(badFormat.Stderr, Does.Contain("--format 'docx' is not one of text, srt, vtt, json"));
        Assert.That(badTimeout.ExitCode, Is.EqualTo(2), badTimeout.ToString());
    }

    [Test]
    public async Task Unreachable_endpoint_exits_3_naming_the_vendor()
    {
        var result = await CliProcess.RunAsync("balance", "--vendor", "captioncat", "--endpoint", "http://127.0.0.1:9/v1", "--api-key", "k");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        // The wording of the transport error is the pipeline's (it changed with the hardening); the CLI's part is the vendor and the advice.
        Assert.That(result.Stderr, Does.Contain("Caption Cat").And.Contain("Check the network and --endpoint"));
        AssertNoStackTrace(result);
    }

    private static void AssertNoStackTrace(CliResult result) =>
        Assert.That(result.Stderr, Does.Not.Contain("   at ").And.Not.Contain("Exception:"), result.ToString());
}
