using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Tests;

/// <summary>An in-memory transport: records every request (with its body) and answers from a queue or a function.</summary>
public sealed class StubHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<RecordedRequest, HttpResponseMessage>> _responses = new();
    private Func<RecordedRequest, HttpResponseMessage>? _fallback;

    public List<RecordedRequest> Requests { get; } = new();

    /// <summary>Queues a JSON answer.</summary>
    public StubHandler Respond(HttpStatusCode status, string body, string mediaType = "application/json", Action<HttpResponseMessage>? configure = null)
    {
        _responses.Enqueue(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
            configure?.Invoke(response);
            return response;
        });
        return this;
    }

    /// <summary>Queues an answer built from the request.</summary>
    public StubHandler Respond(Func<RecordedRequest, HttpResponseMessage> responder)
    {
        _responses.Enqueue(responder);
        return this;
    }

    /// <summary>Answers every request not covered by the queue.</summary>
    public StubHandler Otherwise(Func<RecordedRequest, HttpResponseMessage> responder)
    {
        _fallback = responder;
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, request.Headers.ToString(), request.Content?.Headers.ContentType?.ToString(), body, request);
        lock (Requests)
        {
            Requests.Add(recorded);
        }

        if (_responses.TryDequeue(out var responder) || (responder = _fallback) is not null)
        {
            var response = responder(recorded);
            response.RequestMessage ??= request;
            return response;
        }

        throw new InvalidOperationException($"No stubbed response left for {request.Method} {request.RequestUri}.");
    }
}

/// <summary>A request as the stub saw it.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string Headers, string? ContentType, byte[]? Body, HttpRequestMessage Message)
{
    public string BodyText => Body is null ? string.Empty : Encoding.UTF8.GetString(Body);

    public string? Header(string name) =>
        Message.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
