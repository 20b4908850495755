using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Murmur.Sandbox;

namespace TranscriptKit.Murmur.Tests;

/// <summary>The sixth vendor through the facade's non-DI door (<c>Transcribers.Create</c>), against its emulator on loopback.</summary>
[NonParallelizable]
[CancelAfter(20_000)]
public sealed class MurmurFacadeTests
{
    private static readonly Uri s_recording = new("https://media.example/talks/keynote.wav");

    [SetUp]
    public void ClearSandbox()
    {
        MurmurHost.Sandbox.ClearRequests();
        MurmurHost.Sandbox.Faults.Reset();
    }

    private static int Sent(string operation) => MurmurHost.Sandbox.Requests.Count(r => r.Vendor == "murmur" && r.Operation == operation);

    private static TranscriptionRequest Request(string language = "en") => TranscriptionRequest.FromUrl(s_recording) with { Language = language };

    [Test]
    public async Task TranscribeAsync_makes_one_blocking_listen_call_and_returns_its_segments(CancellationToken cancellationToken)
    {
        var transcript = await MurmurHost.Create().TranscribeAsync(Request(), cancellationToken: cancellationToken);

        Assert.That(transcript.Vendor, Is.EqualTo("murmur"));
        Assert.That(transcript.Text, Is.EqualTo(MurmurEmulator.SimulatedText(s_recording.AbsoluteUri, "en")));
        Assert.That(transcript.Segments, Has.Count.EqualTo(1));
        Assert.That(transcript.Segments[0].End, Is.EqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(transcript.JobId, Is.Null);
        Assert.That(Sent("listen"), Is.EqualTo(1));
        Assert.That(Sent("createJob"), Is.Zero);
    }

    [Test]
    public async Task A_spec_without_url_hosts_takes_a_link_from_any_host(CancellationToken cancellationToken)
    {
        var transcriber = MurmurHost.Create();

        var transcript = await transcriber.TranscribeAsync(TranscriptionRequest.FromUrl("https://unlisted.example/a.wav") with { Language = "en" }, cancellationToken: cancellationToken);

        Assert.That(MurmurVendor.Definition.Limits.UrlHosts, Is.Empty);
        Assert.That(transcriber.Capabilities.UrlHosts, Is.Empty);
        Assert.That(transcript.Vendor, Is.EqualTo("murmur"));
        Assert.That(Sent("listen"), Is.EqualTo(1), "the platform check let it through to the vendor");
    }

    [Test]
    public async Task Usage_and_the_estimate_come_from_murmurs_own_spec(CancellationToken cancellationToken)
    {
        var transcriber = MurmurHost.Create();

        var estimate = await transcriber.EstimateAsync(Request(), cancellationToken);
        var transcript = await transcriber.TranscribeAsync(Request(), cancellationToken: cancellationToken);

        Assert.That(estimate.Charge, Is.Null, "a URL's length is unknown before Murmur fetches it");
        Assert.That(estimate.Unit, Is.EqualTo("tokens"));
        Assert.That(transcript.Usage, Is.EqualTo(new TranscriptUsage { MediaDuration = TimeSpan.FromSeconds(60), Charge = 2, Unit = "tokens", Basis = ChargeBasis.Documented }));
    }

    [Test]
    public async Task StartAsync_then_WaitAsync_polls_the_job_until_done(CancellationToken cancellationToken)
    {
        var transcriber = MurmurHost.Create();

        var job = await transcriber.StartAsync(Request("de"), cancellationToken);
        var transcript = await transcriber.WaitAsync(job, cancellationToken: cancellationToken);

        Assert.That(job.Vendor, Is.EqualTo("murmur"));
        Assert.That(transcript.JobId, Is.EqualTo(job.Id));
        Assert.That(transcript.Text, Is.EqualTo(MurmurEmulator.SimulatedText(s_recording.AbsoluteUri, "de")));
        Assert.That(Sent("createJob"), Is.EqualTo(1));
        Assert.That(Sent("getJob"), Is.EqualTo(3), "two pending polls, then done");
    }

    [Test]
    public async Task A_saved_job_token_resumes_in_another_transcriber_without_a_second_submit(CancellationToken cancellationToken)
    {
        var token = (await MurmurHost.Create().StartAsync(Request(), cancellationToken)).ToToken();

        var transcript = await MurmurHost.Create().WaitAsync(TranscriptionJob.FromToken(token), cancellationToken: cancellationToken);

        Assert.That(token, Does.StartWith("tkjob2."));
        Assert.That(transcript.Text, Does.Contain("keynote.wav"));
        Assert.That(Sent("createJob"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_job_that_fails_at_the_vendor_ends_the_wait_with_its_reason(CancellationToken cancellationToken)
    {
        MurmurHost.Sandbox.Faults.For("murmur").FailNextJobs(1);
        var transcriber = MurmurHost.Create();
        var job = await transcriber.StartAsync(Request(), cancellationToken);

        var error = Assert.ThrowsAsync<TranscriptKitJobFailedException>(() => transcriber.WaitAsync(job, cancellationToken: cancellationToken));

        Assert.That(error!.Message, Does.Contain("could not be decoded"));
    }

    [Test]
    public void A_paid_listen_answered_503_is_not_sent_again()
    {
        MurmurHost.Sandbox.Faults.For("murmur").FailNext(1, 503, operation: "listen");

        Assert.ThrowsAsync(Is.InstanceOf<TranscriptKitException>(), () => MurmurHost.Create().TranscribeAsync(Request()));

        Assert.That(Sent("listen"), Is.EqualTo(1));
    }

    [Test]
    public void A_job_start_answered_503_is_not_sent_again()
    {
        MurmurHost.Sandbox.Faults.For("murmur").FailNext(1, 503, operation: "createJob");

        Assert.ThrowsAsync(Is.InstanceOf<TranscriptKitException>(), () => MurmurHost.Create().StartAsync(Request()));

        Assert.That(Sent("createJob"), Is.EqualTo(1));
    }

    [Test]
    public void A_language_the_spec_does_not_list_is_refused_before_any_request()
    {
        var refused = Assert.ThrowsAsync<TranscriptionNotSupportedException>(() => MurmurHost.Create().TranscribeAsync(Request("ja")));

        Assert.That(refused!.Message, Does.Contain("en, de, fr"));
        Assert.That(MurmurHost.Sandbox.Requests, Is.Empty);
    }

    [Test]
    public void A_wrong_key_is_an_authentication_error_in_Murmurs_error_shape()
    {
        var error = Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() => MurmurHost.Create(apiKey: "wrong").TranscribeAsync(Request()));

        Assert.That(error!.ErrorCode, Is.EqualTo("unauthorized"));
        Assert.That(error.ToString(), Does.Not.Contain("wrong"));
    }

    [Test]
    public void The_registry_knows_Murmur_by_case_insensitive_id_with_facts_from_its_spec()
    {
        var vendor = Transcribers.Registry.Get("MURMUR");

        Assert.That(vendor.Definition.DisplayName, Is.EqualTo("Murmur"));
        Assert.That(vendor.Definition.DefaultEndpoint, Is.EqualTo(new Uri("https://api.murmur.example/v2")));
        Assert.That(vendor.Capabilities.FileTypes, Is.EqualTo(new[] { ".mp3", ".wav" }));
        Assert.That(vendor.Capabilities.MaxConcurrentJobs, Is.EqualTo(2));
        Assert.That(vendor.Definition.GetOperation("listen"), Has.Property(nameof(VendorOperation.StartsPaidJob)).True.And.Property(nameof(VendorOperation.Timeout)).EqualTo(TimeSpan.FromSeconds(120)));
        Assert.That(vendor.Definition.GetOperation("createJob").StartsPaidJob, Is.True, "the start of an x-tk-poll is paid implicitly");
        Assert.That(vendor.Definition.GetJob("Job").PollOperationId, Is.EqualTo("getJob"));
    }

    [Test]
    public void The_emulator_serves_every_operation_of_the_spec()
    {
        var emulator = MurmurHost.Sandbox.GetEmulator("murmur");

        Assert.That(emulator.Operations, Is.EquivalentTo(MurmurVendor.Definition.Operations.Select(o => o.OperationId)));
        Assert.That(MurmurHost.Sandbox.GetEndpoint("murmur").AbsolutePath, Is.EqualTo("/murmur/v2"));
    }
}
