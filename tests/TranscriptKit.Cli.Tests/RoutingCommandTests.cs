using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Sandbox;

namespace TranscriptKit.Cli.Tests;

/// <summary>`transcribe --vendor a,b,c` routes over the vendors in order; --endpoint/--api-key take &lt;vendor&gt;=&lt;value&gt; per vendor.</summary>
[TestFixture]
public sealed class RoutingCommandTests
{
    [Test]
    public async Task A_vendor_list_skips_the_vendor_that_takes_no_files_and_says_who_served()
    {
        var result = await CliProcess.RunAsync("transcribe", "samples/welcome.mp4", "--vendor", "soscripted,captioncat", "--format", "srt");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(SrtCues.Parse(result.Stdout).Count, Is.EqualTo(4), result.ToString());
        Assert.That(result.Stderr, Does.Contain("Skipped soscripted: does not take files").And.Contain("Served by captioncat"), result.ToString());
    }

    [Test]
    public async Task Per_vendor_keys_and_endpoints_fall_back_from_a_rejected_key_without_echoing_it()
    {
        await using var sandbox = await VendorSandbox.StartAsync();
        const string WrongKey = "wrong-key-4821";
        var result = await CliProcess.RunAsync(
            "transcribe", "samples/welcome.mp4", "--vendor", "captioncat,cliptext",
            "--endpoint", "captioncat=" + sandbox.GetEndpoint("captioncat"), "--api-key", "captioncat=" + WrongKey,
            "--endpoint", "cliptext=" + sandbox.GetEndpoint("cliptext"), "--api-key", "cliptext=" + sandbox.ApiKey);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stderr, Does.Contain("Refused captioncat: authentication refused").And.Contain("Served by cliptext"), result.ToString());
        Assert.That(result.Stdout + result.Stderr, Does.Not.Contain(WrongKey));
        Assert.That(sandbox.Requests.Where(r => r.Vendor == "cliptext" && r.Method == "POST"), Is.Not.Empty);
    }

    [Test]
    public async Task A_plain_key_with_an_equals_sign_stays_whole_because_its_prefix_is_no_vendor()
    {
        await using var sandbox = await VendorSandbox.StartAsync();
        var result = await CliProcess.RunAsync(
            "transcribe", "samples/welcome.mp4", "--vendor", "captioncat",
            "--endpoint", sandbox.GetEndpoint("captioncat").ToString(), "--api-key", "abc=def==");

        // The whole "abc=def==" reached the vendor as the key: it refused it (exit 3), rather than a usage error about a vendor "abc".
        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr, Does.Not.Contain("abc=def==").And.Not.Contain("def=="));
    }

    [Test]
    public async Task An_unknown_vendor_in_the_list_is_a_usage_error()
    {
        var result = await CliProcess.RunAsync("transcribe", "samples/welcome.mp4", "--vendor", "captioncat,nosuch");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("'nosuch' is not a registered vendor"));
    }

    [Test]
    public async Task Two_plain_keys_for_a_vendor_list_are_a_usage_error_that_shows_the_scoped_form()
    {
        var result = await CliProcess.RunAsync("transcribe", "samples/welcome.mp4", "--vendor", "captioncat,cliptext", "--api-key", "key-one-111", "--api-key", "key-two-222");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("--api-key <vendor>=<value>"));
    }
}
