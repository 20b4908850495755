using System.Threading.Tasks;
using NUnit.Framework;

namespace TranscriptKit.Cli.Tests;

/// <summary>`balance`, `quota` and `vendors`, against the embedded sandbox.</summary>
[TestFixture]
public sealed class AccountCommandTests
{
    [Test]
    public async Task Balance_prints_caption_cat_credits()
    {
        var result = await CliProcess.RunAsync("balance", "--vendor", "captioncat");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stdout, Is.EqualTo("captioncat balance: 2400 credits\n"));
        Assert.That(result.Stderr, Does.Contain("built-in sandbox"));
    }

    [Test]
    public async Task Quota_prints_transcriptgenerate_quota_and_concurrency()
    {
        var result = await CliProcess.RunAsync("quota", "--vendor", "transcriptgenerate");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stdout, Does.Contain("transcriptgenerate quota: 7200 s available of 7200 s"));
        Assert.That(result.Stdout, Does.Contain("transcriptgenerate concurrency: 0 of 2 tasks running, 2 free"));
    }

    [Test]
    public async Task Balance_and_quota_refuse_vendors_without_them()
    {
        var balance = await CliProcess.RunAsync("balance", "--vendor", "subclip");
        var quota = await CliProcess.RunAsync("quota", "--vendor", "captioncat");

        Assert.That(balance.ExitCode, Is.EqualTo(2), balance.ToString());
        Assert.That(balance.Stderr, Does.Contain("subclip has no balance endpoint"));
        Assert.That(quota.ExitCode, Is.EqualTo(2), quota.ToString());
        Assert.That(quota.Stderr, Does.Contain("captioncat has no quota endpoint; try `transcriptkit balance --vendor captioncat`"));
    }

    [Test]
    public async Task Vendors_lists_every_vendor_with_its_capabilities()
    {
        var result = await CliProcess.RunAsync("vendors");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.That(lines, Has.Length.EqualTo(5));
        Assert.That(lines[0], Does.StartWith("captioncat").And.Contain(".mp4"));
        Assert.That(lines[4], Does.StartWith("soscripted").And.Contain("one call, no jobs"));
    }
}
