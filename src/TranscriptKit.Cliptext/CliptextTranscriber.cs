using System;
using System.Threading;
using System.Threading.Tasks;
using TranscriptKit.Cliptext;

namespace TranscriptKit;

/// <summary>Cliptext's flow: presigned upload → complete → create the transcription → poll.</summary>
/// <param name="client">The Cliptext client; the caller keeps owning it.</param>
/// <param name="options">Polling, clock and logging; defaults when <see langword="null"/>.</param>
public sealed class CliptextTranscriber(ICliptextClient client, TranscriberOptions? options = null) : TranscriberBase(CliptextVendor.Definition, options)
{
    // Vendor facts (file types, upload size, concurrency) come from the spec, through the generated definition.
    private static readonly TranscriberCapabilities s_capabilities = new TranscriberCapabilities
    {
        AcceptsFiles = true,
        AcceptsUrls = false,
        Timings = false,
        WordTimestamps = false,
        // Inferred in specs/cliptext.yaml (the docs are an overview): an optional language code, passed through.
        AcceptsLanguage = true,
        ReportsProgress = false,
        ResumableJobs = true,
    }.WithLimits(CliptextVendor.Definition.Limits);

    /// <summary>The vendor for a <see cref="TranscriberRegistry"/> (the facade package's <c>Transcribers.Registry</c> already holds it): id, definition, capabilities and how to make this adapter.</summary>
    public static TranscriptionVendor Registration { get; } =
        new(CliptextVendor.Definition, s_capabilities, static (client, options) => new CliptextTranscriber((ICliptextClient)client, options));

    /// <inheritdoc/>
    public override TranscriberCapabilities Capabilities => s_capabilities;

    /// <inheritdoc/>
    protected override string HowToCheckSubmission => "Cliptext's transcription list (listTranscriptions) for one made from this upload";

    /// <inheritdoc/>
    protected override async Task<TranscriptionJob> StartCoreAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress, CancellationToken cancellationToken)
    {
        string uploadId;
        await using (var file = OpenUpload(request))
        {
            Report(progress, TranscriptionStage.Uploading, 0);
            var upload = await client.UploadFileAsync(file, UploadProgress(progress), cancellationToken).ConfigureAwait(false);
            uploadId = upload.UploadId;
        }

        Report(progress, TranscriptionStage.Submitting);
        var body = new CreateTranscriptionRequest { UploadId = uploadId, Language = request.Language };
        var transcription = await SubmitAsync(ct => client.CreateTranscriptionAsync(body, ct), knownJob: null, cancellationToken).ConfigureAwait(false);
        return new TranscriptionJob(client.CreateTranscriptionToken(transcription.Id));
    }

    /// <inheritdoc/>
    protected override async Task<Transcript> WaitCoreAsync(TranscriptionJob job, IProgress<TranscriptionProgress>? progress, CancellationToken cancellationToken)
    {
        var transcription = await client.GetTranscriptionOperation(job.Token).WaitForCompletionAsync(PollingFor(CliptextClient.DefaultTranscriptionPolling), PollProgress<Transcription>(progress), cancellationToken).ConfigureAwait(false);
        var text = transcription.Text
            ?? throw new TranscriptKitResponseException(Vendor, $"Cliptext reported transcription {job.Id} completed without text.");
        return new Transcript(Vendor, job.Id, text, [], Seconds(transcription.Duration));
    }
}
