using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Testing;

/// <summary>
/// Records every exchange a real client has with a vendor into a <see cref="Testing.Cassette"/>, redacting credentials
/// and signed URLs as it goes, so the run can be saved as a fixture and replayed with <see cref="ReplayingHandler"/>.
/// The client still gets every response in full; upload bodies stream through without being read.
/// </summary>
/// <remarks>
/// Responses are read to their end before the client sees them, so an event stream arrives all at once while
/// recording. Exchanges are appended as their responses complete.
/// </remarks>
public sealed class RecordingHandler : DelegatingHandler
{
    private readonly RecordingOptions _options;
    private readonly Redactor _redactor;
    private readonly Lock _gate = new();

    /// <summary>Creates a recorder in front of <paramref name="innerHandler"/>, the handler that reaches the vendor.</summary>
    /// <param name="innerHandler">The handler that sends requests for real, for example a <see cref="SocketsHttpHandler"/>.</param>
    /// <param name="vendor">The vendor id written to the cassette, for example <c>captioncat</c>.</param>
    /// <param name="scenario">The scenario name written to the cassette, for example <c>get-balance</c>.</param>
    /// <param name="options">What to record and redact; the defaults when <see langword="null"/>.</param>
    public RecordingHandler(HttpMessageHandler innerHandler, string vendor, string scenario, RecordingOptions? options = null)
        : this(vendor, scenario, options)
    {
        ArgumentNullException.ThrowIfNull(innerHandler);
        InnerHandler = innerHandler;
    }

    /// <summary>
    /// Creates a recorder whose inner handler is set later, as <c>IHttpClientFactory</c> does for a handler added with
    /// <c>AddHttpMessageHandler</c>.
    /// </summary>
    /// <param name="vendor">The vendor id written to the cassette, for example <c>captioncat</c>.</param>
    /// <param name="scenario">The scenario name written to the cassette, for example <c>get-balance</c>.</param>
    /// <param name="options">What to record and redact; the defaults when <see langword="null"/>.</param>
    public RecordingHandler(string vendor, string scenario, RecordingOptions? options = null)
    {
        Cassette = new Cassette(vendor, scenario);
        _options = options ?? new RecordingOptions();
        _redactor = new Redactor(_options);
    }

    /// <summary>
    /// The request option carrying the spec's operationId: every TranscriptKit client sets it
    /// (<see cref="TranscriptKitRequestOptions.OperationId"/>); other callers may set it themselves. The recorder writes it to
    /// the interaction's <see cref="CassetteInteraction.Operation"/>.
    /// </summary>
    public static HttpRequestOptionsKey<string> OperationKey => TranscriptKitRequestOptions.OperationId;

    /// <summary>The cassette being recorded; set its <see cref="Testing.Cassette.Description"/> and <see cref="Testing.Cassette.Source"/> before saving.</summary>
    public Cassette Cassette { get; }

    /// <summary>Writes what has been recorded so far to a cassette file.</summary>
    /// <param name="path">The file's path; its folder is created if needed.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public Task SaveAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json;
        lock (_gate)
        {
            json = Cassette.ToJson();
        }

        return Testing.Cassette.WriteAsync(path, json, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // A vendor may echo the credentials it was sent (in an error body, a URL, a header): hide them wherever they reappear.
        var secrets = _redactor.SecretsOf(request);
        var recordedRequest = await RecordRequestAsync(request, secrets, cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await RebufferAsync(response, cancellationToken).ConfigureAwait(false);
        var interaction = new CassetteInteraction
        {
            Operation = request.Options.TryGetValue(OperationKey, out var operation) ? operation : null,
            Request = recordedRequest,
            Response = RecordResponse(response, body, secrets),
        };
        lock (_gate)
        {
            Cassette.Interactions.Add(interaction);
        }

        return response;
    }

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();

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

    private static async Task<byte[]> RebufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var original = response.Content;
        var bytes = await original.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
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
        return bytes;
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
