using System;

namespace TranscriptKit;

/// <summary>
/// One batch item's durable record. Move it with <see cref="MoveTo"/> (the one place that knows which steps are
/// allowed) and store it with <see cref="ITranscriptionLedger.UpdateAsync"/>, which checks <see cref="Version"/>.
/// </summary>
public sealed record LedgerItem
{
    /// <summary>The item's identity in the batch (a file path or URL by default).</summary>
    public required string Key { get; init; }

    /// <summary>Where it stands.</summary>
    public LedgerItemState State { get; init; }

    /// <summary>The accepted job's token (<c>tkjob2.…</c>), once the vendor accepted one.</summary>
    public string? JobToken { get; init; }

    /// <summary>Why it failed, or what an interrupted submit left unknown.</summary>
    public string? Error { get; init; }

    /// <summary>Where to look at the vendor before retrying an item whose submit outcome is unknown.</summary>
    public string? HowToCheck { get; init; }

    /// <summary>How many paid submits were sent for it (written before each is sent).</summary>
    public int Submissions { get; init; }

    /// <summary>Bumped by every stored change; an update from a stale copy is refused (optimistic concurrency).</summary>
    public long Version { get; init; }

    /// <summary>The worker holding the item, while its lease lasts.</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>When the lease ends; another worker may claim the item after it.</summary>
    public DateTimeOffset? LeaseExpires { get; init; }

    /// <summary>True when an earlier run sent the submit and never learned the answer.</summary>
    public bool OutcomeUnknown => State == LedgerItemState.Submitting;

    /// <summary>
    /// The item after one step of the state machine: pending → submitting → submitted(token) → done/failed, with a
    /// busy or refused submit going back to pending, a one-call vendor going from submitting straight to done, and a
    /// failed item that never had a job accepted starting over.
    /// </summary>
    /// <param name="state">The next state.</param>
    /// <param name="jobToken">The accepted job's token (required for <see cref="LedgerItemState.Submitted"/>).</param>
    /// <param name="error">Why it failed, or what is unknown.</param>
    /// <exception cref="InvalidOperationException">The step is not allowed, e.g. submitting an item the vendor already accepted.</exception>
    public LedgerItem MoveTo(LedgerItemState state, string? jobToken = null, string? error = null)
    {
        var allowed = (State, state) switch
        {
            (LedgerItemState.Pending, LedgerItemState.Submitting or LedgerItemState.Failed) => true,
            (LedgerItemState.Submitting, LedgerItemState.Submitted or LedgerItemState.Done or LedgerItemState.Failed or LedgerItemState.Pending) => true,

            // Only an explicit retry of an unknown outcome sends the same item again.
            (LedgerItemState.Submitting, LedgerItemState.Submitting) => true,
            (LedgerItemState.Submitted, LedgerItemState.Done or LedgerItemState.Failed) => true,

            // A job the vendor accepted is never submitted again, even after it failed: that would pay twice.
            (LedgerItemState.Failed, LedgerItemState.Submitting) => JobToken is null,
            _ => false,
        };
        if (!allowed)
        {
            throw new InvalidOperationException($"Ledger item '{Key}' cannot go from {State} to {state}{(JobToken is null ? "" : " (the vendor accepted job " + JobToken + ")")}.");
        }

        if (state == LedgerItemState.Submitted && string.IsNullOrEmpty(jobToken))
        {
            throw new ArgumentException("A submitted item needs the accepted job's token.", nameof(jobToken));
        }

        return this with
        {
            State = state,
            JobToken = jobToken ?? JobToken,
            Error = state is LedgerItemState.Failed or LedgerItemState.Submitting ? error : null,
            HowToCheck = state == LedgerItemState.Submitting ? HowToCheck : null,
            Submissions = state == LedgerItemState.Submitting ? Submissions + 1 : Submissions,
        };
    }
}
