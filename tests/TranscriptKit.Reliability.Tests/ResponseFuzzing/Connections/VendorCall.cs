using System;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Reliability.Tests.ResponseFuzzing.Connections;

/// <summary>What kind of exchange a call is, which decides the faults that apply to it.</summary>
public enum CallKind
{
    /// <summary>An idempotent status GET (what a poll sends).</summary>
    Poll,

    /// <summary>A job-starting POST: never sent twice.</summary>
    Create,

    /// <summary>A Server-Sent Events stream (read to its end).</summary>
    Stream,

    /// <summary>A file upload (multipart or signed-URL PUT).</summary>
    Upload,
}

/// <summary>
/// One representative call of a generated client, with the request the fault is aimed at.
/// </summary>
/// <param name="Vendor">The vendor id.</param>
/// <param name="Name">The call, for test names.</param>
/// <param name="Kind">Poll, create, stream or upload.</param>
/// <param name="StartsJob">Whether the targeted request must never be sent twice.</param>
/// <param name="Method">The targeted request's method.</param>
/// <param name="Path">The targeted request's path (exact, query left out).</param>
/// <param name="Invoke">Builds the client against the server and makes the call; returns what it returned.</param>
/// <param name="SpecTimeout">The operation's own timeout (<c>x-tk-timeout</c>), which takes the place of the short request timeout.</param>
public sealed record VendorCall(
    string Vendor,
    string Name,
    CallKind Kind,
    bool StartsJob,
    string Method,
    string Path,
    Func<Uri, CancellationToken, Task<object?>> Invoke,
    TimeSpan? SpecTimeout = null)
{
    public override string ToString() => $"{Vendor}.{Name}";
}
