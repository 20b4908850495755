using System;
using System.Threading;
using System.Threading.Tasks;
using TranscriptKit.TranscriptGenerate;

namespace TranscriptKit;

/// <summary>TranscriptGenerate's documented flow: create a task from the video URL → query until <c>SUCCESS</c>.</summary>
/// <param name="client">The TranscriptGenerate client; the caller keeps owning it.</param>
/// <param name="options">Polling, clock and logging; defaults when <see langword="null"/>.</param>
public sealed class TranscriptGenerateTranscriber(ITranscriptGenerateClient client, TranscriberOptions? options = null)
    : TranscriberBase(TranscriptGenerateVendor.Definition, options), IConcurrencyLimitSource, ITranscriberAccount
{
    // Vendor facts (file types, upload size, concurrency) come from the spec, through the generated definition.
    private static readonly TranscriberCapabilities s_capabilities = new TranscriberCapabilities
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
        Account = AccountFeatures.Quota | AccountFeatures.Concurrency,
    }.WithLimits(TranscriptGenerateVendor.Definition.Limits);

    /// <summary>The vendor for a <see cref="TranscriberRegistry"/> (the facade package's <c>Transcribers.Registry</c> already holds it): id, definition, capabilities and how to make this adapter.</summary>
    public static TranscriptionVendor Registration { get; } =
        new(TranscriptGenerateVendor.Definition, s_capabilities, static (client, options) => new TranscriptGenerateTranscriber((ITranscriptGenerateClient)client, options));

    /// <inheritdoc/>
    public override TranscriberCapabilities Capabilities => s_capabilities;

    /// <inheritdoc/>
    protected override string HowToCheckSubmission => "TranscriptGenerate's quota usage and running tasks (GetQuotaUsageAsync, GetConcurrencyAsync)";

    /// <inheritdoc/>
    public async Task<AccountStatus> GetAccountAsync(CancellationToken cancellationToken = default)
    {
        var quota = await client.GetQuotaUsageAsync(cancellationToken).ConfigureAwait(false);
        var concurrency = await client.GetConcurrencyAsync(cancellationToken).ConfigureAwait(false);
        return new AccountStatus
        {
            Quota = new AccountQuota(quota.Unlimited, quota.TotalSeconds, quota.UsedSeconds, quota.AvailableSeconds, quota.DeductionType?.ToString().ToLowerInvariant()),
            Concurrency = new AccountConcurrency(concurrency.CurrentConcurrency, concurrency.MaxConcurrency, concurrency.AvailableConcurrency, concurrency.CanAddTask),
        };
    }

    /// <inheritdoc/>
    public async Task<int?> GetAvailableConcurrencyAsync(CancellationToken cancellationToken)
    {
        var usage = await client.GetConcurrencyAsync(cancellationToken).ConfigureAwait(false);
        return usage.AvailableConcurrency;
    }

    /// <inheritdoc/>
    public bool IsBusy(TranscriptKitException exception) => exception.Reason == TranscriptGenerateErrorReasons.ConcurrencyLimit;

    /// <inheritdoc/>
    protected override async Task<TranscriptionJob> StartCoreAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress, CancellationToken cancellationToken)
    {
        Report(progress, TranscriptionStage.Submitting);
        var body = new CreateTaskRequest { WorkUrl = request.Url!.AbsoluteUri };
        var created = await SubmitAsync(ct => client.CreateTaskAsync(body, ct), knownJob: null, cancellationToken).ConfigureAwait(false);
        return new TranscriptionJob(client.CreateTaskToken(created.TaskId));
    }

    /// <inheritdoc/>
    protected override async Task<Transcript> WaitCoreAsync(TranscriptionJob job, IProgress<TranscriptionProgress>? progress, CancellationToken cancellationToken)
    {
        var task = await client.GetTaskOperation(job.Token).WaitForCompletionAsync(PollingFor(TranscriptGenerateClient.DefaultTaskPolling), PollProgress<TranscriptTask>(progress), cancellationToken).ConfigureAwait(false);
        var text = task.TextContent
            ?? throw new TranscriptKitResponseException(Vendor, $"TranscriptGenerate reported task {job.Id} as SUCCESS without textContent.");
        return new Transcript(Vendor, job.Id, text, [], Seconds(task.Duration));
    }
}
