using System;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TranscriptKit.Tests;

/// <summary>Waits for work on other threads without real time passing (only yields, a bounded number of times), so fake-clock tests never sleep and a bug fails instead of hanging.</summary>
public static class Eventually
{
    private const int MaxYields = 200_000;

    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < MaxYields; i++)
        {
            if (condition())
            {
                // Let the code under test finish the synchronous part it is in (for example arming its next timer).
                for (var j = 0; j < 20; j++)
                {
                    await Task.Yield();
                }

                return;
            }

            await Task.Yield();
        }

        Assert.Fail($"Timed out (without real time passing) waiting for {what}.");
    }

    public static int Count(StubHandler handler)
    {
        lock (handler.Requests)
        {
            return handler.Requests.Count;
        }
    }

    public static Task RequestsAsync(StubHandler handler, int count) =>
        WaitUntilAsync(() => Count(handler) >= count, $"{count} request(s) (saw {Count(handler)})");

    public static Task RequestsAsync(HangingHandler handler, int count) =>
        WaitUntilAsync(() => handler.Count >= count, $"{count} request(s) (saw {handler.Count})");

    /// <summary>Yields a while, so that anything that was going to happen without the clock moving has happened.</summary>
    public static async Task SettleAsync()
    {
        for (var i = 0; i < 500; i++)
        {
            await Task.Yield();
        }
    }

    /// <summary>Awaits a task that must finish without the clock moving (bounded by yields, never by sleeping).</summary>
    public static async Task<T> CompletesAsync<T>(Task<T> task, string what)
    {
        await WaitUntilAsync(() => task.IsCompleted, what);
        return await task;
    }

    /// <summary>
    /// Moves the clock (through <paramref name="advance"/>) to just before <paramref name="interval"/> (nothing may be
    /// sent), then onto it (one request).
    /// </summary>
    public static async Task StepAsync(Action<TimeSpan> advance, StubHandler handler, TimeSpan interval, int requestsAfter)
    {
        advance(interval - TimeSpan.FromMilliseconds(1));
        await SettleAsync();
        Assert.That(Count(handler), Is.EqualTo(requestsAfter - 1), $"no status request before {interval.TotalSeconds} s have passed");
        advance(TimeSpan.FromMilliseconds(1));
        await RequestsAsync(handler, requestsAfter);
    }
}
