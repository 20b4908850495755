using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Testing;

/// <summary>
/// Sends one request through the real transport and turns the exchange into a redacted interaction: the one recording
/// path behind <see cref="RecordingHandler"/> and every recording mode of <see cref="CassetteHandler"/>, so redaction
/// cannot differ between them.
/// </summary>
internal sealed class ExchangeRecorder
{
    private readonly RecordingOptions _options;
    private readonly Redactor _redactor;

    public ExchangeRecorder(RecordingOptions options)
    {
        _options = options;
        _redactor = new Redactor(options);
    }

    /// <summary>Sends <paramref name="request"/> with <paramref name="send"/>; the response comes back fully buffered.</summary>
    public async Task<(HttpResponseMessage Response, CassetteInteraction Interaction)> SendAsync(
        HttpRequestMessage request,
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send,
        CancellationToken cancellationToken)
    {
        // A vendor may echo the credentials it was sent (in an error body, a URL, a header): hide them wherever they reappear.
        var secrets = _redactor.SecretsOf(request);
        var recordedRequest = await RecordRequestAsync(request, secrets, cancellationToken).ConfigureAwait(false);
        var time = _options.TimeProvider;
        var recordedAt = time.GetUtcNow();
        var response = await send(request, cancellationToken).ConfigureAwait(false);
        var headersArrived = time.GetTimestamp();
        var (body, eventOffsets) = await RebufferAsync(response, time, headersArrived, cancellationToken).ConfigureAwait(false);
        var interaction = new CassetteInteraction
        {
            Operation = request.Options.TryGetValue(RecordingHandler.OperationKey, out var operation) ? operation : null,
            // Whole seconds in UTC: an age is measured in days, and the file stays readable.
            RecordedAt = new DateTimeOffset(recordedAt.UtcTicks - (recordedAt.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero),
            Request = recordedRequest,
            Response = RecordResponse(response, body, secrets),
        };
        interaction.Response.EventOffsetsMs = eventOffsets;
        return (response, interaction);
    }

    private async Task<CassetteRequest> RecordRequestAsync(HttpRequestMessage request, Runtime.SecretMask secrets, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri;
        var recorded = new CassetteRequest
        {
            Method = request.Method.Method,
            Path = secrets.Apply(_redactor.Path(uri is null ? "/" : uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString), Redaction.Marker),
        };
        foreach (var (name, value) in HeaderValues.Of(request))
        {
            if (_options.RecordRequestHeaders.Contains(name))
            {
                var kept = name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) ? HeaderValues.WithoutBoundary(value) : value;
                recorded.Headers[name] = secrets.Apply(_redactor.Header(name, kept), Redaction.Marker);
            }
        }

        var content = request.Content;
        if (content is null)
        {
            return recorded;
        }

        if (!HttpBodies.MayBuffer(content, _options.MaxRecordedRequestBodyBytes))
        {
            // Never touched: the inner handler streams it from the source, so an upload costs no memory here.
            recorded.BodyMatch = BodyMatch.Ignore;
            return recorded;
        }

        // Reading buffers the content inside itself, so the inner handler still sends every byte.
        var text = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        recorded.Body = text.Length == 0 ? null : secrets.Apply(_redactor.Body(text), Redaction.Marker);
        recorded.BodyMatch = HttpBodies.MatchFor(content.Headers.ContentType?.MediaType);
        return recorded;
    }

    /// <summary>
    /// Reads the body to its end and puts a buffered copy on the response. For an event stream it notes, per event,
    /// the milliseconds since the headers arrived, so a replay can keep the original pacing.
    /// </summary>
    private static async Task<(byte[] Body, List<long>? EventOffsets)> RebufferAsync(HttpResponseMessage response, TimeProvider time, long headersArrived, CancellationToken cancellationToken)
    {
        var original = response.Content;
        byte[] bytes;
        List<long>? offsets = null;
        if (HttpBodies.IsEventStream(original.Headers.ContentType?.MediaType))
        {
            offsets = [];
            var ends = new List<long>();
            var boundaries = new EventBoundaries();
            using var buffer = new MemoryStream();
            var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var chunk = new byte[8192];
                int read;
                while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    buffer.Write(chunk, 0, read);
                    boundaries.Feed(chunk.AsSpan(0, read), ends);
                    var elapsed = (long)time.GetElapsedTime(headersArrived).TotalMilliseconds;
                    while (offsets.Count < ends.Count)
                    {
                        offsets.Add(elapsed);
                    }
                }
            }

            bytes = buffer.ToArray();
        }
        else
        {
            bytes = await original.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        var buffered = new ByteArrayContent(bytes);
        foreach (var header in original.Headers.NonValidated)
        {
            if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        response.Content = buffered;
        original.Dispose();
        return (bytes, offsets is { Count: > 0 } ? offsets : null);
    }

    private CassetteResponse RecordResponse(HttpResponseMessage response, byte[] body, Runtime.SecretMask secrets)
    {
        var recorded = new CassetteResponse
        {
            Status = (int)response.StatusCode,
            Body = body.Length == 0 ? null : secrets.Apply(_redactor.Body(Encoding.UTF8.GetString(body)), Redaction.Marker),
        };
        foreach (var (name, value) in HeaderValues.Of(response))
        {
            if (!_options.OmitResponseHeaders.Contains(name))
            {
                recorded.Headers[name] = secrets.Apply(_redactor.Header(name, value), Redaction.Marker);
            }
        }

        return recorded;
    }
}
