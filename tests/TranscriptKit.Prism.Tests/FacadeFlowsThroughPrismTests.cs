using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Sandbox;

namespace TranscriptKit.Prism.Tests;

/// <summary>
/// Every registered vendor's facade flow (a file upload and a URL, where the vendor takes them), its account query and
/// its answer to a refused key, sent through Stoplight Prism in proxy mode with <c>--errors</c>, fed our own spec and
/// forwarding to the sandbox. Prism is a third party's reading of OpenAPI: it refuses a request our client builds or an
/// answer our spec does not describe, where our own generator and sandbox could share one misreading.
/// </summary>
[Category("Prism")]
[Explicit("Needs Node and the pinned Prism: npm ci --prefix tests/Prism, then dotnet test tests/TranscriptKit.Prism.Tests --filter Category=Prism (.ci/run does both)")]
[Parallelizable(ParallelScope.Children)]
public sealed class FacadeFlowsThroughPrismTests
{
    private const string File = "file";
    private const string Url = "url";

    private const string UrlSample = "welcome.mp4";

    // Node loads Prism and parses the spec in a few seconds on a quiet machine; leave room for six engineers' builds.
    private static readonly TimeSpan s_prismStartup = TimeSpan.FromSeconds(60);
    private static readonly PollingOverride s_fastPolling = new() { InitialInterval = TimeSpan.FromMilliseconds(5), MaxInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(30) };

    private readonly Dictionary<string, Task<PrismProxy>> _prisms = new(StringComparer.OrdinalIgnoreCase);
    private VendorSandbox _sandbox = null!;
    private string _media = null!;

    /// <summary>One case per vendor and input kind it takes, from the registry's capabilities (no vendor list here).</summary>
    public static IEnumerable<TestCaseData> Flows()
    {
        foreach (var vendor in Transcribers.Registry.Vendors)
        {
            if (vendor.Capabilities.AcceptsFiles)
            {
                yield return new TestCaseData(vendor.Id, File).SetArgDisplayNames(vendor.Id, File);
            }

            if (vendor.Capabilities.AcceptsUrls)
            {
                yield return new TestCaseData(vendor.Id, Url).SetArgDisplayNames(vendor.Id, Url);
            }
        }
    }

    [OneTimeSetUp]
    public async Task StartSandboxAndPrisms()
    {
        _media = Directory.CreateTempSubdirectory("tk-prism-media-").FullName;
        Utf8SafeSample.WriteTo(_media);
        var options = new SandboxOptions { PendingPolls = 2, StreamEventDelay = TimeSpan.FromMilliseconds(5) };
        options.MediaDirectories.Add(PrismPaths.Samples);
        options.MediaDirectories.Add(_media);
        _sandbox = await VendorSandbox.StartAsync(options);

        // One Prism per vendor, all started at once so their start-ups overlap; each test awaits its own vendor's.
        foreach (var vendor in Transcribers.Registry.Vendors)
        {
            _prisms[vendor.Id] = PrismProxy.StartAsync(PrismPaths.Spec(vendor.Id), _sandbox.GetEndpoint(vendor.Id), s_prismStartup, CancellationToken.None);
        }
    }

    [OneTimeTearDown]
    public async Task StopPrismsAndSandbox()
    {
        foreach (var prism in _prisms.Values)
        {
            try
            {
                await (await prism).DisposeAsync();
            }
            catch (InvalidOperationException)
            {
                // It never started; the tests that needed it have reported why.
            }
        }

        await _sandbox.DisposeAsync();
        Directory.Delete(_media, recursive: true);
    }

    [TestCaseSource(nameof(Flows))]
    [CancelAfter(90_000)]
    public async Task The_flow_passes_Prism_validating_every_request_and_answer_against_our_spec(string vendorId, string input, CancellationToken cancellationToken)
    {
        var vendor = Transcribers.Registry.Get(vendorId);
        Assert.That(PrismPaths.Spec(vendorId), Does.Exist, "a registered vendor's spec is specs/<id>.yaml");
        var prism = await _prisms[vendorId].WaitAsync(cancellationToken);

        using var verdicts = new PrismVerdictHandler(prism.Address);
        using var http = new HttpClient(verdicts) { Timeout = Timeout.InfiniteTimeSpan };
        var transcriber = Through(prism, vendorId, http);

        // A file goes up as the UTF-8-safe sample: Prism's proxy rewrites other bytes of a body it forwards (Utf8SafeSample).
        var request = input == File
            ? TranscriptionRequest.FromFile(Utf8SafeSample.PathFor(_media, vendor.Capabilities))
            : TranscriptionRequest.FromUrl(_sandbox.GetMediaUrl(UrlSample, vendorId));
        var expected = input == File ? Utf8SafeSample.Text : FirstCue(UrlSample);
        if (vendor.Capabilities.RequiresLanguage)
        {
            request = request with { Language = "en" };
        }

        Transcript transcript;
        try
        {
            transcript = await transcriber.TranscribeAsync(request, progress: null, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"{vendorId} {input} flow failed through Prism: {e.GetType().Name}: {e.Message}{Environment.NewLine}" +
                        $"Prism's verdicts:{Environment.NewLine}{verdicts.Describe()}{Environment.NewLine}Prism's log:{Environment.NewLine}{prism.Tail()}");
            return;
        }

        AssertPrismAgreed(prism, verdicts, $"{vendorId} {input} flow");
        Assert.That(transcript.Text, Does.Contain(expected), "the sandbox's sidecar transcript came back through Prism intact");
        TestContext.Out.WriteLine($"{vendorId} {input} through Prism: {string.Join(", ", verdicts.Proxied)}");
    }

