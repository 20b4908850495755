using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace TranscriptKit.Murmur.Tests;

/// <summary>The sixth vendor through DI: <c>AddTranscriptKit(configuration).AddVendor(MurmurTranscriber.Registration)</c> in <see cref="MurmurHost"/>.</summary>
[NonParallelizable]
[CancelAfter(20_000)]
public sealed class MurmurDependencyInjectionTests
{
    private static readonly Uri s_recording = new("https://media.example/podcast/episode-7.mp3");

    [SetUp]
    public void ClearSandbox()
    {
        MurmurHost.Sandbox.ClearRequests();
        MurmurHost.Sandbox.Faults.Reset();
    }

    [Test]
    public async Task The_keyed_transcriber_uses_the_configured_key_and_endpoint(CancellationToken cancellationToken)
    {
        var transcriber = MurmurHost.Services.GetRequiredKeyedService<ITranscriber>("murmur");

        var transcript = await transcriber.TranscribeAsync(TranscriptionRequest.FromUrl(s_recording) with { Language = "fr" }, cancellationToken: cancellationToken);

        Assert.That(transcript.Text, Does.Contain("episode-7.mp3 in fr"));
        Assert.That(MurmurHost.Sandbox.Requests.Select(r => (r.Vendor, r.Operation, r.StatusCode)), Is.EqualTo(new[] { ("murmur", "listen", 200) }));
    }

    [Test]
    public async Task The_factory_resolves_Murmur_by_any_case_and_runs_a_job_with_the_configured_polling(CancellationToken cancellationToken)
    {
        var transcriber = MurmurHost.Services.GetRequiredService<ITranscriberFactory>().Create("Murmur");

        var job = await transcriber.StartAsync(TranscriptionRequest.FromUrl(s_recording) with { Language = "en" }, cancellationToken);
        var transcript = await transcriber.WaitAsync(job, cancellationToken: cancellationToken);

        Assert.That(transcriber.Vendor, Is.EqualTo("murmur"));
        Assert.That(transcript.JobId, Is.EqualTo(job.Id));
        Assert.That(MurmurHost.Sandbox.Requests.Count(r => r.Operation == "createJob"), Is.EqualTo(1));
    }
}
