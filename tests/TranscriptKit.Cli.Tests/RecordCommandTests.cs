using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Sandbox;
using TranscriptKit.Testing;

namespace TranscriptKit.Cli.Tests;

/// <summary>
/// `transcriptkit record` end to end against a sandbox the test controls: the cassette and the drift report are
/// written, no credential reaches either file, and the cassette replays through the facade to the same transcript.
/// </summary>
[CancelAfter(120_000)]
public sealed class RecordCommandTests
{
    private const string Key = "rec-key-7f3a91c2d0";
    private const string Secret = "rec-secret-b84e06aa";
    private string _out = "";

    [SetUp]
    public void CreateFolder() => _out = Directory.CreateTempSubdirectory("tk-record-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_out, recursive: true);

    public static IEnumerable<TestCaseData> Flows()
    {
        yield return new TestCaseData("captioncat", "samples/welcome.mp4", Array.Empty<string>()).SetArgDisplayNames("captioncat");
        yield return new TestCaseData("subclip", "samples/welcome.mp4", new[] { "--language", "en" }).SetArgDisplayNames("subclip");
        yield return new TestCaseData("cliptext", "samples/welcome.mp4", new[] { "--language", "en" }).SetArgDisplayNames("cliptext");
        yield return new TestCaseData("transcriptgenerate", "https://v.douyin.com/abc/welcome.mp4", new[] { "--api-secret", Secret }).SetArgDisplayNames("transcriptgenerate");
        yield return new TestCaseData("soscripted", "https://www.youtube.com/watch?v=welcome", Array.Empty<string>()).SetArgDisplayNames("soscripted");
    }

    [TestCaseSource(nameof(Flows))]
    public async Task Record_writes_a_redacted_cassette_and_drift_report_that_replay_the_same_transcript(string vendor, string input, string[] extra)
    {
        await using var sandbox = await StartSandboxAsync();

        var result = await CliProcess.RunAsync(
            ["record", input, "--vendor", vendor, "--out", _out, "--scenario", "flow-test", "--endpoint", sandbox.GetEndpoint(vendor).ToString(), "--api-key", Key, .. extra]);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var cassettePath = Path.Combine(_out, vendor, "flow-test.json");
        var driftPath = Path.Combine(_out, vendor, "flow-test.drift.json");
        Assert.That(result.Stdout, Does.Contain("Cassette: " + cassettePath).And.Contain("Drift report: " + driftPath), result.ToString());
        foreach (var written in new[] { cassettePath, driftPath })
        {
            var text = File.ReadAllText(written);
            Assert.That(text, Does.Not.Contain(Key).And.Not.Contain(Secret), written);
        }

        var cassette = Cassette.Load(cassettePath);
        Assert.That(cassette.Vendor, Is.EqualTo(vendor));
        Assert.That(cassette.Interactions.Where(i => i.Operation is not null), Is.Not.Empty);
        Assert.That(cassette.Interactions.Select(i => i.RecordedAt), Is.All.Not.Null);
        var documentedBase = Transcribers.Registry.Get(vendor).Definition.DefaultEndpoint.AbsolutePath.TrimEnd('/');
        Assert.That(cassette.Interactions.Where(i => i.Operation is not null).Select(i => i.Request.Path), Is.All.StartsWith(documentedBase + "/"), "paths are the spec's, not the sandbox's");
        using var drift = JsonDocument.Parse(File.ReadAllText(driftPath));
        Assert.That(drift.RootElement.GetProperty("findings").GetArrayLength(), Is.Zero, "the sandbox answers as the spec says");

        var replayed = await ReplayAsync(vendor, input, extra, cassette);
        var live = await TranscribeAsync(vendor, input, extra, sandbox);
        Assert.That(replayed, Is.EqualTo(live), "the cassette replays through the facade to the transcript the sandbox gives");
    }

    [Test]
    public async Task Record_lists_what_drifted_from_the_spec_in_the_drift_report()
    {
        await using var sandbox = await StartSandboxAsync();
        sandbox.Faults.For("subclip").DriftNext(100, SandboxDrift.ExtraFields);

        var result = await CliProcess.RunAsync(
            "record", "samples/welcome.mp4", "--vendor", "subclip", "--language", "en", "--out", _out, "--endpoint", sandbox.GetEndpoint("subclip").ToString(), "--api-key", Key);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        using var drift = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "subclip", "flow-welcome.drift.json")));
        var findings = drift.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.That(findings.Select(f => f.GetProperty("kind").GetString()), Has.Member("UnknownField"));
        Assert.That(findings.Select(f => f.GetProperty("path").GetString()), Has.Some.Contains("x_drift_extra"));
        Assert.That(result.Stderr, Does.Contain("Drift: ").And.Contain("x_drift_extra"));
        Assert.That(File.ReadAllText(Path.Combine(_out, "subclip", "flow-welcome.json")), Does.Contain("x_drift_extra"), "the cassette keeps what the vendor really sent");
    }

    [Test]
    public async Task Record_writes_nothing_when_the_vendor_refuses_the_input_before_any_request()
    {
        var result = await CliProcess.RunAsync("record", "samples/welcome.mp4", "--vendor", "soscripted", "--out", _out);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr, Does.Contain("no cassette was written"));
        Assert.That(Directory.EnumerateFileSystemEntries(_out), Is.Empty);
    }

    [Test]
    public async Task Record_refuses_a_scenario_that_is_not_kebab_case()
    {
        var result = await CliProcess.RunAsync("record", "samples/welcome.mp4", "--vendor", "captioncat", "--out", _out, "--scenario", "My Flow");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("--scenario 'My Flow' is not kebab-case"));
    }

    private static async Task<string> ReplayAsync(string vendor, string input, string[] extra, Cassette cassette)
    {
        var replayer = new ReplayingHandler(cassette);
        var settings = new VendorSettings { ApiKey = "replay-key", ApiSecret = "replay-secret" };
        var text = await TranscribeWithAsync(vendor, input, extra, settings, new HttpClient(replayer));
        replayer.AssertAllPlayed();
        return text;
    }

    private static Task<string> TranscribeAsync(string vendor, string input, string[] extra, VendorSandbox sandbox) =>
        TranscribeWithAsync(vendor, input, extra, new VendorSettings { ApiKey = Key, ApiSecret = Secret, Endpoint = sandbox.GetEndpoint(vendor) }, httpClient: null);

    private static async Task<string> TranscribeWithAsync(string vendor, string input, string[] extra, VendorSettings settings, HttpClient? httpClient)
    {
        var request = input.StartsWith("https://", StringComparison.Ordinal) ? TranscriptionRequest.FromUrl(new Uri(input)) : TranscriptionRequest.FromFile(Path.Combine(CliProcess.RepoRoot, input));
        var language = Array.IndexOf(extra, "--language");
        request = request with { Language = language >= 0 ? extra[language + 1] : null };
        // The recorded polls answer at once; the spec's seconds-long intervals would only slow the replay.
        var options = new TranscriberOptions { Polling = new PollingOverride { InitialInterval = TimeSpan.FromMilliseconds(1), MaxInterval = TimeSpan.FromMilliseconds(1) } };
        var transcriber = Transcribers.Create(vendor, settings, options, httpClient);
        var transcript = await transcriber.TranscribeAsync(request);
        return transcript.Text;
    }

    private static Task<VendorSandbox> StartSandboxAsync()
    {
        var options = new SandboxOptions { ApiKey = Key, ApiSecret = Secret };
        options.MediaDirectories.Add(Path.Combine(CliProcess.RepoRoot, "samples"));
        return VendorSandbox.StartAsync(options);
    }
}
