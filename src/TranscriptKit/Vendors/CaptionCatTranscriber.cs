using System;
using System.Threading;
using System.Threading.Tasks;
using TranscriptKit.CaptionCat;

namespace TranscriptKit;

/// <summary>Caption Cat's documented flow: upload the video → start the transcription → poll → fetch the SRT.</summary>
internal sealed class CaptionCatTranscriber(ICaptionCatClient client, TranscriberOptions? options) : TranscriberBase(VendorIds.CaptionCat, options)
{
    private static readonly TranscriberCapabilities s_capabilities = new()
    {
        AcceptsFiles = true,
        // The docs' upload parameter: "Video file to upload (mp4, mkv, avi, mov, wmv, flv, webm, mpeg, qt)".
        FileTypes = [".mp4", ".mkv", ".avi", ".mov", ".wmv", ".flv", ".webm", ".mpeg", ".mpg", ".qt"],
        AcceptsUrls = false,
        Timings = true,
        WordTimestamps = false,
        AcceptsLanguage = false,
        ReportsProgress = false,
        ResumableJobs = true,
    };

    public override TranscriberCapabilities Capabilities => s_capabilities;

    protected override string DisplayName => "Caption Cat";

    protected override string HowToCheckSubmission => "Caption Cat's transcription status for the upload id, or its balance history (a started transcription is charged there)";

    protected override async Task<TranscriptionJob> StartCoreAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress, CancellationToken cancellationToken)
    {
        UploadResult uploaded;
        await using (var video = request.OpenUpload())
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

    protected override async Task<Transcript> WaitCoreAsync(TranscriptionJob job, IProgress<TranscriptionProgress>? progress, CancellationToken cancellationToken)
    {
        await client.GetTranscriptionOperation(job.Token).WaitForCompletionAsync(PollingFor(CaptionCatClient.DefaultTranscriptionPolling), PollProgress<TranscriptionStatus>(progress), cancellationToken).ConfigureAwait(false);
        Report(progress, TranscriptionStage.Downloading);
        var srt = await client.GetSrtAsync(job.Id, cancellationToken).ConfigureAwait(false);
        if (!SrtParser.TryParse(srt.Srt, out var segments, out var error))
        {
            throw new TranscriptKitResponseException(Vendor, $"Caption Cat returned an SRT for {job.Id} that cannot be read ({error}).");
        }

        return new Transcript(Vendor, job.Id, TranscriptText.Join(segments), segments, duration: null);
    }
}
