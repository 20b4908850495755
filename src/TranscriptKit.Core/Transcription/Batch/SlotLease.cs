using System.Threading;

namespace TranscriptKit;

/// <summary>One permit of a batch's semaphore, given back once however many paths try: the first that knows the permit's work is over.</summary>
internal sealed class SlotLease(SemaphoreSlim semaphore)
{
    private int _released;

    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            semaphore.Release();
        }
    }
}
