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
    private int _ended;

    /// <summary>How many of the batch's jobs have ended so far; read before a submit, handed to <see cref="WaitAsync"/>.</summary>
    public int Ended
    {
        get
        {
            lock (_waiters)
            {
                return _ended;
            }
        }
    }

    /// <summary>One of the batch's jobs ended (done or failed), so the vendor has a slot free.</summary>
    public void Signal()
    {
        lock (_waiters)
        {
            _ended++;
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
    /// <param name="endedBeforeSubmit"><see cref="Ended"/> read before the refused submit was sent: a job that ended
    /// since may have freed the slot after the vendor refused, and its signal must not be lost, so then there is no wait.</param>
    /// <param name="atMost">The longest wait.</param>
    /// <param name="clock">The clock of that wait.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    public async Task WaitAsync(int endedBeforeSubmit, TimeSpan atMost, TimeProvider clock, CancellationToken cancellationToken)
    {
        var freed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            if (_ended != endedBeforeSubmit)
            {
                return;
            }

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
