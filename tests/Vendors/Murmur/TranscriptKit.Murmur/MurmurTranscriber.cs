using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TranscriptKit.Murmur;

namespace TranscriptKit;

/// <summary>Murmur's flows: one blocking <c>listen</c> call, or a job (<c>createJob</c> → poll <c>getJob</c> until <c>done</c>).</summary>
/// <param name="client">The Murmur client; the caller keeps owning it.</param>
/// <param name="options">Polling, clock and logging; defaults when <see langword="null"/>.</param>
public sealed class MurmurTranscriber(IMurmurClient client, TranscriberOptions? options = null) : TranscriberBase(MurmurVendor.Definition, options)
{
    private static VendorLimits Limits => MurmurVendor.Definition.Limits;

    // Vendor facts come from the spec's x-tk-limits, through the generated definition.
    private static readonly TranscriberCapabilities s_capabilities = new TranscriberCapabilities
    {
        AcceptsFiles = false,
        AcceptsUrls = true,
        UrlKinds = "public http(s) URLs of .mp3 or .wav recordings",
        Timings = true,
        WordTimestamps = false,
        AcceptsLanguage = true,
        RequiresLanguage = true,
        ReportsProgress = true,
        ResumableJobs = true,
    }.WithLimits(Limits);

    /// <summary>The vendor for a <see cref="TranscriberRegistry"/>: id, definition, capabilities and how to make this adapter.</summary>
    public static TranscriptionVendor Registration { get; } =
        new(MurmurVendor.Definition, s_capabilities, static (client, options) => new MurmurTranscriber((IMurmurClient)client, options));

    /// <inheritdoc/>
    public override TranscriberCapabilities Capabilities => s_capabilities;

    /// <inheritdoc/>
    protected override string HowToCheckSubmission => "the job list of your Murmur account";

    /// <inheritdoc/>
    protected override void ValidateCore(TranscriptionRequest request)
    {
        if (Limits.Languages is { Count: > 0 } languages && !languages.Contains(request.Language!, StringComparer.OrdinalIgnoreCase))
        {
            throw NotSupported($"Murmur transcribes {string.Join(", ", languages)}, not '{request.Language}'.");
        }
    }

    // The blocking call is one paid request instead of a job and its polls; a job is for StartAsync/WaitAsync.
    /// <inheritdoc/>
    protected override async Task<Transcript> TranscribeCoreAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress, Activity? activity, CancellationToken cancellationToken)
    {
        Report(progress, TranscriptionStage.Submitting);
        var result = await SubmitAsync(ct => client.ListenAsync(Body(request), ct), knownJob: null, cancellationToken).ConfigureAwait(false);
        return ToTranscript(result, jobId: null);
    }

    /// <inheritdoc/>
    protected override async Task<TranscriptionJob> StartCoreAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress, CancellationToken cancellationToken)
    {
        Report(progress, TranscriptionStage.Submitting);
        var job = await SubmitAsync(ct => client.CreateJobAsync(Body(request), ct), knownJob: null, cancellationToken).ConfigureAwait(false);
        return new TranscriptionJob(client.CreateJobToken(job.Id));
    }

    /// <inheritdoc/>
    protected override async Task<Transcript> WaitCoreAsync(TranscriptionJob job, IProgress<TranscriptionProgress>? progress, CancellationToken cancellationToken)
    {
        var done = await client.GetJobOperation(job.Token).WaitForCompletionAsync(PollingFor(MurmurClient.DefaultJobPolling), PollProgress<Job>(progress), cancellationToken).ConfigureAwait(false);
        return done.Transcript is { } transcript
            ? ToTranscript(transcript, job.Id)
            : throw new TranscriptKitResponseException(Vendor, $"Murmur reported job {job.Id} done but sent no transcript.");
    }

    private static AudioRequest Body(TranscriptionRequest request) => new() { Url = request.Url!.AbsoluteUri, Language = request.Language! };

    private Transcript ToTranscript(Murmur.Transcript result, string? jobId) =>
        new(Vendor, jobId, result.Text, result.Segments.Select(s => new TranscriptSegment(Seconds(s.Start), Seconds(s.End), s.Text.Trim())).ToList(), Seconds(result.Duration));
}
