using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.CircuitBreaker;

namespace TranscriptKit;

/// <summary>
/// An <see cref="ITranscriber"/> over an ordered list of vendors: each request goes to the first vendor whose
/// capabilities fit it, and falls back to the next ONLY while no vendor has accepted a job (a refusal before sending,
/// an authentication, credit or quota error, a 429, a submit the pipeline classifies as not accepted, an open circuit).
/// Once a vendor has accepted the job, or may have (<see cref="SubmissionOutcome.Unknown"/>, which the adapters raise
/// as <see cref="TranscriptionSubmissionUnknownException"/> with the job to resume), no other vendor is ever asked:
/// a paid job is never submitted twice.
/// </summary>
public sealed class TranscriptionRouter : ITranscriber
{
    /// <summary>The name a router goes by in <see cref="Vendor"/> and in its own exceptions.</summary>
    public const string VendorId = "router";

    private readonly IReadOnlyList<ITranscriber> _transcribers;
    private readonly ILogger _logger;

    /// <summary>Creates a router over <paramref name="transcribers"/>, tried in the order given.</summary>
    /// <param name="transcribers">The vendors, first choice first; each vendor at most once.</param>
    /// <param name="logger">Where to log each attempt, or <see langword="null"/>.</param>
    public TranscriptionRouter(IEnumerable<ITranscriber> transcribers, ILogger<TranscriptionRouter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(transcribers);
        _transcribers = transcribers.ToList();
        if (_transcribers.Count == 0)
        {
            throw new ArgumentException("A router needs at least one vendor.", nameof(transcribers));
        }

        if (_transcribers.Any(t => t is null))
        {
            throw new ArgumentException("A router's vendors cannot be null.", nameof(transcribers));
        }

        // Jobs find their way back through the vendor id in their token, so one id must mean one transcriber.
        if (_transcribers.GroupBy(t => t.Vendor, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"The vendor '{twice.Key}' is listed twice.", nameof(transcribers));
        }

        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Capabilities = Combine(_transcribers.Select(t => t.Capabilities).ToList());
    }

    /// <summary>The vendor ids, in the order they are tried.</summary>
    public IReadOnlyList<string> Vendors => _transcribers.Select(t => t.Vendor).ToList();

    /// <inheritdoc />
    /// <remarks>Always <see cref="VendorId"/>; the transcript and the job name the vendor that served.</remarks>
    public string Vendor => VendorId;

    /// <summary>What at least one of the vendors can do (a request still goes only to a vendor that fits it).</summary>
    public TranscriberCapabilities Capabilities { get; }

