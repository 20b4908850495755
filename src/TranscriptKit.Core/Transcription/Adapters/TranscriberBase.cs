using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TranscriptKit;

/// <summary>
/// The base of a vendor adapter: refuses what the vendor cannot serve before any call (from <see cref="Capabilities"/>),
/// and gives every adapter the same spans, logs, progress mapping and lost-submit handling. An adapter supplies only its
/// documented flow (<see cref="StartCoreAsync"/> and <see cref="WaitCoreAsync"/>, or <see cref="TranscribeCoreAsync"/>
/// for a vendor that answers in one call), and may live in any assembly: register it with a <see cref="TranscriptionVendor"/>.
/// </summary>
public abstract class TranscriberBase : ITranscriber
{
    /// <summary>Initializes the adapter.</summary>
    /// <param name="definition">The vendor's generated definition: its id is used in jobs, errors, logs and spans, its display name in messages.</param>
    /// <param name="options">Polling, clock and logging; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The definition's id is not a well-formed vendor id.</exception>
    protected TranscriberBase(VendorDefinition definition, TranscriberOptions? options)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition;
        Vendor = VendorIdFormat.Normalize(definition.Id, nameof(definition));
        Options = options ?? new TranscriberOptions();
    }

    /// <inheritdoc/>
    public string Vendor { get; }

    /// <inheritdoc/>
    public abstract TranscriberCapabilities Capabilities { get; }

    /// <summary>The vendor's generated definition: identity, operations, jobs, limits.</summary>
    protected VendorDefinition Definition { get; }

    /// <summary>The vendor's name for people (the definition's, unless an adapter says otherwise).</summary>
    protected virtual string DisplayName => Definition.DisplayName;

    /// <summary>The options this adapter was created with.</summary>
    protected TranscriberOptions Options { get; }

    /// <summary>
    /// The polling for one poll operation: the spec's <paramref name="specDefaults"/> (the generated client's
    /// <c>Default…Polling</c>) with <see cref="TranscriberOptions.Polling"/> layered on top, so a timeout-only
    /// override keeps the spec's intervals and an unset one keeps the spec's timeout.
    /// </summary>
    protected PollingOptions PollingFor(PollingOptions specDefaults) => Options.Polling?.ApplyTo(specDefaults) ?? specDefaults;

    /// <summary>Where the adapter logs (<see cref="TranscriberOptions.Logger"/>, or nowhere); the batch helper uses it too, so its events go where the transcriber's do.</summary>
    protected internal ILogger Logger => Options.Logger ?? NullLogger.Instance;

    /// <inheritdoc/>
    public async Task<Transcript> TranscribeAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate(request);
        using var activity = StartActivity("transcriptkit.transcribe", request);
        var started = Stopwatch.GetTimestamp();
        Log.TranscriptionStarting(Logger, Vendor, request.Describe(), request.Kind);
        // Read before the upload moves a stream's position; it stands in when the vendor does not report the length.
        var localLength = MediaLength.Of(request);
        try
        {
            var transcript = WithUsage(await TranscribeCoreAsync(request, progress, activity, cancellationToken).ConfigureAwait(false), localLength);
            Completed(transcript, progress, started);
            return transcript;
        }
        catch (Exception e) when (Failed(activity, e))
        {
            throw;
        }
    }

    /// <inheritdoc/>
    public Task<TranscriptionJob> StartAsync(TranscriptionRequest request, CancellationToken cancellationToken = default) =>
        StartAsync(request, null, cancellationToken);

    /// <inheritdoc/>
    public async Task<TranscriptionJob> StartAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress, CancellationToken cancellationToken = default)
    {
        Validate(request);
        EnsureJobs();
        using var activity = StartActivity("transcriptkit.start", request);
        Log.TranscriptionStarting(Logger, Vendor, request.Describe(), request.Kind);
        try
        {
            var job = await StartCoreAsync(request, progress, cancellationToken).ConfigureAwait(false);
            Submitted(activity, job);
            return job;
        }
        catch (Exception e) when (Failed(activity, e))
        {
            throw;
        }
    }

    /// <inheritdoc/>
    public async Task<Transcript> WaitAsync(TranscriptionJob job, IProgress<TranscriptionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Vendor != Vendor)
        {
            throw new ArgumentException($"This is a {job.Vendor} job; wait for it with the {job.Vendor} transcriber, not {Vendor}.", nameof(job));
        }

        EnsureJobs();
        using var activity = TranscriptKitDiagnostics.ActivitySource.StartActivity("transcriptkit.wait");
        activity?.SetTag("transcriptkit.vendor", Vendor);
        activity?.SetTag("transcriptkit.job.id", job.Id);
        var started = Stopwatch.GetTimestamp();
        Log.WaitingForJob(Logger, Vendor, job.Id);
        try
        {
            var transcript = WithUsage(await WaitCoreAsync(job, progress, cancellationToken).ConfigureAwait(false), localLength: null);
            Completed(transcript, progress, started);
            return transcript;
        }
        catch (Exception e) when (Failed(activity, e))
        {
            throw;
        }
    }

    /// <summary>
    /// The expected charge before paying: the length read from the file's container headers, priced by the spec's
    /// <c>x-tk-pricing</c> (<see cref="VendorDefinition.Pricing"/>). Refuses, like the other calls, a request this vendor
    /// cannot serve; sends nothing.
    /// </summary>
    /// <param name="request">What would be transcribed.</param>
    /// <param name="cancellationToken">Cancels reading the headers.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="TranscriptionNotSupportedException">The vendor cannot serve the request.</exception>
    public virtual Task<TranscriptionEstimate> EstimateAsync(TranscriptionRequest request, CancellationToken cancellationToken = default)
    {
        Validate(request);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(TranscriptionEstimate.For(Vendor, DisplayName, Definition.Pricing, request, MediaLength.Of(request)));
    }

    /// <summary>The whole flow: start then wait for vendors with jobs; vendors that transcribe in one call override it.</summary>
    /// <param name="request">The request, already checked against <see cref="Capabilities"/>.</param>
    /// <param name="progress">Where to report progress, or <see langword="null"/>.</param>
    /// <param name="activity">The span of this call, to tag; <see langword="null"/> when nobody listens.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The transcript.</returns>
    protected virtual async Task<Transcript> TranscribeCoreAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress, Activity? activity, CancellationToken cancellationToken)
    {
        var job = await StartCoreAsync(request, progress, cancellationToken).ConfigureAwait(false);
        Submitted(activity, job);
        return await WaitCoreAsync(job, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Uploads and submits. Vendors without jobs keep this default, which refuses.</summary>
    /// <param name="request">The request, already checked against <see cref="Capabilities"/>.</param>
    /// <param name="progress">Where to report progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The job the vendor accepted.</returns>
    protected virtual Task<TranscriptionJob> StartCoreAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress, CancellationToken cancellationToken) =>
        throw NoJobs();

    /// <summary>Waits and fetches. Vendors without jobs keep this default, which refuses.</summary>
    /// <param name="job">A job of this vendor.</param>
    /// <param name="progress">Where to report progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The transcript.</returns>
    protected virtual Task<Transcript> WaitCoreAsync(TranscriptionJob job, IProgress<TranscriptionProgress>? progress, CancellationToken cancellationToken) =>
        throw NoJobs();

    /// <summary>Where a user looks for a job the vendor may have accepted (its job list, history or balance), for people.</summary>
    protected abstract string HowToCheckSubmission { get; }

    /// <summary>
    /// Sends the job-starting request. When its answer is lost (the pipeline says <see cref="SubmissionOutcome.Unknown"/>,
    /// or the caller cancels while it is in flight) the vendor may have accepted a paid job: the caller gets a
    /// <see cref="TranscriptionSubmissionUnknownException"/> with <paramref name="knownJob"/> to resume, never a plain
    /// failure that invites a second submit.
    /// </summary>
    /// <param name="submit">The one non-idempotent call.</param>
    /// <param name="knownJob">The job, when the vendor named it before the submit (an upload id that is the job id).</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <typeparam name="T">What the submit returns.</typeparam>
    /// <returns>What the submit returned.</returns>
    protected async Task<T> SubmitAsync<T>(Func<CancellationToken, Task<T>> submit, TranscriptionJob? knownJob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submit);
        try
        {
            return await submit(cancellationToken).ConfigureAwait(false);
        }
        catch (TranscriptKitException e) when (e.Submission == SubmissionOutcome.Unknown && e is not TranscriptionSubmissionUnknownException)
        {
            throw SubmissionUnknown(knownJob, e, e.Message.TrimEnd('.'));
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            throw SubmissionUnknown(knownJob, e, "the submit was cancelled while it was in flight");
        }
    }

    /// <summary>
    /// The transcript with the charge the vendor's answer states (a credits-used field, say) in the unit of the
    /// spec's <c>x-tk-pricing</c>; unchanged when the answer states none or the spec names no unit. A charge stated
    /// this way wins over one computed from the pricing rule.
    /// </summary>
    /// <param name="transcript">The transcript.</param>
    /// <param name="charge">The vendor's figure, or <see langword="null"/>.</param>
    /// <param name="basis"><see cref="ChargeBasis.Reported"/>, or <see cref="ChargeBasis.VendorEstimate"/> for the vendor's own estimate.</param>
    /// <returns>The transcript with its usage.</returns>
    protected Transcript WithVendorCharge(Transcript transcript, decimal? charge, ChargeBasis basis = ChargeBasis.Reported)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        return charge is { } amount && Definition.Pricing is { } pricing
            ? transcript with { Usage = transcript.Usage with { Charge = amount, Unit = pricing.Unit, Basis = basis } }
            : transcript;
    }

    /// <summary>Vendor rules beyond the capabilities (language code lists, URL forms); throw <see cref="NotSupported"/> to refuse.</summary>
    /// <param name="request">The request.</param>
    protected virtual void ValidateCore(TranscriptionRequest request)
    {
    }

    /// <summary>The exception for a request this vendor cannot serve, to throw before any call.</summary>
    /// <param name="message">What the vendor does not do and what to do instead, for people.</param>
    /// <returns>The exception.</returns>
    protected TranscriptionNotSupportedException NotSupported(string message) => new(Vendor, message);

    /// <summary>Upload progress from a generated client's upload helper, reported as <see cref="TranscriptionStage.Uploading"/>.</summary>
    /// <param name="progress">The caller's progress, or <see langword="null"/>.</param>
    /// <returns>The progress to hand to the client, or <see langword="null"/>.</returns>
    protected IProgress<UploadProgress>? UploadProgress(IProgress<TranscriptionProgress>? progress) =>
        progress is null
            ? null
            : new ActionProgress<UploadProgress>(p => progress.Report(new TranscriptionProgress(Vendor, TranscriptionStage.Uploading, p.Percent, BytesSent: p.BytesSent, TotalBytes: p.TotalBytes)));

    /// <summary>Poll progress from a generated client's <c>WaitFor…Async</c>, reported as <see cref="TranscriptionStage.Processing"/>.</summary>
    /// <param name="progress">The caller's progress, or <see langword="null"/>.</param>
    /// <typeparam name="T">The polled resource.</typeparam>
    /// <returns>The progress to hand to the client, or <see langword="null"/>.</returns>
    protected IProgress<PollProgress<T>>? PollProgress<T>(IProgress<TranscriptionProgress>? progress) =>
        progress is null
            ? null
            : new ActionProgress<PollProgress<T>>(p => progress.Report(new TranscriptionProgress(Vendor, TranscriptionStage.Processing, p.Percent, p.State)));

    /// <summary>Reports a stage of the flow.</summary>
    /// <param name="progress">The caller's progress, or <see langword="null"/>.</param>
    /// <param name="stage">The stage reached.</param>
    /// <param name="percent">How far, when known.</param>
    /// <param name="state">The vendor's own state, when it has one.</param>
    protected void Report(IProgress<TranscriptionProgress>? progress, TranscriptionStage stage, double? percent = null, string? state = null) =>
        progress?.Report(new TranscriptionProgress(Vendor, stage, percent, state));

    /// <summary>Opens the request's media for a generated client's upload helper (a local file, or the caller's stream, which it does not dispose).</summary>
    /// <param name="request">A file or stream request.</param>
    /// <returns>The upload; dispose it after the upload.</returns>
    protected static UploadFile OpenUpload(TranscriptionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.OpenUpload();
    }

    /// <summary>Reads SRT (what some vendors return) into segments.</summary>
    /// <param name="srt">The SRT text.</param>
    /// <param name="segments">The cues, in order.</param>
    /// <param name="error">Why it cannot be read, when it cannot.</param>
    /// <returns><see langword="true"/> when it was read.</returns>
    protected static bool TryParseSrt(string srt, out IReadOnlyList<TranscriptSegment> segments, out string? error) =>
        SrtParser.TryParse(srt, out segments, out error);

    /// <summary>The segments' text joined the way a reader would read it: one space between cues, line breaks inside cues flattened.</summary>
    /// <param name="segments">The segments.</param>
    /// <returns>The text.</returns>
    protected static string JoinSegments(IEnumerable<TranscriptSegment> segments) => TranscriptText.Join(segments);

    /// <summary>A vendor's seconds as a <see cref="TimeSpan"/>; a negative value (seen in vendor output) becomes zero.</summary>
    /// <param name="seconds">Seconds.</param>
    /// <returns>The time.</returns>
    protected static TimeSpan Seconds(double seconds) => TranscriptText.Seconds(seconds);

    /// <summary>A vendor's optional seconds as a <see cref="TimeSpan"/>.</summary>
    /// <param name="seconds">Seconds, or <see langword="null"/>.</param>
    /// <returns>The time, or <see langword="null"/>.</returns>
    protected static TimeSpan? Seconds(double? seconds) => TranscriptText.Seconds(seconds);

    private void Validate(TranscriptionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var capabilities = Capabilities;
        if (request.Kind == TranscriptionSourceKind.Url && !capabilities.AcceptsUrls)
        {
            throw NotSupported($"{DisplayName} does not take URLs: it takes {capabilities.Describe()}. Download the media and give it the file instead.");
        }

        // Refused here, not by the vendor: a vendor that charges per request (its spec's x-tk-pricing) charges for its own 400 too.
        if (request.Kind == TranscriptionSourceKind.Url && !capabilities.AcceptsUrlHost(request.Url!))
        {
            throw NotSupported($"{DisplayName} does not support the platform of '{request.Url!.Host}' (platform not supported): it takes links from {string.Join(", ", capabilities.UrlHosts)}.");
        }

        if (request.Kind != TranscriptionSourceKind.Url)
        {
            if (!capabilities.AcceptsFiles)
            {
                throw NotSupported($"{DisplayName} does not take uploaded files: it takes {capabilities.Describe()}. Give it a URL instead.");
            }

            var extension = Path.GetExtension(request.FileName ?? "").ToLowerInvariant();
            if (capabilities.FileTypes.Count > 0 && !capabilities.FileTypes.Contains(extension))
            {
                throw NotSupported($"{DisplayName} does not take '{request.FileName}': it takes {capabilities.Describe()}.");
            }

            var size = request.Kind == TranscriptionSourceKind.File
                ? new FileInfo(request.FilePath!).Length
                : request.Content!.CanSeek ? request.Content.Length - request.Content.Position : (long?)null;
            // Checked here as well as in FromFile: a stream, or a file emptied since, would be uploaded and paid for.
            if (size == 0)
            {
                throw new ArgumentException($"'{request.FileName}' is empty (0 bytes): there is nothing to transcribe, and {DisplayName} would charge for the upload.", nameof(request));
            }

            if (capabilities.MaxFileSize is { } max && size > max)
            {
                throw NotSupported($"'{request.FileName}' is {size:N0} bytes; {DisplayName} takes files up to {max:N0} bytes.");
            }
        }

        if (request.Timestamps == TimestampGranularity.Word && !capabilities.WordTimestamps)
        {
            throw NotSupported($"{DisplayName} gives no word timings: it returns {capabilities.Describe()}.");
        }

        if (request.Timestamps == TimestampGranularity.Segment && !capabilities.Timings)
        {
            throw NotSupported($"{DisplayName} returns text only, without timings, so it cannot make SRT or WebVTT; {WithTimings()}or ask for text.");
        }

        if (request.Language is { } language)
        {
            if (!capabilities.AcceptsLanguage)
            {
                throw NotSupported($"{DisplayName} detects the spoken language itself and takes no language; leave Language unset.");
            }

            if (capabilities.Languages.Count > 0 && !capabilities.Languages.Contains(language, StringComparer.OrdinalIgnoreCase))
            {
                throw NotSupported($"{DisplayName} does not take the language '{language}'; it takes {string.Join(", ", capabilities.Languages)}.");
            }
        }
        else if (capabilities.RequiresLanguage)
        {
            throw NotSupported($"{DisplayName} needs the spoken language as an ISO 639-1 code (for example Language = \"en\"); it does not detect it.");
        }

        ValidateCore(request);
    }

    // Named from the registered vendors, so the advice stays true as vendors are added.
    private string WithTimings()
    {
        var names = TranscriberRegistry.Shared.Vendors.Where(v => v.Capabilities.Timings).Select(v => v.DisplayName).ToList();
        return names.Count == 0 ? "pick a vendor with timings " : $"pick a vendor with timings ({string.Join(", ", names)}) ";
    }

    private TranscriptionSubmissionUnknownException SubmissionUnknown(TranscriptionJob? job, Exception cause, string what)
    {
        var next = job is not null
            ? $"Its job id was known before the submit: resume job {job.Id} (TranscriptionSubmissionUnknownException.Job) instead of submitting again."
            : $"Submitting again may pay twice: check {HowToCheckSubmission} first.";
        Log.SubmissionUnknown(Logger, Vendor, job?.Id);
        return new TranscriptionSubmissionUnknownException(Vendor, $"{DisplayName} may have accepted the job, but the answer to the submit was lost ({what}). {next}", job, HowToCheckSubmission, cause);
    }

    private void EnsureJobs()
    {
        if (!Capabilities.ResumableJobs)
        {
            throw NoJobs();
        }
    }

    private TranscriptionNotSupportedException NoJobs() =>
        NotSupported($"{DisplayName} transcribes in one call and has no jobs to start or resume; use TranscribeAsync.");

    private Activity? StartActivity(string name, TranscriptionRequest request)
    {
        var activity = TranscriptKitDiagnostics.ActivitySource.StartActivity(name);
        activity?.SetTag("transcriptkit.vendor", Vendor);
        activity?.SetTag("transcriptkit.source.kind", request.Kind.ToString());
        return activity;
    }

    private void Submitted(Activity? activity, TranscriptionJob job)
    {
        activity?.SetTag("transcriptkit.job.id", job.Id);
        Log.JobSubmitted(Logger, Vendor, job.Id);
    }

    /// <summary>
    /// The shared usage rule: the length the vendor reported, else the one read locally; the charge the vendor stated,
    /// else the one the spec's pricing rule gives for that length; else unknown.
    /// </summary>
    private Transcript WithUsage(Transcript transcript, TimeSpan? localLength)
    {
        var usage = transcript.Usage;
        if (usage.MediaDuration is null && localLength is not null)
        {
            usage = usage with { MediaDuration = localLength };
        }

        if (usage.Charge is null && Definition.Pricing is { } pricing && pricing.ChargeFor(usage.MediaDuration) is { } charge)
        {
            usage = usage with { Charge = charge, Unit = pricing.Unit, Basis = pricing.Basis };
        }

        return ReferenceEquals(usage, transcript.Usage) ? transcript : transcript with { Usage = usage };
    }

    private void Completed(Transcript transcript, IProgress<TranscriptionProgress>? progress, long started)
    {
        TranscriptKitMetrics.Succeeded(Vendor, transcript.Usage);
        Report(progress, TranscriptionStage.Completed, 100);
        Log.TranscriptionCompleted(Logger, Vendor, transcript.JobId, transcript.Text.Length, transcript.Segments.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    // An exception filter: records the failure without unwinding, so the original stack is kept.
    private bool Failed(Activity? activity, Exception exception)
    {
        TranscriptKitMetrics.Ended(Vendor, exception);
        if (exception is OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "cancelled");
            return false;
        }

        activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity?.AddException(exception);
        var vendorError = exception as TranscriptKitException;
        Log.TranscriptionFailed(Logger, exception, Vendor, (int?)vendorError?.Status, vendorError?.Reason, exception.Message);
        return false;
    }
}
