using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Sandbox;

namespace TranscriptKit.Vendors.Tests;

/// <summary>
/// Issue 12's "done means", for every vendor the suite knows (<see cref="Vendors.Registrations"/>, Murmur included)
/// against the sandbox's drift fault: an unknown job state, an error shape under 200 on a poll, integral floats, extra
/// fields and <c>ok:false</c> each end the flow within the spec's unknown-grace with a typed error naming the raw value
/// (none polls on to its timeout), and the drift report lists each difference the sandbox put in. The client runs on a
/// fake clock; the test counts status requests, never time. Which case applies comes from the definitions, not a list.
/// </summary>
[NonParallelizable]
[CancelAfter(60_000)]
public sealed class DriftFaultTests
{
    private const string ExtraField = "x_drift_extra";

    private VendorSandbox _sandbox = null!;

    // A sandbox per test: a flow that ends early leaves its job running in the emulator, which counts against the
    // vendor's concurrency limit in the next test.
    [SetUp]
    public async Task StartSandbox()
    {
        var options = new SandboxOptions { PendingPolls = 2, StreamEventDelay = TimeSpan.FromMilliseconds(1) };
        foreach (var emulator in Vendors.ExtraEmulators())
        {
            options.Emulators.Add(emulator);
        }

        options.MediaDirectories.Add(SamplesFolder);
        _sandbox = await VendorSandbox.StartAsync(options);
    }

    [TearDown]
    public async Task StopSandbox() => await _sandbox.DisposeAsync();

