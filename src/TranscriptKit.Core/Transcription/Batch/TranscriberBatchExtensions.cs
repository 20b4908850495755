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
    /// after the vendor accepted a job, or may have) when it answers busy, and recording each item's result: one
    /// failure does not stop the rest. Results come back in input order. A submit refused for want of a free slot
    /// (TranscriptGenerate's 601) is sent again as soon as one of the batch's own jobs ends, or after
    /// <see cref="TranscriptionBatchOptions.BusyDelay"/> when none does; a 429 after its <c>Retry-After</c>. The
    /// client's rate limiter (the plan's documented requests per minute) paces every call before it is sent.
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
        if (options.MaxSubmitAttempts is < 1)
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

        var keys = options.Ledger is null ? null : items.Select(options.ItemKey ?? (r => r.Describe())).ToList();
        if (keys is not null)
        {
            var duplicate = keys.GroupBy(k => k, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new ArgumentException($"Two items share the ledger key '{duplicate.Key}'; give each its own (TranscriptionBatchOptions.ItemKey).", nameof(requests));
            }

            await options.Ledger!.AddAsync(keys, cancellationToken).ConfigureAwait(false);
        }

        var concurrency = await ResolveConcurrencyAsync(transcriber, options, cancellationToken).ConfigureAwait(false);
        var logger = (transcriber as TranscriberBase)?.Logger ?? NullLogger.Instance;
        var results = new TranscriptionBatchItem[items.Count];
        using var slots = new SemaphoreSlim(concurrency, concurrency);
        // Ledger claims run at most one slot's worth ahead of the free slots, not all at once: a thousand claims
        // queued on the ledger at the start would hold up the writes between a freed slot and the next submit.
        using var claimsAhead = keys is null ? null : new SemaphoreSlim(concurrency, concurrency);
        var freed = new FreedSlots();
        var lane = new LedgerLane();
        var tasks = items.Select(async (request, index) =>
        {
            SlotLease? claimTurn = null;
            if (claimsAhead is not null)
            {
                await claimsAhead.WaitAsync(cancellationToken).ConfigureAwait(false);
                claimTurn = new SlotLease(claimsAhead);
            }

            TranscriptionBatchItem item;
            try
            {
                var cursor = keys is null
                    ? new LedgerCursor(null, null)
                    : new LedgerCursor(
                        options.Ledger,
                        await lane.OrdinaryAsync(() => options.Ledger!.TryClaimAsync(keys[index], options.WorkerId, options.LeaseDuration, cancellationToken), cancellationToken).ConfigureAwait(false),
                        lane);
                if (keys is not null && TryFinishWithoutSending(transcriber, request, index, keys[index], cursor.Item, options) is { } settled)
                {
                    item = settled;
                }
                else
                {
                    await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                    claimTurn?.Release();
                    var slot = new SlotLease(slots);
                    try
                    {
                        item = await RunOneAsync(transcriber, request, index, cursor, options, slot, freed, logger, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        slot.Release();
                    }
                }
            }
            finally
            {
                claimTurn?.Release();
            }

            results[index] = item;
            progress?.Report(item);
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

    /// <summary>What a ledger already settles: done, held by another worker, an accepted job that failed, or an unknown outcome not to be retried.</summary>
    private static TranscriptionBatchItem? TryFinishWithoutSending(
        ITranscriber transcriber, TranscriptionRequest request, int index, string key, LedgerItem? entry, TranscriptionBatchOptions options)
    {
        if (entry is null)
        {
            return new TranscriptionBatchItem(index, request, null, new InvalidOperationException($"Ledger item '{key}' is held by another worker."), null);
        }

        var job = TranscriptionJob.TryFromToken(entry.JobToken, out var parsed) ? parsed : null;
        return entry.State switch
        {
            LedgerItemState.Done => new TranscriptionBatchItem(index, request, null, null, job) { Ledger = entry, AlreadyDone = true },
            LedgerItemState.Failed when entry.JobToken is not null =>
                new TranscriptionBatchItem(index, request, null, new TranscriptKitException(transcriber.Vendor, entry.Error ?? "The job failed in an earlier run."), job) { Ledger = entry },
            LedgerItemState.Submitting when !options.RetryUnknown => new TranscriptionBatchItem(
                index,
                request,
                null,
                new TranscriptionSubmissionUnknownException(
                    transcriber.Vendor,
                    $"An earlier run sent the submit for '{key}' and was stopped before it recorded the answer: the vendor may have accepted (and charged for) it. Check, then run again with --retry-unknown (RetryUnknown) to send it again.",
                    null,
                    entry.HowToCheck ?? "the vendor's job list or usage history",
                    new InvalidOperationException(entry.Error ?? "The run was stopped while the submit was in flight.")),
                null) { Ledger = entry },
            _ => null,
        };
    }

    private static async Task<TranscriptionBatchItem> RunOneAsync(
        ITranscriber transcriber, TranscriptionRequest request, int index, LedgerCursor cursor, TranscriptionBatchOptions options, SlotLease slot, FreedSlots freed, ILogger logger, CancellationToken cancellationToken)
    {
        TranscriptionJob? job = cursor.Item is { State: LedgerItemState.Submitted, JobToken: { } token } ? TranscriptionJob.FromToken(token) : null;
        try
        {
            var delay = options.BusyDelay;
            Transcript? direct = null;
            for (var attempt = 1; job is null; attempt++)
            {
                // Durable before the paid request leaves: a run killed from here on finds the item "submitting".
                await cursor.MoveAsync(LedgerItemState.Submitting, cancellationToken: cancellationToken).ConfigureAwait(false);
                var endedBeforeSubmit = freed.Ended;
                try
                {
                    if (!transcriber.Capabilities.ResumableJobs)
                    {
                        // One-call vendors: a busy answer (429) means nothing was accepted, so the whole call may be repeated.
                        direct = await transcriber.TranscribeAsync(request, null, cancellationToken).ConfigureAwait(false);
                        break;
                    }

                    job = await transcriber.StartAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (TranscriptionSubmissionUnknownException unknown) when (unknown.Job is not null)
                {
                    // Caption Cat names the job before submitting: resume it instead of guessing.
                    job = unknown.Job;
                }
                catch (TranscriptionSubmissionUnknownException unknown)
                {
                    await cursor.RecordUnknownAsync(unknown, CancellationToken.None).ConfigureAwait(false);
                    throw;
                }
                catch (TranscriptKitException e) when (Busy(transcriber, e) != BusyKind.None && (options.MaxSubmitAttempts is not { } max || attempt < max))
                {
                    await cursor.MoveAsync(LedgerItemState.Pending, cancellationToken: cancellationToken).ConfigureAwait(false);
                    var wait = e is TranscriptKitRateLimitException { RetryAfter: { } retryAfter } ? retryAfter : delay;
                    Log.BatchSubmitDeferred(logger, transcriber.Vendor, e.Reason ?? ((int?)e.Status)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "busy", index, (long)wait.TotalMilliseconds);
                    if (Busy(transcriber, e) == BusyKind.NoFreeSlot)
                    {
                        // The slot the vendor lacks is freed by whichever of our jobs ends first: submit then, not a
                        // whole back-off later, so the vendor's slots are not left idle.
                        await freed.WaitAsync(endedBeforeSubmit, wait, options.TimeProvider, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await Task.Delay(wait, options.TimeProvider, cancellationToken).ConfigureAwait(false);
                    }

                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxBusyDelay.Ticks));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Refused before acceptance: nothing to pay for, so a later run may try again.
                    await cursor.MoveAsync(LedgerItemState.Failed, error: e.Message, cancellationToken: CancellationToken.None).ConfigureAwait(false);
                    throw;
                }

                if (job is not null)
                {
                    await cursor.MoveAsync(LedgerItemState.Submitted, job.ToToken(), cancellationToken: CancellationToken.None).ConfigureAwait(false);
                }
            }

            if (direct is not null)
            {
                slot.Release();
                return await CompleteAsync(new TranscriptionBatchItem(index, request, direct, null, null), cursor, options, cancellationToken).ConfigureAwait(false);
            }

            Transcript transcript;
            try
            {
                transcript = await transcriber.WaitAsync(job!, null, cancellationToken).ConfigureAwait(false);
            }
            catch (TranscriptKitJobFailedException e)
            {
                await cursor.MoveAsync(LedgerItemState.Failed, error: e.Message, cancellationToken: CancellationToken.None).ConfigureAwait(false);
                throw;
            }
            finally
            {
                // Done, failed or given up on, this job holds no slot of ours any more: the next item goes now, not
                // after the output and the ledger are written, and an item refused for want of a slot tries again
                // (a job still running at the vendor only costs that item one more refusal).
                slot.Release();
                freed.Signal();
            }

            return await CompleteAsync(new TranscriptionBatchItem(index, request, transcript, null, job), cursor, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new TranscriptionBatchItem(index, request, null, e, job) { Ledger = cursor.Item };
        }
    }

    private static async Task<TranscriptionBatchItem> CompleteAsync(TranscriptionBatchItem item, LedgerCursor cursor, TranscriptionBatchOptions options, CancellationToken cancellationToken)
    {
        if (options.Completed is { } completed)
        {
            await completed(item, cancellationToken).ConfigureAwait(false);
        }

        await cursor.MoveAsync(LedgerItemState.Done, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        return item with { Ledger = cursor.Item };
    }

    /// <summary>
    /// Whether a submit was refused only for now: the vendor's slots are full (TranscriptGenerate's 601), or it rate
    /// limited the call (429). Either way nothing was accepted, so the item may be sent again; an answer whose outcome
    /// is unknown is never "busy", whatever it says, since sending it again could start (and charge) a second job.
    /// </summary>
    private static BusyKind Busy(ITranscriber transcriber, TranscriptKitException exception)
    {
        if (exception.Submission == SubmissionOutcome.Unknown || exception is TranscriptionSubmissionUnknownException)
        {
            return BusyKind.None;
        }

        if (transcriber is IConcurrencyLimitSource source && source.IsBusy(exception))
        {
            return BusyKind.NoFreeSlot;
        }

        return exception is TranscriptKitRateLimitException ? BusyKind.RateLimited : BusyKind.None;
    }

    private enum BusyKind
    {
        None,
        NoFreeSlot,
        RateLimited,
    }
}
