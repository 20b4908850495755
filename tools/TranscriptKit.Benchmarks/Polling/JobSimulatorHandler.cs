using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Benchmarks.Polling;

/// <summary>
/// A vendor's status operation that answers "running" (a recorded body) until the job's duration has passed on the
/// fake clock, then "done" (another recorded body). Counts the requests.
/// </summary>
internal sealed class JobSimulatorHandler(TrackingTimeProvider clock, DateTimeOffset completesAt, Exchange running, Exchange done) : HttpMessageHandler
{
    public int Requests { get; private set; }

    /// <summary>The <see cref="TrackingTimeProvider.NextSequence"/> of the last answered request.</summary>
    public long LastSequence { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests++;
        var exchange = clock.GetUtcNow() >= completesAt ? done : running;
        if (!request.RequestUri!.PathAndQuery.Equals(exchange.Path, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Polled {request.RequestUri.PathAndQuery}, the recording polls {exchange.Path}.");
        }

        var response = new HttpResponseMessage((HttpStatusCode)exchange.Status)
        {
            RequestMessage = request,
            Content = new StringContent(exchange.ResponseBody ?? string.Empty, Encoding.UTF8, "application/json"),
        };
        LastSequence = clock.NextSequence();
        return Task.FromResult(response);
    }
}
