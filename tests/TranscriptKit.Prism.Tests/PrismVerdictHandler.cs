using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Prism.Tests;

/// <summary>
/// Sits under the transcriber's <see cref="HttpClient"/> and keeps what Prism said about each exchange it proxied: the
/// problem document it answers instead of the vendor when a request or answer breaks the spec (<c>--errors</c>), and
/// the <c>sl-violations</c> header it adds to an answer it let through with lesser findings. Everything else passes
/// untouched; calls that do not go through Prism (signed storage URLs on the sandbox) are only counted.
/// </summary>
internal sealed class PrismVerdictHandler(Uri prism) : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly ConcurrentQueue<string> _verdicts = new();
    private readonly ConcurrentQueue<string> _proxied = new();

    /// <summary>Each finding as "METHOD /path → status: Prism's message".</summary>
    public IReadOnlyList<string> Verdicts => _verdicts.ToArray();

    /// <summary>"METHOD /path status" of every exchange that went through Prism, in order.</summary>
    public IReadOnlyList<string> Proxied => _proxied.ToArray();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var uri = request.RequestUri!;
        if (!(uri.Host == prism.Host && uri.Port == prism.Port))
        {
            return response;
        }

        var exchange = $"{request.Method} {uri.PathAndQuery}";
        _proxied.Enqueue($"{exchange} {(int)response.StatusCode}");

        // Prism's own answers are problem documents typed under its errors page; a vendor's error body is not.
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (body.Contains("stoplight.io/prism/errors", StringComparison.Ordinal))
            {
                _verdicts.Enqueue($"{exchange} → {(int)response.StatusCode}: {body}");
                return response;
            }
        }

        // An answer Prism let through but found fault with (a warning, or anything without --errors).
        if (response.Headers.TryGetValues("sl-violations", out var violations))
        {
            _verdicts.Enqueue($"{exchange} → {(int)response.StatusCode} with sl-violations: {string.Join(" ", violations)}");
        }

        return response;
    }

    /// <summary>The verdicts as lines, or "(none)".</summary>
    public string Describe() => Verdicts.Count == 0 ? "(none)" : string.Join(Environment.NewLine, Verdicts.Select(v => "  " + v));
}
