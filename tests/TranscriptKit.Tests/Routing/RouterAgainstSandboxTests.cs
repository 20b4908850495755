using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using TranscriptKit.Sandbox;

namespace TranscriptKit.Tests.Routing;

/// <summary>
/// The router over real vendor clients against the sandbox on loopback: the pipeline's own classification of a
/// refused call (a wrong key, no credits left) is what lets it fall back, and the refusing vendor never gets a job.
/// </summary>
[TestFixture]
[NonParallelizable]
[CancelAfter(60_000)]
public sealed class RouterAgainstSandboxTests
{
    private static readonly PollingOverride s_fastPolling = new() { InitialInterval = TimeSpan.FromMilliseconds(5), MaxInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(30) };
    private VendorSandbox _sandbox = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartSandbox()
    {
        var options = new SandboxOptions { PendingPolls = 1 };
        options.MediaDirectories.Add(RepositoryPaths.Samples);
        options.InitialCredits["captioncat"] = 0;
        _sandbox = await VendorSandbox.StartAsync(options);
        _http = new HttpClient();
    }

    [OneTimeTearDown]
    public async Task StopSandbox()
    {
        _http.Dispose();
        await _sandbox.DisposeAsync();
    }

    [SetUp]
    public void ClearLog() => _sandbox.ClearRequests();

    [Test]
    public async Task A_vendor_that_rejects_the_key_is_skipped_for_the_next()
    {
        var router = new TranscriptionRouter([Create("captioncat", "wrong-key"), Create("cliptext")]);

        var routed = await router.TranscribeRoutedAsync(TranscriptionRequest.FromFile(RepositoryPaths.Sample("welcome.mp4")));

        Assert.That(routed.Transcript.Vendor, Is.EqualTo("cliptext"));
        Assert.That(routed.Attempts.Select(a => (a.Vendor, a.Outcome)), Is.EqualTo(new[] { ("captioncat", RouteAttemptOutcome.Refused), ("cliptext", RouteAttemptOutcome.Accepted) }));
        Assert.That(routed.Attempts[0].Reason, Does.Contain("authentication"));
        Assert.That(routed.Transcript.Text, Is.Not.Empty);
    }

    [Test]
    public async Task A_vendor_out_of_credits_is_skipped_for_the_next()
    {
        var router = new TranscriptionRouter([Create("captioncat"), Create("cliptext")]);

        var routed = await router.TranscribeRoutedAsync(TranscriptionRequest.FromFile(RepositoryPaths.Sample("welcome.mp4")));

        Assert.That(routed.Transcript.Vendor, Is.EqualTo("cliptext"));
        Assert.That(routed.Attempts[0].Outcome, Is.EqualTo(RouteAttemptOutcome.Refused));
        Assert.That(routed.Attempts[0].Reason, Does.Contain("credit"));
    }

    [Test]
    public void The_container_builds_the_router_from_the_routing_section_in_its_order()
    {
        var settings = new Dictionary<string, string?>
        {
            ["TranscriptKit:Routing:0"] = "cliptext",
            ["TranscriptKit:Routing:1"] = "captioncat",
            ["TranscriptKit:Vendors:captioncat:ApiKey"] = "cc-key",
            ["TranscriptKit:Vendors:cliptext:ApiKey"] = "ct-key",
        };
        using var services = new ServiceCollection().AddTranscriptKit(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).Services.BuildServiceProvider();

        Assert.That(services.GetRequiredService<TranscriptionRouter>().Vendors, Is.EqualTo(new[] { "cliptext", "captioncat" }));
    }

    [Test]
    public void A_routing_entry_that_names_no_vendor_fails_validation_with_its_path()
    {
        var settings = new Dictionary<string, string?> { ["TranscriptKit:Routing:0"] = "nosuchvendor" };
        using var services = new ServiceCollection().AddTranscriptKit(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => _ = services.GetRequiredService<IOptions<TranscriptKitOptions>>().Value)!;
        Assert.That(error.Message, Does.Contain("TranscriptKit:Routing:0").And.Contain("nosuchvendor"));
    }

    private ITranscriber Create(string vendor, string? key = null) =>
        Transcribers.Create(vendor, new VendorSettings { ApiKey = key ?? _sandbox.ApiKey, Endpoint = _sandbox.GetEndpoint(vendor) }, new TranscriberOptions { Polling = s_fastPolling }, _http);
}
