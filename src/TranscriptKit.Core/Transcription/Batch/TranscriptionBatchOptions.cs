using System;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit;

/// <summary>How <see cref="TranscriberBatchExtensions.TranscribeManyAsync"/> paces a batch.</summary>
public sealed class TranscriptionBatchOptions
{
    /// <summary>
    /// The most items in flight at once. <see langword="null"/> uses what the vendor allows: the free slots its
    /// concurrency endpoint reports (TranscriptGenerate), else <see cref="TranscriberCapabilities.MaxConcurrentJobs"/>,
    /// else 4.
    /// </summary>
    public int? MaxConcurrency { get; set; }

    /// <summary>
    /// How often one item is submitted before a busy answer (429, or TranscriptGenerate's 601 "no free slot") counts
    /// as its failure. <see langword="null"/> (the default): busy answers are waited out for as long as the batch
    /// runs, since the vendor accepted nothing and a free slot or a new rate window will come; cancel the batch to
    /// stop waiting.
    /// </summary>
    public int? MaxSubmitAttempts { get; set; }

    /// <summary>
    /// The first wait after a busy answer without <c>Retry-After</c>; it doubles each time, up to <see cref="MaxBusyDelay"/>.
    /// After a "no free slot" answer the wait ends earlier when one of the batch's own jobs ends.
    /// </summary>
    public TimeSpan BusyDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait after a busy answer.</summary>
    public TimeSpan MaxBusyDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The clock for those waits; tests substitute a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Where each item's state is kept across runs (e.g. <c>SqliteTranscriptionLedger</c>). With a ledger, a run
    /// skips done items, resumes accepted jobs by token, submits only what was never accepted, and reports an item
    /// whose submit outcome an earlier run never learned as <see cref="TranscriptionSubmissionUnknownException"/>
    /// instead of sending it again. <see langword="null"/>: nothing is remembered.
    /// </summary>
    public ITranscriptionLedger? Ledger { get; set; }

    /// <summary>Sends items again whose earlier submit has an unknown outcome (they may be paid twice). Only with <see cref="Ledger"/>.</summary>
    public bool RetryUnknown { get; set; }

    /// <summary>An item's key in the <see cref="Ledger"/>; by default <see cref="TranscriptionRequest.Describe"/> (the file path or URL). Keys must be unique in a batch.</summary>
    public Func<TranscriptionRequest, string>? ItemKey { get; set; }

    /// <summary>This worker's id for ledger leases; a new one per options object by default.</summary>
    public string WorkerId { get; set; } = Guid.NewGuid().ToString("n");

    /// <summary>How long this worker's claim on a ledger item lasts (a shared ledger hands the item to another worker after it).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// Called with each transcript before the ledger records the item done: save the output here, so a crash between
    /// the two leaves the item to be fetched again by its token rather than marked done without an output.
    /// </summary>
    public Func<TranscriptionBatchItem, CancellationToken, Task>? Completed { get; set; }
}
