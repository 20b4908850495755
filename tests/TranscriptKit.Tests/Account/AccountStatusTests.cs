using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Sandbox;

namespace TranscriptKit.Tests.Account;

/// <summary>Account state through the vendor-neutral <see cref="ITranscriberAccount"/>: what each vendor's capabilities promise is what its transcriber reports.</summary>
[NonParallelizable]
public sealed class AccountStatusTests
{
    private VendorSandbox _sandbox = null!;

    [OneTimeSetUp]
    public async Task StartSandbox()
    {
        var options = new SandboxOptions();
        options.InitialCredits["captioncat"] = 4242;
        options.ConcurrencyLimits["transcriptgenerate"] = 3;
        options.QuotaSeconds["transcriptgenerate"] = 7200;
        _sandbox = await VendorSandbox.StartAsync(options);
    }

    [OneTimeTearDown]
    public async Task StopSandbox() => await _sandbox.DisposeAsync();

    private ITranscriber Transcriber(string vendor) => Transcribers.Create(
        vendor, new VendorSettings { ApiKey = _sandbox.ApiKey, ApiSecret = _sandbox.ApiSecret, Endpoint = _sandbox.GetEndpoint(vendor) });

    [Test]
    public async Task A_credit_vendor_reports_its_balance_and_nothing_else()
    {
        var transcriber = Transcriber("captioncat");

        var status = await ((ITranscriberAccount)transcriber).GetAccountAsync();

        Assert.That(transcriber.Capabilities.Account, Is.EqualTo(AccountFeatures.Credits));
        Assert.That(status, Is.EqualTo(new AccountStatus { Credits = 4242 }));
    }

    [Test]
    public async Task A_quota_vendor_reports_its_quota_and_running_jobs()
    {
        var transcriber = Transcriber("transcriptgenerate");

        var status = await ((ITranscriberAccount)transcriber).GetAccountAsync();

        Assert.That(transcriber.Capabilities.Account, Is.EqualTo(AccountFeatures.Quota | AccountFeatures.Concurrency));
        Assert.That(status.Credits, Is.Null);
        Assert.That(status.Quota, Is.Not.Null);
        Assert.That(status.Quota!.TotalSeconds, Is.EqualTo(7200));
        Assert.That(status.Quota.UsedSeconds + status.Quota.AvailableSeconds, Is.EqualTo(7200));
        Assert.That(status.Concurrency, Is.EqualTo(new AccountConcurrency(Running: 0, Limit: 3, Available: 3, CanStartNow: true)));
    }

    [Test]
    public void Every_registered_vendor_implements_the_account_interface_exactly_when_its_capabilities_say_so()
    {
        foreach (var id in _sandbox.VendorIds)
        {
            var transcriber = Transcriber(id);
            Assert.That(transcriber is ITranscriberAccount, Is.EqualTo(transcriber.Capabilities.Account != AccountFeatures.None), id);
        }
    }
}
