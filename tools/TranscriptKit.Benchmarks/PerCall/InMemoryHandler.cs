using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Benchmarks.PerCall;

/// <summary>
/// Answers every request with one recorded response, without a network. The request body is written out as a real
/// handler would (lazy contents such as <c>JsonContent</c> serialize only then), so every peer pays for its body.
/// </summary>
internal sealed class InMemoryHandler : HttpMessageHandler
{
    private readonly HttpStatusCode _status;
    private readonly byte[] _body;
    private readonly MediaTypeHeaderValue? _contentType;

    public InMemoryHandler(Exchange exchange)
    {
        Exchange = exchange;
        _status = (HttpStatusCode)exchange.Status;
        _body = Encoding.UTF8.GetBytes(exchange.ResponseBody ?? string.Empty);
        _contentType = exchange.ContentType is null ? null : MediaTypeHeaderValue.Parse(exchange.ContentType);
    }

    public Exchange Exchange { get; }

    /// <summary>When set, the next requests are copied here (setup checks only; off while measuring).</summary>
    public Action<HttpRequestMessage, string?>? Capture { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Capture is { } capture)
        {
            capture(request, request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        else if (request.Content is { } content)
        {
            await content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var response = new HttpResponseMessage(_status) { RequestMessage = request, Content = new ByteArrayContent(_body) };
        if (_contentType is not null)
        {
            response.Content.Headers.ContentType = _contentType;
        }

        return response;
    }
}