    [TestCaseSource(nameof(AccountVendors))]
    [CancelAfter(90_000)]
    public async Task The_account_answers_pass_Prism(string vendorId, CancellationToken cancellationToken)
    {
        var prism = await _prisms[vendorId].WaitAsync(cancellationToken);
        using var verdicts = new PrismVerdictHandler(prism.Address);
        using var http = new HttpClient(verdicts) { Timeout = Timeout.InfiniteTimeSpan };
        var account = (ITranscriberAccount)Through(prism, vendorId, http);

        try
        {
            await account.GetAccountAsync(cancellationToken);
        }
        catch (TranscriptKitException e)
        {
            Assert.Fail($"{vendorId} account failed through Prism: {e.GetType().Name}: {e.Message}{Environment.NewLine}Prism's verdicts:{Environment.NewLine}{verdicts.Describe()}");
        }

        AssertPrismAgreed(prism, verdicts, $"{vendorId} account");
    }

    [TestCaseSource(nameof(Vendors))]
    [CancelAfter(90_000)]
    public async Task A_refused_key_gets_an_error_answer_that_passes_Prism(string vendorId, CancellationToken cancellationToken)
    {
        var vendor = Transcribers.Registry.Get(vendorId);
        var prism = await _prisms[vendorId].WaitAsync(cancellationToken);
        using var verdicts = new PrismVerdictHandler(prism.Address);
        using var http = new HttpClient(verdicts) { Timeout = Timeout.InfiniteTimeSpan };
        var transcriber = Through(prism, vendorId, http, apiKey: "not-the-sandbox-key");
        var request = vendor.Capabilities.AcceptsUrls
            ? TranscriptionRequest.FromUrl(_sandbox.GetMediaUrl(UrlSample, vendorId))
            : TranscriptionRequest.FromFile(Utf8SafeSample.PathFor(_media, vendor.Capabilities));
        if (vendor.Capabilities.RequiresLanguage)
        {
            request = request with { Language = "en" };
        }

        var refused = Assert.CatchAsync<TranscriptKitException>(() => transcriber.TranscribeAsync(request, progress: null, cancellationToken));

        Assert.That(refused, Is.InstanceOf<TranscriptKitAuthenticationException>(), $"{refused}{Environment.NewLine}Prism's verdicts:{Environment.NewLine}{verdicts.Describe()}");
        AssertPrismAgreed(prism, verdicts, $"{vendorId} refused key");
    }

    /// <summary>Each registered vendor once.</summary>
    public static IEnumerable<TestCaseData> Vendors() => Transcribers.Registry.Vendors.Select(v => new TestCaseData(v.Id).SetArgDisplayNames(v.Id));

    /// <summary>The vendors whose capabilities promise an account query.</summary>
    public static IEnumerable<TestCaseData> AccountVendors() =>
        Transcribers.Registry.Vendors.Where(v => v.Capabilities.Account != AccountFeatures.None).Select(v => new TestCaseData(v.Id).SetArgDisplayNames(v.Id));

    private ITranscriber Through(PrismProxy prism, string vendorId, HttpClient http, string? apiKey = null) => Transcribers.Create(
        vendorId,
        new VendorSettings { ApiKey = apiKey ?? _sandbox.ApiKey, ApiSecret = _sandbox.ApiSecret, Endpoint = prism.Address },
        new TranscriberOptions { Polling = s_fastPolling },
        http);

    private static void AssertPrismAgreed(PrismProxy prism, PrismVerdictHandler verdicts, string what)
    {
        Assert.That(verdicts.Verdicts, Is.Empty, $"Prism's verdicts on the {what}:{Environment.NewLine}{verdicts.Describe()}");
        Assert.That(prism.Findings, Is.Empty, $"Prism logged errors or warnings ({what}):{Environment.NewLine}{prism.Tail()}");
        Assert.That(verdicts.Proxied, Is.Not.Empty, $"the {what} went through Prism");
    }

    // The first text line of the sample's SRT sidecar (block: index, timing, text).
    private static string FirstCue(string sample) =>
        System.IO.File.ReadLines(PrismPaths.Sample(Path.ChangeExtension(sample, ".srt"))).Select(l => l.Trim()).Where(l => l.Length > 0).Skip(2).First();
}
