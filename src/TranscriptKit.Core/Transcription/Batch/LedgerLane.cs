using System;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit;

/// <summary>
/// Orders one batch's ledger writes. The "submitting" record stands between a freed vendor slot and the next submit,
/// so it goes first: other writes (claims, "submitted", "done") do not start while one is waiting. A durable ledger
/// commits one write at a time (an fsync each), and three writes queued ahead of it left the slot idle three times
/// as long.
/// </summary>
internal sealed class LedgerLane
{
    private readonly object _gate = new();
    private int _urgent;
    private TaskCompletionSource? _clear;

    /// <summary>A write that a submit is waiting for.</summary>
    public async Task<T> UrgentAsync<T>(Func<Task<T>> write)
    {
        lock (_gate)
        {
            _urgent++;
        }

        try
        {
            return await write().ConfigureAwait(false);
        }
        finally
        {
            TaskCompletionSource? clear = null;
            lock (_gate)
            {
                if (--_urgent == 0)
                {
                    (clear, _clear) = (_clear, null);
                }
            }

            clear?.TrySetResult();
        }
    }

    /// <summary>Any other write: it starts once no urgent one is waiting.</summary>
    public async Task<T> OrdinaryAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task clear;
            lock (_gate)
            {
                if (_urgent == 0)
                {
                    break;
                }

                _clear ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                clear = _clear.Task;
            }

            await clear.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return await write().ConfigureAwait(false);
    }
}
