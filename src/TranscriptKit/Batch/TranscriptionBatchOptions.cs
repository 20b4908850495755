using System;

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

    /// <summary>How often one item is submitted again after the vendor said it was busy (429, or TranscriptGenerate's 601) before it counts as failed.</summary>
    public int MaxSubmitAttempts { get; set; } = 6;

    /// <summary>The first wait after a busy answer without <c>Retry-After</c>; it doubles each time, up to <see cref="MaxBusyDelay"/>.</summary>
    public TimeSpan BusyDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait after a busy answer.</summary>
    public TimeSpan MaxBusyDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The clock for those waits; tests substitute a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
