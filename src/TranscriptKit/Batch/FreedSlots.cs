using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit;

/// <summary>
/// Items that were refused for want of a free slot, waiting for one of the batch's own jobs to end. Each ended job
/// wakes one waiter (oldest first): it frees one slot at the vendor, so waking them all would only buy refusals.
/// </summary>
internal sealed class FreedSlots
{
    private readonly Queue<TaskCompletionSource> _waiters = new();

    /// <summary>One of the batch's jobs ended (done or failed), so the vendor has a slot free.</summary>
    public void Signal()
    {
        lock (_waiters)
        {
            // A waiter whose own delay already ran out is skipped, so the slot goes to one still waiting.
            while (_waiters.TryDequeue(out var waiter))
            {
                if (waiter.TrySetResult())
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// Waits until a job of the batch ends or <paramref name="atMost"/> passes, whichever is first: a slot held by
    /// someone else (another process on the same account) frees without telling us, so the delay still ends the wait.
    /// </summary>
    public async Task WaitAsync(TimeSpan atMost, TimeProvider clock, CancellationToken cancellationToken)
    {
        var freed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            _waiters.Enqueue(freed);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(atMost, clock, stop.Token);
        await Task.WhenAny(freed.Task, delay).ConfigureAwait(false);
        // Whichever came first, this waiter no longer takes a signal, and the timer is released.
        freed.TrySetCanceled(CancellationToken.None);
        await stop.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
