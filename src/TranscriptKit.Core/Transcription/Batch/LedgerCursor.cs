using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit;

/// <summary>One item's ledger record as a batch moves it; every step is stored before the batch goes on. Without a ledger it does nothing.</summary>
internal sealed class LedgerCursor(ITranscriptionLedger? ledger, LedgerItem? item, LedgerLane? lane = null)
{
    public LedgerItem? Item { get; private set; } = item;

    public async Task MoveAsync(LedgerItemState state, string? jobToken = null, string? error = null, CancellationToken cancellationToken = default)
    {
        if (ledger is not null && Item is not null)
        {
            var next = Item.MoveTo(state, jobToken, error);
            Item = lane is null
                ? await ledger.UpdateAsync(next, cancellationToken).ConfigureAwait(false)
                : state == LedgerItemState.Submitting
                    ? await lane.UrgentAsync(() => ledger.UpdateAsync(next, cancellationToken)).ConfigureAwait(false)
                    : await lane.OrdinaryAsync(() => ledger.UpdateAsync(next, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task RecordUnknownAsync(TranscriptionSubmissionUnknownException unknown, CancellationToken cancellationToken)
    {
        if (ledger is not null && Item is not null)
        {
            Item = await ledger.UpdateAsync(Item with { Error = unknown.Message, HowToCheck = unknown.HowToCheck }, cancellationToken).ConfigureAwait(false);
        }
    }
}
