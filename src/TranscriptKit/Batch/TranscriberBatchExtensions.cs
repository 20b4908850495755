using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TranscriptKit;

/// <summary>Transcribes many requests with one vendor, within its limits.</summary>
public static class TranscriberBatchExtensions
{
    private const int DefaultConcurrency = 4;

    /// <summary>
    /// Transcribes every request, keeping at most the vendor's allowed number in flight, submitting again (never
    /// after the vendor accepted a job) when it answers busy, and recording each item's result: one failure does
    /// not stop the rest. Results come back in input order.
    /// </summary>
    /// <param name="transcriber">The vendor.</param>
    /// <param name="requests">What to transcribe.</param>
    /// <param name="options">Pacing; defaults when <see langword="null"/>.</param>
    /// <param name="progress">Each item's result as it completes.</param>
    /// <param name="cancellationToken">Stops the whole batch; jobs already accepted keep running at the vendor.</param>
    public static async Task<IReadOnlyList<TranscriptionBatchItem>> TranscribeManyAsync(
        this ITranscriber transcriber,
        IEnumerable<TranscriptionRequest> requests,
        TranscriptionBatchOptions? options = null,
        IProgress<TranscriptionBatchItem>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transcriber);
        ArgumentNullException.ThrowIfNull(requests);
        options ??= new TranscriptionBatchOptions();
        if (options.MaxSubmitAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxSubmitAttempts, "MaxSubmitAttempts must be at least 1.");
        }

        var items = requests.ToList();
        using var activity = TranscriptKitDiagnostics.ActivitySource.StartActivity("transcriptkit.batch");
        activity?.SetTag("transcriptkit.vendor", transcriber.Vendor);
        activity?.SetTag("transcriptkit.batch.size", items.Count);
        if (items.Count == 0)
        {
            return [];
        }

        var concurrency = await ResolveConcurrencyAsync(transcriber, options, cancellationToken).ConfigureAwait(false);
        var logger = (transcriber as TranscriberBase)?.Logger ?? NullLogger.Instance;
        var results = new TranscriptionBatchItem[items.Count];
        using var slots = new SemaphoreSlim(concurrency, concurrency);
        var tasks = items.Select(async (request, index) =>
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var item = await RunOneAsync(transcriber, request, index, options, logger, cancellationToken).ConfigureAwait(false);
                results[index] = item;
                progress?.Report(item);
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        await Task.WhenAll(tasks).ConfigureAwait(false);
        activity?.SetTag("transcriptkit.batch.failed", results.Count(r => !r.Succeeded));
        return results;
    }

    private static async Task<int> ResolveConcurrencyAsync(ITranscriber transcriber, TranscriptionBatchOptions options, CancellationToken cancellationToken)
    {
        if (options.MaxConcurrency is { } max)
        {
            return max >= 1 ? max : throw new ArgumentOutOfRangeException(nameof(options), max, "MaxConcurrency must be at least 1.");
        }

        if (transcriber is IConcurrencyLimitSource source)
        {
            // Free slots now, not the plan's maximum: other processes may hold some. At least one, so the batch
            // still moves; a busy answer then waits and submits again.
            var available = await source.GetAvailableConcurrencyAsync(cancellationToken).ConfigureAwait(false);
            return Math.Max(1, available ?? DefaultConcurrency);
        }

        return transcriber.Capabilities.MaxConcurrentJobs ?? DefaultConcurrency;
    }

    private static async Task<TranscriptionBatchItem> RunOneAsync(
        ITranscriber transcriber, TranscriptionRequest request, int index, TranscriptionBatchOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        TranscriptionJob? job = null;
        try
        {
            var delay = options.BusyDelay;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    if (!transcriber.Capabilities.ResumableJobs)
                    {
                        // One-call vendors: a busy answer (429) means nothing was accepted, so the whole call may be repeated.
                        var direct = await transcriber.TranscribeAsync(request, null, cancellationToken).ConfigureAwait(false);
                        return new TranscriptionBatchItem(index, request, direct, null, null);
                    }

                    job = await transcriber.StartAsync(request, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (TranscriptKitException e) when (attempt < options.MaxSubmitAttempts && IsBusy(transcriber, e))
                {
                    var wait = e is TranscriptKitRateLimitException { RetryAfter: { } retryAfter } ? retryAfter : delay;
                    Log.BatchSubmitDeferred(logger, transcriber.Vendor, e.Reason ?? ((int?)e.Status)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "busy", index, (long)wait.TotalMilliseconds);
                    await Task.Delay(wait, options.TimeProvider, cancellationToken).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxBusyDelay.Ticks));
                }
            }

            var transcript = await transcriber.WaitAsync(job, null, cancellationToken).ConfigureAwait(false);
            return new TranscriptionBatchItem(index, request, transcript, null, job);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new TranscriptionBatchItem(index, request, null, e, job);
        }
    }

    private static bool IsBusy(ITranscriber transcriber, TranscriptKitException exception) =>
        exception is TranscriptKitRateLimitException
        || (transcriber is IConcurrencyLimitSource source && source.IsBusy(exception));
}
