using System;
using System.Linq;
using System.Threading;
using Microsoft.Kiota.Abstractions;

namespace TranscriptKit.Runtime;

/// <summary>
/// Kiota's <see cref="RequestInformation"/> costs about 600 bytes before it holds anything (its path, query, header
/// and option dictionaries), on every call. The design keeps it as the seam generated clients describe requests with;
/// a client pays for it once by reusing a few, emptied, the way <c>Microsoft.Extensions.ObjectPool</c> pools objects.
/// </summary>
internal sealed class RequestPool
{
    private readonly RequestInformation?[] _items = new RequestInformation?[Math.Clamp(Environment.ProcessorCount * 2, 4, 64)];

    /// <summary>An empty request: a reused one, or a new one when none is free.</summary>
    public RequestInformation Rent()
    {
        for (var i = 0; i < _items.Length; i++)
        {
            var item = Volatile.Read(ref _items[i]);
            if (item is not null && Interlocked.CompareExchange(ref _items[i], null, item) == item)
            {
                return item;
            }
        }

        return new RequestInformation();
    }

    /// <summary>
    /// Empties a request whose call has ended and keeps it for the next one. Only for a request whose
    /// <see cref="RequestInformation.URI"/> was never set: Kiota keeps a set URL and there is no way to clear it.
    /// </summary>
    public void Return(RequestInformation request)
    {
        // Options and a body are not the generated clients' (their bodies are RequestBody): such a request is not reused.
        if (request.RequestOptions.Any() || request.Content != System.IO.Stream.Null)
        {
            return;
        }

        request.PathParameters.Clear();
        request.QueryParameters.Clear();
        request.Headers.Clear();
        for (var i = 0; i < _items.Length; i++)
        {
            if (Interlocked.CompareExchange(ref _items[i], request, null) is null)
            {
                return;
            }
        }
    }
}