    /// <inheritdoc />
    public async Task<Transcript> TranscribeAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress = null, CancellationToken cancellationToken = default) =>
        (await TranscribeRoutedAsync(request, progress, cancellationToken).ConfigureAwait(false)).Transcript;

    /// <inheritdoc />
    public Task<TranscriptionJob> StartAsync(TranscriptionRequest request, CancellationToken cancellationToken = default) =>
        StartAsync(request, null, cancellationToken);

    /// <inheritdoc />
    public async Task<TranscriptionJob> StartAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress, CancellationToken cancellationToken = default) =>
        (await StartRoutedAsync(request, progress, cancellationToken).ConfigureAwait(false)).Job;

    /// <inheritdoc />
    /// <remarks>Waits with the vendor the job's token names; never with another.</remarks>
    public Task<Transcript> WaitAsync(TranscriptionJob job, IProgress<TranscriptionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var owner = _transcribers.FirstOrDefault(t => string.Equals(t.Vendor, job.Vendor, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"The job belongs to {job.Vendor}, which is not one of this router's vendors ({string.Join(", ", Vendors)}).", nameof(job));
        return owner.WaitAsync(job, progress, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The estimate of the first vendor whose capabilities fit: the one a request goes to unless it refuses. A fallback
    /// vendor may charge differently; estimate with each transcriber to compare.
    /// </remarks>
    /// <exception cref="TranscriptionRoutingException">No vendor fits the request.</exception>
    public Task<TranscriptionEstimate> EstimateAsync(TranscriptionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var first = _transcribers.FirstOrDefault(t => Misfit(t.Capabilities, request) is null)
            ?? throw new TranscriptionRoutingException(
                $"No vendor of this router fits {request.Describe()}.",
                _transcribers.Select(t => new RouteAttempt(t.Vendor, RouteAttemptOutcome.Skipped, Misfit(t.Capabilities, request)!)).ToList());
        return first.EstimateAsync(request, cancellationToken);
    }

    /// <summary>Transcribes with the first vendor that fits and accepts, saying which vendor served and why earlier ones did not.</summary>
    /// <param name="request">What to transcribe.</param>
    /// <param name="progress">Where to report progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The transcript and the attempts.</returns>
    /// <exception cref="TranscriptionRoutingException">No vendor fitted or accepted; none may have started a job.</exception>
    /// <exception cref="TranscriptionSubmissionUnknownException">A vendor may have accepted the job; resume with its <see cref="TranscriptionSubmissionUnknownException.Job"/> instead of submitting again.</exception>
    public async Task<RoutedTranscript> TranscribeRoutedAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (transcript, attempts) = await RouteAsync(
            request,
            requireJobs: false,
            async (transcriber, ct) =>
            {
                if (!transcriber.Capabilities.ResumableJobs)
                {
                    return (await transcriber.TranscribeAsync(request, progress, ct).ConfigureAwait(false), (TranscriptionJob?)null);
                }

                // Started separately so that a failure while waiting can never be mistaken for a refused submit.
                var job = await transcriber.StartAsync(request, progress, ct).ConfigureAwait(false);
                return ((Transcript?)null, job);
            },
            cancellationToken).ConfigureAwait(false);
        if (transcript.Transcript is { } done)
        {
            return new RoutedTranscript(done, attempts);
        }

        var served = await WaitAsync(transcript.Job!, progress, cancellationToken).ConfigureAwait(false);
        return new RoutedTranscript(served, attempts);
    }

    /// <summary>Starts a resumable job with the first vendor that fits and accepts, saying why earlier ones did not.</summary>
    /// <param name="request">What to transcribe.</param>
    /// <param name="progress">Where to report progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The job (its token names the vendor) and the attempts.</returns>
    /// <exception cref="TranscriptionRoutingException">No vendor with resumable jobs fitted or accepted; none may have started a job.</exception>
    /// <exception cref="TranscriptionSubmissionUnknownException">A vendor may have accepted the job; resume with its <see cref="TranscriptionSubmissionUnknownException.Job"/> instead of submitting again.</exception>
    public async Task<RoutedJob> StartRoutedAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (result, attempts) = await RouteAsync(
            request,
            requireJobs: true,
            async (transcriber, ct) => ((Transcript?)null, (TranscriptionJob?)await transcriber.StartAsync(request, progress, ct).ConfigureAwait(false)),
            cancellationToken).ConfigureAwait(false);
        return new RoutedJob(result.Job!, attempts);
    }

    /// <summary>Why <paramref name="capabilities"/> cannot serve <paramref name="request"/>, or <see langword="null"/> when they fit.</summary>
    /// <param name="capabilities">A vendor's capabilities.</param>
    /// <param name="request">The request.</param>
    /// <returns>The reason for people, or <see langword="null"/>.</returns>
    public static string? Misfit(TranscriberCapabilities capabilities, TranscriptionRequest request)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Kind == TranscriptionSourceKind.Url && !capabilities.AcceptsUrls)
        {
            return "does not take URLs";
        }

        if (request.Kind == TranscriptionSourceKind.Url && !capabilities.AcceptsUrlHost(request.Url!))
        {
            return $"platform not supported ({request.Url!.Host})";
        }

        if (request.Kind != TranscriptionSourceKind.Url)
        {
            if (!capabilities.AcceptsFiles)
            {
                return "does not take files";
            }

            var extension = Path.GetExtension(request.FileName ?? string.Empty);
            if (capabilities.FileTypes.Count > 0 && !capabilities.FileTypes.Any(t => string.Equals(t.TrimStart('.'), extension.TrimStart('.'), StringComparison.OrdinalIgnoreCase)))
            {
                return $"does not take {(extension.Length > 0 ? extension : "extensionless")} files";
            }

            if (capabilities.MaxFileSize is { } max && SizeOf(request) is { } size && size > max)
            {
                return $"takes files up to {max} bytes, this one has {size}";
            }
        }

        if (request.Language is { } language)
        {
            if (!capabilities.AcceptsLanguage)
            {
                return "does not take a language";
            }

            var primary = language.Split('-', '_')[0];
            if (capabilities.Languages.Count > 0 && !capabilities.Languages.Any(l => string.Equals(l, language, StringComparison.OrdinalIgnoreCase) || string.Equals(l, primary, StringComparison.OrdinalIgnoreCase)))
            {
                return $"does not list the language '{language}'";
            }
        }
        else if (capabilities.RequiresLanguage)
        {
            return "needs a language";
        }

        return request.Timestamps switch
        {
            TimestampGranularity.Word when !capabilities.WordTimestamps => "gives no word timings",
            TimestampGranularity.Segment when !capabilities.Timings => "gives no timings",
            _ => null,
        };
    }

    private async Task<((Transcript? Transcript, TranscriptionJob? Job) Result, IReadOnlyList<RouteAttempt> Attempts)> RouteAsync(
        TranscriptionRequest request,
        bool requireJobs,
        Func<ITranscriber, CancellationToken, Task<(Transcript?, TranscriptionJob?)>> attempt,
        CancellationToken cancellationToken)
    {
        var attempts = new List<RouteAttempt>();
        var start = request.Content is { CanSeek: true } stream ? stream.Position : (long?)null;
        var sentBytes = false;
        Exception? lastRefusal = null;
        foreach (var transcriber in _transcribers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var misfit = requireJobs && !transcriber.Capabilities.ResumableJobs ? "has no resumable jobs" : Misfit(transcriber.Capabilities, request);
            if (misfit is not null)
            {
                Note(attempts, new RouteAttempt(transcriber.Vendor, RouteAttemptOutcome.Skipped, misfit), null);
                continue;
            }

            // A stream an earlier vendor began to read must start over; one that cannot be rewound cannot be sent again.
            if (sentBytes && request.Kind == TranscriptionSourceKind.Stream)
            {
                if (start is null)
                {
                    Note(attempts, new RouteAttempt(transcriber.Vendor, RouteAttemptOutcome.Skipped, "the request's stream cannot be rewound after an earlier vendor read it"), null);
                    continue;
                }

                request.Content!.Position = start.Value;
            }

            using var activity = TranscriptKitDiagnostics.ActivitySource.StartActivity("TranscriptKit.Route.Attempt");
            activity?.SetTag("transcriptkit.vendor", transcriber.Vendor);
            activity?.SetTag("transcriptkit.route.attempt", attempts.Count + 1);
            sentBytes = true;
            try
            {
                var result = await attempt(transcriber, cancellationToken).ConfigureAwait(false);
                activity?.SetTag("transcriptkit.route.outcome", nameof(RouteAttemptOutcome.Accepted));
                var id = result.Item2?.Id ?? result.Item1?.JobId;
                Note(attempts, new RouteAttempt(transcriber.Vendor, RouteAttemptOutcome.Accepted, id is null ? "served" : $"accepted job {id}"), null);
                return (result, attempts);
            }
            catch (Exception e) when (RefusalReason(e) is { } reason)
            {
                activity?.SetTag("transcriptkit.route.outcome", nameof(RouteAttemptOutcome.Refused));
                activity?.SetStatus(ActivityStatusCode.Error, reason);
                Note(attempts, new RouteAttempt(transcriber.Vendor, RouteAttemptOutcome.Refused, reason), e);
                lastRefusal = e;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // A job may exist (a lost submit answer, a failure after acceptance) or the request itself is at fault:
                // asking another vendor could pay twice or fail the same way, so the caller gets this vendor's error.
                activity?.SetTag("transcriptkit.route.outcome", nameof(RouteAttemptOutcome.Failed));
                activity?.SetStatus(ActivityStatusCode.Error, e.Message);
                Note(attempts, new RouteAttempt(transcriber.Vendor, RouteAttemptOutcome.Failed, e.Message), e);
                throw;
            }
        }

        throw new TranscriptionRoutingException(
            $"No vendor took {request.Describe()}: {string.Join("; ", attempts)}.",
            attempts,
            lastRefusal);
    }

    /// <summary>
    /// Why a failure leaves no job anywhere and another vendor may be asked, or <see langword="null"/> when it may hide
    /// an accepted job (or another vendor could not cure it). The pipeline's <see cref="SubmissionOutcome"/> decides:
    /// <see cref="SubmissionOutcome.Unknown"/> never falls back.
    /// </summary>
    private static string? RefusalReason(Exception failure)
    {
        switch (failure)
        {
            case TranscriptionSubmissionUnknownException:
                return null;
            case BrokenCircuitException:
                // The resilience handler refuses before sending: nothing reached the vendor.
                return "circuit open: " + failure.Message;
            case TranscriptionNotSupportedException refused when refused.Submission != SubmissionOutcome.Unknown && refused.Status is null:
                return "refused before sending: " + refused.Message;
            case TranscriptKitException error when error.Submission is SubmissionOutcome.NotAccepted or SubmissionOutcome.NotASubmission && IsVendorSide(error):
                // NotASubmission here is a step before the submit (an upload) in StartAsync, or a refused TranscribeAsync
                // of a vendor without jobs whose one call was its submit; a failure after acceptance never comes this way
                // because jobs are started and waited on separately.
                return Describe(error);
            default:
                return null;
        }
    }

    private static bool IsVendorSide(TranscriptKitException error) =>
        error is TranscriptKitAuthenticationException or TranscriptKitInsufficientCreditsException or TranscriptKitRateLimitException or TranscriptKitServerException
        || error.Status is HttpStatusCode.Unauthorized or HttpStatusCode.PaymentRequired or HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests
        || (int?)error.Status >= 500;

    private static string Describe(TranscriptKitException error) => error switch
    {
        TranscriptKitAuthenticationException => "authentication refused",
        TranscriptKitInsufficientCreditsException => "out of credit or quota",
        TranscriptKitRateLimitException => "rate limited",
        _ => "refused",
    } + (error.Status is { } status ? $" ({(int)status})" : string.Empty) + ": " + error.Message;

    private void Note(List<RouteAttempt> attempts, RouteAttempt attempt, Exception? failure)
    {
        attempts.Add(attempt);
        RoutingLog.Attempt(_logger, failure, attempt.Vendor, attempt.Outcome, attempt.Reason);
    }

    private static long? SizeOf(TranscriptionRequest request)
    {
        if (request.FilePath is { } path)
        {
            return new FileInfo(path).Length;
        }

        return request.Content is { CanSeek: true } stream ? stream.Length - stream.Position : null;
    }

    private static TranscriberCapabilities Combine(IReadOnlyList<TranscriberCapabilities> all)
    {
        var languages = all.Where(c => c.AcceptsLanguage).ToList();
        var files = all.Where(c => c.AcceptsFiles).ToList();
        var urls = all.Where(c => c.AcceptsUrls).ToList();
        return new TranscriberCapabilities
        {
            AcceptsFiles = files.Count > 0,
            AcceptsUrls = all.Any(c => c.AcceptsUrls),

            // Empty means "any" to callers, so one vendor without a list makes the union unlimited.
            FileTypes = files.Any(c => c.FileTypes.Count == 0) ? [] : files.SelectMany(c => c.FileTypes).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            MaxFileSize = files.Any(c => c.MaxFileSize is null) ? null : files.Max(c => c.MaxFileSize),
            UrlKinds = string.Join("; ", all.Where(c => c.AcceptsUrls && c.UrlKinds is not null).Select(c => c.UrlKinds)) is { Length: > 0 } kinds ? kinds : null,
            UrlHosts = urls.Count == 0 || urls.Any(c => c.UrlHosts.Count == 0) ? [] : urls.SelectMany(c => c.UrlHosts).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Timings = all.Any(c => c.Timings),
            WordTimestamps = all.Any(c => c.WordTimestamps),
            AcceptsLanguage = languages.Count > 0,
            Languages = languages.Any(c => c.Languages.Count == 0) ? [] : languages.SelectMany(c => c.Languages).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            RequiresLanguage = all.All(c => c.RequiresLanguage),
            ReportsProgress = all.Any(c => c.ReportsProgress),
            ResumableJobs = all.Any(c => c.ResumableJobs),
            MaxConcurrentJobs = null,
        };
    }
}
