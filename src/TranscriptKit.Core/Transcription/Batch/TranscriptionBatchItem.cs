using System;

namespace TranscriptKit;

/// <summary>One request's outcome in a batch: a transcript, or the error that stopped it (the rest of the batch went on).</summary>
/// <param name="Index">The request's position in the input.</param>
/// <param name="Request">The request.</param>
/// <param name="Transcript">The transcript, when it succeeded.</param>
/// <param name="Error">Why it failed, when it did.</param>
/// <param name="Job">The vendor job, when one was accepted (resume it with <see cref="ITranscriber.WaitAsync"/> after a failure while waiting).</param>
public sealed record TranscriptionBatchItem(int Index, TranscriptionRequest Request, Transcript? Transcript, Exception? Error, TranscriptionJob? Job)
{
    /// <summary>True when <see cref="Transcript"/> is set, or an earlier run with the same ledger finished the item (<see cref="AlreadyDone"/>).</summary>
    public bool Succeeded => Transcript is not null || AlreadyDone;

    /// <summary>The item's record in <see cref="TranscriptionBatchOptions.Ledger"/> after this run, when there is a ledger.</summary>
    public LedgerItem? Ledger { get; init; }

    /// <summary>An earlier run finished it; nothing was sent this time and <see cref="Transcript"/> is <see langword="null"/>.</summary>
    public bool AlreadyDone { get; init; }

    /// <summary>Its submit was sent but the answer never recorded (this run or an earlier one): see <see cref="TranscriptionSubmissionUnknownException.HowToCheck"/>.</summary>
    public bool OutcomeUnknown => Error is TranscriptionSubmissionUnknownException;
}
