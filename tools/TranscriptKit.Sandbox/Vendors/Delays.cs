using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TranscriptKit.Sandbox.Vendors;

/// <summary>Real waits that end early when the client leaves or the sandbox stops, so disposing never waits out a long delay.</summary>
internal static class Delays
{
    public static async Task WaitAsync(HttpContext context, TimeSpan delay)
    {
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        await Task.Delay(delay, linked.Token).ConfigureAwait(false);
    }

    /// <summary>Waits until the client leaves or the sandbox stops; always ends in <see cref="OperationCanceledException"/>.</summary>
    public static Task UntilClientLeavesAsync(HttpContext context) => WaitAsync(context, Timeout.InfiniteTimeSpan);
}
