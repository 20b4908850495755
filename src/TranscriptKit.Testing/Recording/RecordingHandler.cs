using System;
using System.Net.Http;
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
/// recording (each event's arrival time is kept, for <see cref="ReplayTiming.Original"/>). Exchanges are appended as
/// their responses complete. For record, replay and record-if-missing from one file, use <see cref="CassetteHandler"/>.
/// </remarks>
public sealed class RecordingHandler : DelegatingHandler
{
    private readonly ExchangeRecorder _recorder;
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
        _recorder = new ExchangeRecorder(options ?? new RecordingOptions());
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
        var (response, interaction) = await _recorder.SendAsync(request, base.SendAsync, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            Cassette.Interactions.Add(interaction);
        }

        return response;
    }

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();
}
