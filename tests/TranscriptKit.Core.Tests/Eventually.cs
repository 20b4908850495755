using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace TranscriptKit.Core.Tests;

/// <summary>
/// Lets work that a fake-clock advance released run to its next await. Time in the code under test only moves
/// through the fake clock; the short real waits here only hand the thread pool a turn, and are bounded so a bug
/// fails the test instead of hanging the run.
/// </summary>
internal static class Eventually
{
    private const int MaxTurns = 4000;

    public static async Task Until(Func<bool> condition, string what)
    {
        for (var i = 0; i < MaxTurns && !condition(); i++)
        {
            await Turn(i);
        }

        if (!condition())
        {
            throw new TimeoutException("Never happened: " + what);
        }
    }

    /// <summary>Advances <paramref name="clock"/> by <paramref name="step"/> until <paramref name="task"/> completes.</summary>
    public static async Task<T> Drive<T>(FakeTimeProvider clock, Task<T> task, TimeSpan step)
    {
        for (var i = 0; i < MaxTurns && !task.IsCompleted; i++)
        {
            clock.Advance(step);
            await Turn(i);
        }

        if (!task.IsCompleted)
        {
            throw new TimeoutException("The operation never completed on the fake clock.");
        }

        return await task;
    }

    private static async Task Turn(int i)
    {
        if (i < 100)
        {
            await Task.Yield();
        }
        else
        {
            await Task.Delay(1);
        }
    }
}
