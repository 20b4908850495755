using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Sandbox;

namespace TranscriptKit.Tests.EndToEnd;

/// <summary>
/// Issue 12's "done means": against the sandbox's drift fault, every vendor flow ends within the spec's unknown-grace
/// with a typed error naming the raw value — none polls on to its timeout. The client runs on a fake clock; the test
/// counts status requests, never time. Vendors come from the sandbox and their generated definitions, not a list here.
/// </summary>
[NonParallelizable]
[CancelAfter(60_000)]
public sealed class DriftFaultTests
{
    private VendorSandbox _sandbox = null!;

    // A sandbox per test: a flow that ends early leaves its job running in the emulator, which counts against the
    // vendor's concurrency limit in the next test.
    [SetUp]
    public async Task StartSandbox()
    {
        var options = new SandboxOptions { PendingPolls = 2, StreamEventDelay = TimeSpan.FromMilliseconds(1) };
        options.MediaDirectories.Add(RepositoryPaths.Samples);
        _sandbox = await VendorSandbox.StartAsync(options);
    }

    [TearDown]
    public async Task StopSandbox() => await _sandbox.DisposeAsync();

    // Transcribers.Registry holds the built-in vendors, the ones the sandbox emulates.
    private static IEnumerable<string> PolledVendors() =>
        Transcribers.Registry.Vendors.Where(v => v.Definition.Jobs.Any(j => j.ListsRunningStates)).Select(v => v.Id);

    private static IEnumerable<string> UnpolledVendors() =>
        Transcribers.Registry.Vendors.Where(v => v.Definition.Jobs.Count == 0).Select(v => v.Id);

    private (ITranscriber Transcriber, FakeTimeProvider Clock, FakeLogger Logger) Transcriber(string vendor)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logger = new FakeLogger();
        var transcriber = Transcribers.Create(
            vendor,
            new VendorSettings { ApiKey = _sandbox.ApiKey, ApiSecret = _sandbox.ApiSecret, Endpoint = _sandbox.GetEndpoint(vendor) },
            new TranscriberOptions { TimeProvider = clock, Logger = logger });
        return (transcriber, clock, logger);
    }

    private TranscriptionRequest RequestFor(ITranscriber transcriber)
    {
        var capabilities = transcriber.Capabilities;
        var request = capabilities.AcceptsUrls
            ? TranscriptionRequest.FromUrl(_sandbox.GetMediaUrl("welcome.mp4", transcriber.Vendor))
            : TranscriptionRequest.FromFile(RepositoryPaths.Sample("welcome.mp4"));
        return capabilities.RequiresLanguage ? request with { Language = "en" } : request;
    }

    /// <summary>Moves the fake clock on in steps while real loopback I/O happens, until the flow ends; bounded.</summary>
    private static async Task<Exception?> Drive(Task flow, FakeTimeProvider clock)
    {
        for (var i = 0; i < 5000 && !flow.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1);
        }

        Assert.That(flow.IsCompleted, Is.True, "the flow never ended on the fake clock");
        try
        {
            await flow;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private int Polls(string vendor, string operation) => _sandbox.Requests.Count(r => r.Vendor == vendor && r.Operation == operation);

    [TestCaseSource(nameof(PolledVendors))]
    public async Task An_unknown_job_state_ends_the_flow_after_the_specs_grace_naming_the_raw_value(string vendor)
    {
        var (transcriber, clock, logger) = Transcriber(vendor);
        var job = Transcribers.Registry.Get(vendor).Definition.Jobs.First(j => j.ListsRunningStates);
        _sandbox.Faults.For(vendor).DriftNext(1000, SandboxDrift.UnknownStatus | SandboxDrift.ExtraFields | SandboxDrift.IntegralFloats, job.PollOperationId);

        var error = await Drive(transcriber.TranscribeAsync(RequestFor(transcriber)), clock);

        var unknown = error as TranscriptKitUnknownJobStatusException;
        Assert.That(unknown, Is.Not.Null, $"expected TranscriptKitUnknownJobStatusException, got {error}");
        Assert.Multiple(() =>
        {
            Assert.That(unknown!.RawStatus, Is.EqualTo(VendorFaults.UnknownStatusValue));
            Assert.That(unknown.Message, Does.Contain(VendorFaults.UnknownStatusValue));
            Assert.That(unknown.Job.Vendor, Is.EqualTo(vendor));
            Assert.That(unknown.Polls, Is.EqualTo(job.DefaultPolling.UnknownStatusPolls));
            Assert.That(Polls(vendor, job.PollOperationId), Is.EqualTo(job.DefaultPolling.UnknownStatusPolls), "the grace's answers, not the timeout's hundreds");
            Assert.That(logger.Collector.GetSnapshot().Count(r => r.Id.Id == 101), Is.EqualTo(job.DefaultPolling.UnknownStatusPolls), "one warning per unknown answer");
            Assert.That(logger.Collector.GetSnapshot().Select(r => r.Message), Has.None.Contains(_sandbox.ApiKey));
        });
    }

    [TestCaseSource(nameof(PolledVendors))]
    public async Task A_failure_shaped_answer_under_200_on_a_poll_is_a_typed_job_failure_not_running(string vendor)
    {
        var (transcriber, clock, _) = Transcriber(vendor);
        var job = Transcribers.Registry.Get(vendor).Definition.Jobs.First(j => j.ListsRunningStates);
        _sandbox.Faults.For(vendor).DriftNext(1000, SandboxDrift.ErrorShape, job.PollOperationId);

        var error = await Drive(transcriber.TranscribeAsync(RequestFor(transcriber)), clock);

        Assert.That(error, Is.InstanceOf<TranscriptKitJobFailedException>().And.Not.InstanceOf<TranscriptKitUnknownJobStatusException>(), $"got {error}");
        Assert.That(Polls(vendor, job.PollOperationId), Is.EqualTo(1), "the first answer ends the wait");
        if (job.FailureMessageField is not null)
        {
            Assert.That(((TranscriptKitJobFailedException)error!).VendorMessage, Is.EqualTo(VendorFaults.DriftMessage));
        }
    }

    [TestCaseSource(nameof(UnpolledVendors))]
    public async Task An_ok_false_answer_ends_the_flow_with_a_typed_job_failure_carrying_the_vendors_message(string vendor)
    {
        var (transcriber, clock, _) = Transcriber(vendor);
        _sandbox.Faults.For(vendor).DriftNext(1, SandboxDrift.OkFalse | SandboxDrift.ExtraFields | SandboxDrift.IntegralFloats);

        var error = await Drive(transcriber.TranscribeAsync(RequestFor(transcriber)), clock);

        Assert.That(error, Is.InstanceOf<TranscriptKitJobFailedException>(), $"got {error}");
        Assert.That(((TranscriptKitJobFailedException)error!).VendorMessage, Is.EqualTo(VendorFaults.DriftMessage));
    }

    [TestCaseSource(nameof(PolledVendors))]
    public async Task Extra_fields_and_integral_floats_on_every_answer_still_give_the_transcript(string vendor)
    {
        var (transcriber, clock, _) = Transcriber(vendor);
        _sandbox.Faults.For(vendor).DriftNext(1000, SandboxDrift.ExtraFields | SandboxDrift.IntegralFloats);

        var error = await Drive(transcriber.TranscribeAsync(RequestFor(transcriber)), clock);

        Assert.That(error, Is.Null, "extra fields are ignored and 3600.0 reads as 3600");
        Assert.That(_sandbox.Requests.Where(r => r.Vendor == vendor).Select(r => r.Fault), Has.Some.EqualTo("drift"));
    }
}