    private static string SamplesFolder => Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Sample.FixtureRoot()))!, "samples");

    private static IEnumerable<TestCaseData> PolledVendors() =>
        Vendors.Registrations.Where(v => v.Definition.Jobs.Count > 0).Select(v => new TestCaseData(v).SetArgDisplayNames(v.Id));

    private static IEnumerable<TestCaseData> UnpolledVendors() =>
        Vendors.Registrations.Where(v => v.Definition.Jobs.Count == 0).Select(v => new TestCaseData(v).SetArgDisplayNames(v.Id));

    private sealed record Flow(ITranscriber Transcriber, FakeTimeProvider Clock, FakeLogger Logger, DriftReport Drift);

    private Flow Start(TranscriptionVendor vendor)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logger = new FakeLogger();
        var drift = new DriftReport();
        var transcriber = vendor.Create(
            new VendorSettings { ApiKey = _sandbox.ApiKey, ApiSecret = _sandbox.ApiSecret, Endpoint = _sandbox.GetEndpoint(vendor.Id) },
            new TranscriberOptions { TimeProvider = clock, Logger = logger, Drift = drift });
        return new Flow(transcriber, clock, logger, drift);
    }

    private TranscriptionRequest RequestFor(ITranscriber transcriber)
    {
        var capabilities = transcriber.Capabilities;
        var request = capabilities.AcceptsUrls
            ? TranscriptionRequest.FromUrl(_sandbox.GetMediaUrl("welcome.mp4", transcriber.Vendor))
            : TranscriptionRequest.FromFile(Path.Combine(SamplesFolder, "welcome.mp4"));
        return capabilities.RequiresLanguage ? request with { Language = "en" } : request;
    }

    /// <summary>The vendor's job flow (start, then wait: Murmur's one-call transcribe has no job), or its one call.</summary>
    private async Task Run(Flow flow)
    {
        var request = RequestFor(flow.Transcriber);
        if (flow.Transcriber.Capabilities.ResumableJobs)
        {
            var job = await flow.Transcriber.StartAsync(request);
            await flow.Transcriber.WaitAsync(job);
        }
        else
        {
            await flow.Transcriber.TranscribeAsync(request);
        }
    }

    /// <summary>Moves the fake clock on in steps while real loopback I/O happens, until the flow ends; bounded.</summary>
    private async Task<Exception?> Drive(Flow flow)
    {
        var running = Run(flow);
        for (var i = 0; i < 5000 && !running.IsCompleted; i++)
        {
            flow.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1);
        }

        Assert.That(running.IsCompleted, Is.True, "the flow never ended on the fake clock");
        try
        {
            await running;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private int Polls(string vendor, string operation) => _sandbox.Requests.Count(r => r.Vendor == vendor && r.Operation == operation);

    /// <summary>The operations whose answers the sandbox rewrote.</summary>
    private IReadOnlyList<string> Drifted(string vendor) =>
        _sandbox.Requests.Where(r => r.Vendor == vendor && r.Fault == "drift" && r.Operation is not null).Select(r => r.Operation!).Distinct().ToList();

    /// <summary>Every answer the sandbox drifted gained the extra field at its root: each is in the report, and nothing else is called unknown.</summary>
    private void AssertExtraFieldsReported(string vendor, DriftReport drift)
    {
        var drifted = Drifted(vendor);
        Assert.That(drifted, Is.Not.Empty, "the sandbox drifted some answer");
        var unknown = drift.Findings.Where(f => f.Kind == DriftKind.UnknownField).ToList();
        foreach (var operation in drifted)
        {
            Assert.That(unknown.Where(f => f.OperationId == operation).Select(f => f.Path), Has.Some.Match(@"^(\$|event\[[a-z_]+\])\." + ExtraField + "$"), $"{operation}'s answer gained {ExtraField} at its root: {drift.ToSummary()}");
        }

        Assert.That(unknown.Select(f => f.Path), Has.All.EndsWith("." + ExtraField), "only the sandbox's extra field is unknown: " + drift.ToSummary());
        Assert.That(drift.Findings.All(f => f.Vendor == vendor));
        Assert.That(drift.ToSummary(), Does.Not.Contain(_sandbox.ApiKey).And.Not.Contain(_sandbox.ApiSecret));
    }

    [Test]
    public void Every_polled_job_lists_its_running_states_so_an_unknown_one_ends_the_wait()
    {
        var silent = Vendors.All.SelectMany(v => v.Jobs.Where(j => !j.ListsRunningStates).Select(j => $"{v.Id}.{j.Name}")).ToList();

        Assert.That(silent, Is.Empty, "a poll without running-when treats every unknown state as running, up to its timeout");
    }

    [TestCaseSource(nameof(PolledVendors))]
    public async Task An_unknown_job_state_ends_the_flow_after_the_specs_grace_naming_the_raw_value_and_the_report_lists_the_drift(TranscriptionVendor vendor)
    {
        var flow = Start(vendor);
        var job = vendor.Definition.Jobs.First(j => j.ListsRunningStates);
        _sandbox.Faults.For(vendor.Id).DriftNext(1000, SandboxDrift.UnknownStatus | SandboxDrift.ExtraFields | SandboxDrift.IntegralFloats, job.PollOperationId);

        var error = await Drive(flow);

        var unknown = error as TranscriptKitUnknownJobStatusException;
        Assert.That(unknown, Is.Not.Null, $"expected TranscriptKitUnknownJobStatusException, got {error}");
        Assert.Multiple(() =>
        {
            Assert.That(unknown!.RawStatus, Is.EqualTo(VendorFaults.UnknownStatusValue));
            Assert.That(unknown.Message, Does.Contain(VendorFaults.UnknownStatusValue));
            Assert.That(unknown.Job.Vendor, Is.EqualTo(vendor.Id));
            Assert.That(unknown.Polls, Is.EqualTo(job.DefaultPolling.UnknownStatusPolls));
            Assert.That(Polls(vendor.Id, job.PollOperationId), Is.EqualTo(job.DefaultPolling.UnknownStatusPolls), "the grace's answers, not the timeout's hundreds");
            Assert.That(flow.Logger.Collector.GetSnapshot().Count(r => r.Id.Id == 101), Is.EqualTo(job.DefaultPolling.UnknownStatusPolls), "one warning per unknown answer");
            Assert.That(flow.Logger.Collector.GetSnapshot().Select(r => r.Message), Has.None.Contains(_sandbox.ApiKey));
            AssertExtraFieldsReported(vendor.Id, flow.Drift);
            Assert.That(flow.Drift.Findings.Where(f => f.Kind == DriftKind.UnknownEnumValue).Select(f => f.RawValue), Has.All.EqualTo(VendorFaults.UnknownStatusValue), "the only value outside an enum is the unknown state");
            Assert.That(flow.Drift.Findings.Where(f => f.Kind == DriftKind.TypeMismatch), Is.Empty, "3600.0 is an integer: integral floats are no difference");
        });
    }

    [TestCaseSource(nameof(PolledVendors))]
    public async Task A_failure_shaped_answer_under_200_on_a_poll_is_a_typed_job_failure_not_running(TranscriptionVendor vendor)
    {
        var flow = Start(vendor);
        var job = vendor.Definition.Jobs.First(j => j.ListsRunningStates);
        _sandbox.Faults.For(vendor.Id).DriftNext(1000, SandboxDrift.ErrorShape | SandboxDrift.ExtraFields, job.PollOperationId);

        var error = await Drive(flow);

        Assert.That(error, Is.InstanceOf<TranscriptKitJobFailedException>().And.Not.InstanceOf<TranscriptKitUnknownJobStatusException>(), $"got {error}");
        Assert.That(Polls(vendor.Id, job.PollOperationId), Is.EqualTo(1), "the first answer ends the wait");
        if (job.FailureMessageField is not null)
        {
            Assert.That(((TranscriptKitJobFailedException)error!).VendorMessage, Is.EqualTo(VendorFaults.DriftMessage));
        }

        AssertExtraFieldsReported(vendor.Id, flow.Drift);
    }

    [TestCaseSource(nameof(UnpolledVendors))]
    public async Task An_ok_false_answer_ends_the_flow_with_a_typed_job_failure_carrying_the_vendors_message_and_the_report_lists_the_drift(TranscriptionVendor vendor)
    {
        var flow = Start(vendor);
        _sandbox.Faults.For(vendor.Id).DriftNext(1, SandboxDrift.OkFalse | SandboxDrift.ExtraFields | SandboxDrift.IntegralFloats);

        var error = await Drive(flow);

        Assert.That(error, Is.InstanceOf<TranscriptKitJobFailedException>(), $"got {error}");
        Assert.That(((TranscriptKitJobFailedException)error!).VendorMessage, Is.EqualTo(VendorFaults.DriftMessage));
        AssertExtraFieldsReported(vendor.Id, flow.Drift);
        Assert.That(flow.Drift.Findings.Where(f => f.Kind == DriftKind.TypeMismatch), Is.Empty, "integral floats are no difference");
    }

    [TestCaseSource(nameof(PolledVendors))]
    [TestCaseSource(nameof(UnpolledVendors))]
    public async Task Extra_fields_and_integral_floats_on_every_answer_still_give_the_transcript_and_each_is_reported(TranscriptionVendor vendor)
    {
        var flow = Start(vendor);
        _sandbox.Faults.For(vendor.Id).DriftNext(1000, SandboxDrift.ExtraFields | SandboxDrift.IntegralFloats);

        var error = await Drive(flow);

        Assert.That(error, Is.Null, "extra fields are ignored and 3600.0 reads as 3600");
        AssertExtraFieldsReported(vendor.Id, flow.Drift);
        Assert.That(flow.Drift.Findings.Where(f => f.Kind != DriftKind.UnknownField), Is.Empty, "nothing else differs: " + flow.Drift.ToSummary());
    }

    [TestCaseSource(nameof(PolledVendors))]
    [TestCaseSource(nameof(UnpolledVendors))]
    public async Task Fractional_numbers_with_extra_fields_give_the_transcript_or_a_typed_error_naming_the_value_and_each_mismatch_is_reported(TranscriptionVendor vendor)
    {
        var flow = Start(vendor);
        _sandbox.Faults.For(vendor.Id).DriftNext(1000, SandboxDrift.FractionalNumbers | SandboxDrift.ExtraFields);

        var error = await Drive(flow);

        TestContext.Out.WriteLine(error is null ? "transcript" : error.GetType().Name + ": " + error.Message);
        AssertExtraFieldsReported(vendor.Id, flow.Drift);
        var mismatches = flow.Drift.Findings.Where(f => f.Kind == DriftKind.TypeMismatch).ToList();
        Assert.That(mismatches.Select(f => f.RawValue), Has.All.Match(@"^-?[0-9]+\.5$"), "the only mismatches are the halves the sandbox added: " + flow.Drift.ToSummary());
        Assert.That(mismatches.Select(f => f.Expected), Has.All.StartWith("integer"), "a half is right for a number field");
        if (error is null)
        {
            Assert.That(mismatches, Is.Empty, "a flow that read every answer met no integer field with a half: " + flow.Drift.ToSummary());
        }
        else
        {
            Assert.That(error, Is.InstanceOf<TranscriptKitException>(), $"got {error}");
            Assert.That(mismatches, Is.Not.Empty, "the answer that stopped the flow is in the report");
            Assert.That(mismatches.Select(f => f.RawValue), Has.Some.Matches<string>(raw => error.Message.Contains(raw, StringComparison.Ordinal)), $"the error names the value: {error.Message}");
        }
    }
}
