using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TranscriptKit.Subclip;
using SubclipSegment = TranscriptKit.Subclip.TranscriptSegment;

namespace TranscriptKit;

/// <summary>Subclip's documented flow: signed upload (or a URL) → create the job → poll until <c>outputReady</c>.</summary>
/// <param name="client">The Subclip client; the caller keeps owning it.</param>
/// <param name="options">Polling, clock and logging; defaults when <see langword="null"/>.</param>
public sealed class SubclipTranscriber(ISubclipClient client, TranscriberOptions? options = null) : TranscriberBase(SubclipVendor.Definition, options)
{
    private const string FormatState = "format";

    // The vendor's estimate at submit travels in the job token, so a resumed wait can still report it.
    private const string EstimateState = "estimatedCredits";

    // Vendor facts (file types, upload size, concurrency) come from the spec, through the generated definition.
    private static readonly TranscriberCapabilities s_capabilities = new TranscriberCapabilities
    {
        AcceptsFiles = true,
        AcceptsUrls = true,
        UrlKinds = "YouTube, Instagram, Facebook, X or TikTok links, or direct media URLs",
        Timings = true,
        WordTimestamps = true,
        AcceptsLanguage = true,
        RequiresLanguage = true,
        ReportsProgress = false,
        ResumableJobs = true,
    }.WithLimits(SubclipVendor.Definition.Limits);

    /// <summary>The vendor for a <see cref="TranscriberRegistry"/> (the facade package's <c>Transcribers.Registry</c> already holds it): id, definition, capabilities and how to make this adapter.</summary>
    public static TranscriptionVendor Registration { get; } =
        new(SubclipVendor.Definition, s_capabilities, static (client, options) => new SubclipTranscriber((ISubclipClient)client, options));

    /// <inheritdoc/>
    public override TranscriberCapabilities Capabilities => s_capabilities;

    // Subclip's API has createJob and getJob but no job list: the dashboard is the only place to find a lost project id.
    /// <inheritdoc/>
    protected override string HowToCheckSubmission => "the project list and credit usage in your Subclip dashboard (its API has no job list)";

    /// <inheritdoc/>
    protected override void ValidateCore(TranscriptionRequest request)
    {
        if (!new LanguageCode(request.Language!).IsKnown)
        {
            throw NotSupported($"Subclip does not list the language '{request.Language}'; it takes ISO 639-1 codes such as en, fr, de, es, ja (see LanguageCode).");
        }
    }

    /// <inheritdoc/>
    protected override async Task<TranscriptionJob> StartCoreAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress, CancellationToken cancellationToken)
    {
        // JSON carries timed segments (and words on request); plain text is enough when no timings are wanted.
        var format = request.Timestamps == TimestampGranularity.None ? TranscriptFormat.Text : TranscriptFormat.Json;
        var words = request.Timestamps == TimestampGranularity.Word ? true : (bool?)null;
        CreateJobRequest body;
        if (request.Kind == TranscriptionSourceKind.Url)
        {
            var url = request.Url!;
            body = new CreateJobRequest
            {
                Url = url.AbsoluteUri,
                Platform = SubclipClient.RecognisesPlatform(url) ? (Platform?)null : Platform.Public,
                Language = request.Language!,
                Format = format,
                IncludeWordTimestamps = words,
            };
        }
        else
        {
            string key;
            string contentType;
            await using (var file = OpenUpload(request))
            {
                Report(progress, TranscriptionStage.Uploading, 0);
                contentType = file.ContentType;
                key = await client.UploadSourceAsync(file, UploadProgress(progress), cancellationToken).ConfigureAwait(false);
            }

            body = new CreateJobRequest
            {
                SourceObjectKey = key,
                SourceObjectName = request.FileName,
                SourceObjectMimeType = contentType,
                Language = request.Language!,
                Format = format,
                IncludeWordTimestamps = words,
            };
        }

        Report(progress, TranscriptionStage.Submitting);
        var created = await SubmitAsync(ct => client.CreateJobAsync(body, ct), knownJob: null, cancellationToken).ConfigureAwait(false);
        var state = new List<KeyValuePair<string, string>> { KeyValuePair.Create(FormatState, format.Value) };
        if (created.EstimatedCredits is { } estimate)
        {
            state.Add(KeyValuePair.Create(EstimateState, estimate.ToString("R", CultureInfo.InvariantCulture)));
        }

        return new TranscriptionJob(client.CreateJobToken(created.ProjectId), state);
    }

    /// <inheritdoc/>
    protected override async Task<Transcript> WaitCoreAsync(TranscriptionJob job, IProgress<TranscriptionProgress>? progress, CancellationToken cancellationToken)
    {
        var result = await client.GetJobOperation(job.Token).WaitForCompletionAsync(PollingFor(SubclipClient.DefaultJobPolling), PollProgress<JobStatusResult>(progress), cancellationToken).ConfigureAwait(false);
        IReadOnlyList<TranscriptKit.TranscriptSegment> segments = [];
        if (result.Transcript?.Segments is { Count: > 0 } timed)
        {
            segments = timed.Select(s => ToSegment(s, result.WordTimestamps)).ToList();
        }
        else if (result.Output is { Length: > 0 } srt)
        {
            if (!TryParseSrt(srt, out segments, out var error))
            {
                throw new TranscriptKitResponseException(Vendor, $"Subclip returned an SRT for {job.Id} that cannot be read ({error}).");
            }
        }

        var text = result.Text ?? result.Transcript?.Text ?? (segments.Count > 0 ? JoinSegments(segments) : null);
        if (text is null)
        {
            throw new TranscriptKitResponseException(Vendor, $"Subclip reported job {job.Id} ready but returned no text, SRT or transcript (format {job.State.GetValueOrDefault(FormatState) ?? "unknown"}).");
        }

        var transcript = new Transcript(Vendor, job.Id, text, segments, Seconds(result.DurationSeconds));
        // creditsUsed is what the job charged; without it, the estimate Subclip gave when it accepted the job.
        return result.CreditsUsed is { } used
            ? WithVendorCharge(transcript, (decimal)used)
            : WithVendorCharge(transcript, EstimatedCredits(job), ChargeBasis.VendorEstimate);
    }

    private static decimal? EstimatedCredits(TranscriptionJob job) =>
        job.State.TryGetValue(EstimateState, out var text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var credits) ? credits : null;

    private static TranscriptKit.TranscriptSegment ToSegment(SubclipSegment segment, IReadOnlyList<WordTimestamp>? allWords)
    {
        var start = Seconds(segment.Start ?? 0);
        var end = Seconds(segment.End ?? segment.Start ?? 0);
        // Words come per segment, or as one top-level list when includeWordTimestamps is set; place the latter by time.
        var words = segment.Words
            ?? allWords?.Where(w => w.Start is { } s && s >= (segment.Start ?? 0) && s < (segment.End ?? double.MaxValue)).ToList();
        return new TranscriptKit.TranscriptSegment(start, end, segment.Text?.Trim() ?? "")
        {
            Words = words?
                .Where(w => w.Word is not null)
                .Select(w => new TranscriptWord(Seconds(w.Start ?? 0), Seconds(w.End ?? w.Start ?? 0), w.Word!))
                .ToList() ?? [],
        };
    }
}
