using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit;

/// <summary>
/// A batch's durable memory: every item's state, written before and after each paid step, so a batch killed at any
/// moment and run again never submits an accepted item twice. Items are claimed with a lease and updated with an
/// optimistic version check, so one ledger can serve several workers (a shared database) without changing callers.
/// The embedded default is <c>SqliteTranscriptionLedger</c> in the <c>TranscriptKit.Batch.Sqlite</c> package.
/// </summary>
public interface ITranscriptionLedger
{
    /// <summary>Adds the items that are not in the ledger yet, as <see cref="LedgerItemState.Pending"/>; existing ones keep their state.</summary>
    /// <param name="keys">The items' keys.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task AddAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default);

    /// <summary>Every item, in the order they were added.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<LedgerItem>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims an item for <paramref name="owner"/> until its lease ends: returns it when it is free, its lease has
    /// expired, or <paramref name="owner"/> already holds it; <see langword="null"/> while another worker holds it.
    /// </summary>
    /// <param name="key">The item's key.</param>
    /// <param name="owner">The claiming worker's id.</param>
    /// <param name="lease">How long the claim lasts without an update.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="KeyNotFoundException">The item was never added.</exception>
    Task<LedgerItem?> TryClaimAsync(string key, string owner, System.TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="item"/> durably (on disk before this returns) if the stored copy still has its
    /// <see cref="LedgerItem.Version"/>, and returns it with the next version; the lease is kept.
    /// </summary>
    /// <param name="item">The item after <see cref="LedgerItem.MoveTo"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="TranscriptionLedgerConflictException">Another writer changed the item since it was read.</exception>
    Task<LedgerItem> UpdateAsync(LedgerItem item, CancellationToken cancellationToken = default);
}
