using System;
using System.Threading;
using System.Threading.Tasks;
using TranscriptKit.TranscriptGenerate;

namespace TranscriptKit;

/// <summary>TranscriptGenerate's documented flow: create a task from the video URL → query until <c>SUCCESS</c>.</summary>
internal sealed class TranscriptGenerateTranscriber(ITranscriptGenerateClient client, TranscriberOptions? options)
    : TranscriberBase(VendorIds.TranscriptGenerate, options), IConcurrencyLimitSource
{
    private static readonly TranscriberCapabilities s_capabilities = new()
    {
        AcceptsFiles = false,
        AcceptsUrls = true,
        UrlKinds = "Douyin, Xiaohongshu or Kuaishou video links",
        Timings = false,
        WordTimestamps = false,
        // targetLanguage is a translation target for members, not the spoken language; the facade does not map Language to it.
        AcceptsLanguage = false,
        ReportsProgress = false,
        ResumableJobs = true,
    };

    public override TranscriberCapabilities Capabilities => s_capabilities;

    protected override string DisplayName => "TranscriptGenerate";

    protected override string HowToCheckSubmission => "TranscriptGenerate's quota usage and running tasks (GetQuotaUsageAsync, GetConcurrencyAsync)";

    public async Task<int?> GetAvailableConcurrencyAsync(CancellationToken cancellationToken)
    {
        var usage = await client.GetConcurrencyAsync(cancellationToken).ConfigureAwait(false);
        return usage.AvailableConcurrency;
    }

    public bool IsBusy(TranscriptKitException exception) => exception.Reason == TranscriptGenerateErrorReasons.ConcurrencyLimit;

    protected override async Task<TranscriptionJob> StartCoreAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress, CancellationToken cancellationToken)
    {
        Report(progress, TranscriptionStage.Submitting);
        var body = new CreateTaskRequest { WorkUrl = request.Url!.AbsoluteUri };
        var created = await SubmitAsync(ct => client.CreateTaskAsync(body, ct), knownJob: null, cancellationToken).ConfigureAwait(false);
        return new TranscriptionJob(client.CreateTaskToken(created.TaskId));
    }

    protected override async Task<Transcript> WaitCoreAsync(TranscriptionJob job, IProgress<TranscriptionProgress>? progress, CancellationToken cancellationToken)
    {
        var task = await client.GetTaskOperation(job.Token).WaitForCompletionAsync(PollingFor(TranscriptGenerateClient.DefaultTaskPolling), PollProgress<TranscriptTask>(progress), cancellationToken).ConfigureAwait(false);
        var text = task.TextContent
            ?? throw new TranscriptKitResponseException(Vendor, $"TranscriptGenerate reported task {job.Id} as SUCCESS without textContent.");
        return new Transcript(Vendor, job.Id, text, [], TranscriptText.Seconds(task.Duration));
    }
}
