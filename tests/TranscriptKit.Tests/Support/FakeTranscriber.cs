using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Tests;

/// <summary>An <see cref="ITranscriber"/> whose submissions and waits are scripted per call, counting what runs at once.</summary>
internal class FakeTranscriber : ITranscriber
{
    private int _inFlight;

    public FakeTranscriber(string vendor = "cliptext", bool jobs = true)
    {
        Vendor = vendor;
        Capabilities = new TranscriberCapabilities
        {
            AcceptsFiles = true, AcceptsUrls = true, Timings = true, WordTimestamps = false,
            AcceptsLanguage = true, ReportsProgress = true, ResumableJobs = jobs,
        };
    }

    public string Vendor { get; }

    public TranscriberCapabilities Capabilities { get; }

    /// <summary>Called for every submission (StartAsync, or TranscribeAsync without jobs) with the request's URL; throw to refuse.</summary>
    public Func<string, int, Task>? OnSubmit { get; set; }

    /// <summary>What WaitAsync does; the default finishes at once.</summary>
    public Func<TranscriptionJob, IProgress<TranscriptionProgress>?, CancellationToken, Task<Transcript>>? OnWait { get; set; }

    public ConcurrentDictionary<string, int> Submissions { get; } = new();

    public int MaxInFlight { get; private set; }

    public Task<TranscriptionJob> StartAsync(TranscriptionRequest request, CancellationToken cancellationToken = default) =>
        StartAsync(request, null, cancellationToken);

    public async Task<TranscriptionJob> StartAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress, CancellationToken cancellationToken = default)
    {
        await SubmitAsync(request).ConfigureAwait(false);
        return new TranscriptionJob(Vendor, "job-" + Name(request));
    }

    public async Task<Transcript> WaitAsync(TranscriptionJob job, IProgress<TranscriptionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var now = Interlocked.Increment(ref _inFlight);
        lock (this)
        {
            MaxInFlight = Math.Max(MaxInFlight, now);
        }

        try
        {
            return OnWait is null
                ? new Transcript(Vendor, job.Id, "text of " + job.Id, [], null)
                : await OnWait(job, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public async Task<Transcript> TranscribeAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!Capabilities.ResumableJobs)
        {
            await SubmitAsync(request).ConfigureAwait(false);
            return new Transcript(Vendor, null, "text of " + Name(request), [], null);
        }

        var job = await StartAsync(request, progress, cancellationToken).ConfigureAwait(false);
        return await WaitAsync(job, progress, cancellationToken).ConfigureAwait(false);
    }

    private async Task SubmitAsync(TranscriptionRequest request)
    {
        var attempt = Submissions.AddOrUpdate(Name(request), 1, (_, n) => n + 1);
        if (OnSubmit is not null)
        {
            await OnSubmit(Name(request), attempt).ConfigureAwait(false);
        }
    }

    private static string Name(TranscriptionRequest request) => request.Url!.Segments[^1];
}

/// <summary>A fake that also publishes free slots and recognises a "busy" business error, like TranscriptGenerate.</summary>
internal sealed class FakeLimitedTranscriber(int available) : FakeTranscriber("transcriptgenerate"), IConcurrencyLimitSource
{
    public Task<int?> GetAvailableConcurrencyAsync(CancellationToken cancellationToken) => Task.FromResult<int?>(available);

    public bool IsBusy(TranscriptKitException exception) => exception.ErrorCode == "601";
}
