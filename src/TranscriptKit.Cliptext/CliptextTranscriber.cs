using System;
using System.Threading;
using System.Threading.Tasks;
using TranscriptKit.Cliptext;

namespace TranscriptKit;

/// <summary>
/// Cliptext's flow: the file in one multipart <c>POST /transcriptions</c> when it is no larger than
/// <see cref="DirectUploadLimit"/>, else presigned upload → complete → create the transcription; then poll.
/// </summary>
/// <param name="client">The Cliptext client; the caller keeps owning it.</param>
/// <param name="options">Polling, clock and logging; defaults when <see langword="null"/>.</param>
/// <param name="cliptextOptions">Cliptext-only choices (which upload flow a file takes); defaults when <see langword="null"/>.</param>
public sealed class CliptextTranscriber(ICliptextClient client, TranscriberOptions? options = null, CliptextTranscriberOptions? cliptextOptions = null) : TranscriberBase(CliptextVendor.Definition, options)
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

    /// <summary>
    /// The largest file sent as one multipart request: <see cref="CliptextTranscriberOptions.MaxDirectUploadBytes"/>, else
    /// the spec's <c>x-tk-limits.max-direct-upload-bytes</c>, else 0 (every file takes the presigned flow).
    /// </summary>
    public long DirectUploadLimit { get; } = cliptextOptions?.MaxDirectUploadBytes ?? CliptextVendor.Definition.Limits.MaxDirectUploadBytes ?? 0;

    /// <summary>Whether a file of <paramref name="length"/> bytes (null: not known before sending) goes in one multipart request.</summary>
    /// <param name="length">The file's length, when known.</param>
    /// <returns><see langword="true"/> for the multipart request, <see langword="false"/> for the presigned flow.</returns>
    public bool SendsDirectly(long? length) => length is { } bytes && bytes <= DirectUploadLimit;

    /// <inheritdoc/>
    protected override async Task<TranscriptionJob> StartCoreAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress, CancellationToken cancellationToken)
    {
        string uploadId;
        await using (var file = OpenUpload(request))
        {
            Report(progress, TranscriptionStage.Uploading, 0);
            if (SendsDirectly(file.Length))
            {
                // One request carries the file and starts the (paid) job: never re-sent, and the stream is not replayed.
                var direct = await SubmitAsync(ct => client.CreateTranscriptionAsync(file, request.Language, UploadProgress(progress), ct), knownJob: null, cancellationToken).ConfigureAwait(false);
                return new TranscriptionJob(client.CreateTranscriptionToken(direct.Id));
            }

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
