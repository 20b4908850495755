using System;
using System.Net.Http;

namespace TranscriptKit.Runtime;

/// <summary>Reads <c>Retry-After</c> as seconds or as an HTTP date.</summary>
internal static class RetryAfter
{
    public static TimeSpan? From(HttpResponseMessage response, TimeProvider? clock = null)
    {
        var header = response.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - (clock ?? TimeProvider.System).GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
