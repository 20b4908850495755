using System;
using System.Threading;
using System.Threading.Tasks;
using TranscriptKit.CaptionCat;

namespace TranscriptKit;

/// <summary>Caption Cat's documented flow: upload the video → start the transcription → poll → fetch the SRT.</summary>
/// <param name="client">The CaptionCat client; the caller keeps owning it.</param>
/// <param name="options">Polling, clock and logging; defaults when <see langword="null"/>.</param>
public sealed class CaptionCatTranscriber(ICaptionCatClient client, TranscriberOptions? options = null) : TranscriberBase(CaptionCatVendor.Definition, options), ITranscriberAccount
{
    // Vendor facts (file types, upload size, concurrency) come from the spec, through the generated definition.
    private static readonly TranscriberCapabilities s_capabilities = new TranscriberCapabilities
    {
        AcceptsFiles = true,
        AcceptsUrls = false,
        Timings = true,
        WordTimestamps = false,
        AcceptsLanguage = false,
        ReportsProgress = false,
        ResumableJobs = true,
        Account = AccountFeatures.Credits,
    }.WithLimits(CaptionCatVendor.Definition.Limits);

    /// <summary>The vendor for a <see cref="TranscriberRegistry"/> (the facade package's <c>Transcribers.Registry</c> already holds it): id, definition, capabilities and how to make this adapter.</summary>
    public static TranscriptionVendor Registration { get; } =
        new(CaptionCatVendor.Definition, s_capabilities, static (client, options) => new CaptionCatTranscriber((ICaptionCatClient)client, options));

    /// <inheritdoc/>
    public override TranscriberCapabilities Capabilities => s_capabilities;

    /// <inheritdoc/>
    protected override string HowToCheckSubmission => "Caption Cat's transcription status for the upload id, or its balance history (a started transcription is charged there)";

    /// <inheritdoc/>
    public async Task<AccountStatus> GetAccountAsync(CancellationToken cancellationToken = default)
    {
        var balance = await client.GetBalanceAsync(cancellationToken).ConfigureAwait(false);
        return new AccountStatus { Credits = balance.Balance };
    }

    /// <inheritdoc/>
    protected override async Task<TranscriptionJob> StartCoreAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress, CancellationToken cancellationToken)
    {
        UploadResult uploaded;
        await using (var video = OpenUpload(request))
        {
            Report(progress, TranscriptionStage.Uploading, 0);
            uploaded = await client.UploadVideoAsync(video, UploadProgress(progress), cancellationToken).ConfigureAwait(false);
        }

        // The upload id is the job id, known before the paid call: an ambiguous submit still hands out a job to resume.
        var job = new TranscriptionJob(client.CreateTranscriptionToken(uploaded.Id));
        Report(progress, TranscriptionStage.Submitting);
        await SubmitAsync(async ct => await client.StartTranscriptionAsync(uploaded.Id, ct).ConfigureAwait(false), job, cancellationToken).ConfigureAwait(false);
        return job;
    }

    /// <inheritdoc/>
    protected override async Task<Transcript> WaitCoreAsync(TranscriptionJob job, IProgress<TranscriptionProgress>? progress, CancellationToken cancellationToken)
    {
        await client.GetTranscriptionOperation(job.Token).WaitForCompletionAsync(PollingFor(CaptionCatClient.DefaultTranscriptionPolling), PollProgress<TranscriptionStatus>(progress), cancellationToken).ConfigureAwait(false);
        Report(progress, TranscriptionStage.Downloading);
        var srt = await client.GetSrtAsync(job.Id, cancellationToken).ConfigureAwait(false);
        if (!TryParseSrt(srt.Srt, out var segments, out var error))
        {
            throw new TranscriptKitResponseException(Vendor, $"Caption Cat returned an SRT for {job.Id} that cannot be read ({error}).");
        }

        return new Transcript(Vendor, job.Id, JoinSegments(segments), segments, duration: null);
    }
}
