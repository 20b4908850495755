using System;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Tests.Routing;

/// <summary>A vendor whose submit fails with a scripted exception (or accepts), counting every submit it receives.</summary>
internal sealed class ScriptedTranscriber(string vendor, TranscriberCapabilities? capabilities = null) : ITranscriber
{
    public static TranscriberCapabilities Everything { get; } = new()
    {
        AcceptsFiles = true, AcceptsUrls = true, Timings = true, WordTimestamps = true,
        AcceptsLanguage = true, ReportsProgress = false, ResumableJobs = true,
    };

    public string Vendor { get; } = vendor;

    public TranscriberCapabilities Capabilities { get; } = capabilities ?? Everything;

    /// <summary>What the submit throws; <see langword="null"/> accepts the job.</summary>
    public Func<Exception>? SubmitFails { get; set; }

    /// <summary>What waiting throws; <see langword="null"/> returns the transcript.</summary>
    public Func<Exception>? WaitFails { get; set; }

    public int Submits { get; private set; }

    public int Waits { get; private set; }

    public Task<TranscriptionJob> StartAsync(TranscriptionRequest request, CancellationToken cancellationToken = default) => StartAsync(request, null, cancellationToken);

    public Task<TranscriptionJob> StartAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress, CancellationToken cancellationToken = default)
    {
        Submits++;
        return SubmitFails is { } fail ? Task.FromException<TranscriptionJob>(fail()) : Task.FromResult(new TranscriptionJob(Vendor, "job-" + Submits));
    }

    public Task<Transcript> WaitAsync(TranscriptionJob job, IProgress<TranscriptionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Waits++;
        return WaitFails is { } fail ? Task.FromException<Transcript>(fail()) : Task.FromResult(new Transcript(Vendor, job.Id, "text from " + Vendor, [], null));
    }

    public async Task<Transcript> TranscribeAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!Capabilities.ResumableJobs)
        {
            Submits++;
            return SubmitFails is { } fail ? throw fail() : new Transcript(Vendor, null, "text from " + Vendor, [], null);
        }

        return await WaitAsync(await StartAsync(request, progress, cancellationToken), progress, cancellationToken);
    }
}
