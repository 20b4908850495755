using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Polly;
using Polly.Retry;
using TranscriptKit.Authentication;
using TranscriptKit.Errors;

namespace TranscriptKit.Runtime;

/// <summary>
/// Sends the requests a generated client describes as Kiota <see cref="RequestInformation"/>: authenticates them
/// through an <see cref="IAuthenticationProvider"/>, sends them over <see cref="HttpClient"/> with
/// <see cref="HttpCompletionOption.ResponseHeadersRead"/> (bodies stream), retries through Polly, and turns
/// failures into <see cref="TranscriptKitException"/>s. One per client; thread-safe.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed partial class ClientPipeline : IDisposable
{
    private const string BaseUrlParameter = "baseurl";
    private const int MaxErrorBodyBytes = 64 * 1024;

    // Bodies up to this size are read into pooled arrays by the SendAndRead… methods; a larger one gets its own array,
    // so the shared pool never holds on to a rare huge body.
    private const int MaxPooledBodyBytes = 1024 * 1024;
    private static readonly ResiliencePropertyKey<CallShape> s_callShape = new("TranscriptKit.CallShape");
    private static readonly ProductInfoHeaderValue s_userAgent = new(
        "TranscriptKit",
        typeof(ClientPipeline).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0");

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly IAuthenticationProvider _auth;
    private readonly IHeaderCredentials? _headerCredentials;
    private readonly string _baseUrl;
    private readonly TimeSpan _requestTimeout;
    private readonly TimeSpan _uploadIdleTimeout;
    private readonly TimeSpan _eventIdleTimeout;
    private readonly long _maxBodyBytes;
    private readonly int _maxEventBytes;
    private readonly RetryOptions _retry;
    private readonly ResiliencePipeline<Answer> _resilience;
    private readonly string _userAgent;
    private readonly SecretMask _mask;
    private readonly RequestPool _requestPool = new();

    // Timed attempts' clocks, kept once reset: the timer, the token source and the registrations HttpClient makes on
    // its token are then made once per spare, not once per call.
    private readonly AttemptClock?[] _spareClocks = new AttemptClock?[Math.Min(2 * Environment.ProcessorCount, 16)];
    private volatile bool _disposed;

    // Both or neither: a report without the vendor's schema has nothing to compare with. Null keeps the per-call path as it was.
    private readonly (DriftReport Report, ResponseSchema Schema)? _drift;

    /// <summary>Creates the pipeline for one client.</summary>
    /// <param name="vendor">The vendor as its spec describes it.</param>
    /// <param name="options">The client's options.</param>
    /// <param name="authentication">Adds credentials to each request.</param>
    /// <param name="httpClient">A caller's client (for example from <c>IHttpClientFactory</c>); <see langword="null"/> creates one.</param>
    public ClientPipeline(VendorDescriptor vendor, TranscriptKitClientOptions options, IAuthenticationProvider authentication, HttpClient? httpClient)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(authentication);
        var endpoint = options.Endpoint ?? throw new ArgumentException($"{options.GetType().Name}.Endpoint is required.", nameof(options));
        EndpointSecurity.EnsureSecure(endpoint, $"{vendor.DisplayName} endpoint");
        if (options.RequestTimeout <= TimeSpan.Zero && options.RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RequestTimeout, "RequestTimeout must be positive or infinite.");
        }

        RequirePositive(options.UploadIdleTimeout, nameof(options.UploadIdleTimeout));
        RequirePositive(options.EventIdleTimeout, nameof(options.EventIdleTimeout));
        if (options.MaxResponseBodyBytes <= 0 || options.MaxResponseBodyBytes > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxResponseBodyBytes, $"MaxResponseBodyBytes must be between 1 and {Array.MaxLength}.");
        }

        if (options.MaxEventBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxEventBytes, "MaxEventBytes must be positive.");
        }

        Vendor = vendor;
        TimeProvider = options.TimeProvider ?? TimeProvider.System;
        Logger = options.Logger;
        _auth = authentication;
        _headerCredentials = authentication as IHeaderCredentials;
        _mask = SecretMask.Of(authentication);
        _drift = options.Drift is { } report && vendor.Responses is { } schema ? (report, schema()) : null;
        _baseUrl = endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');
        _requestTimeout = options.RequestTimeout;
        _uploadIdleTimeout = options.UploadIdleTimeout;
        _eventIdleTimeout = options.EventIdleTimeout;
        _maxBodyBytes = options.MaxResponseBodyBytes;
        _maxEventBytes = options.MaxEventBytes;
        _retry = options.Retry ?? new RetryOptions();
        // Parsed to refuse an invalid application id here; sent as one preformatted value (no header collection per request).
        _userAgent = string.IsNullOrWhiteSpace(options.ApplicationId) ? s_userAgent.ToString() : $"{s_userAgent} {ProductInfoHeaderValue.Parse(options.ApplicationId)}";
        if (httpClient is null)
        {
            // Our own client: per-attempt timeouts are ours, so HttpClient's 100 s cap must not cut a long operation short.
            _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
            _ownsHttp = true;
        }
        else
        {
            _http = httpClient;
        }

        _resilience = BuildResilience(_retry, TimeProvider);
        CreateRateLimiters(ResolveRateLimit(vendor, options));
    }

    /// <summary>The vendor this pipeline talks to.</summary>
    public VendorDescriptor Vendor { get; }

    /// <summary>The clock for retries, timeouts and polling.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The client's logger, if any (<see cref="TranscriptKitClientOptions.Logger"/>).</summary>
    public Microsoft.Extensions.Logging.ILogger? Logger { get; }

    /// <summary>Starts a request for <paramref name="urlTemplate"/>, an RFC 6570 template beginning with <c>{+baseurl}</c>.</summary>
    /// <remarks>Hand the request to <see cref="SendAsync"/> once and let it go: the pipeline may reuse it for a later call.</remarks>
    public RequestInformation CreateRequest(Method method, string urlTemplate)
    {
        var request = _requestPool.Rent();
        request.HttpMethod = method;
        request.UrlTemplate = urlTemplate;
        request.PathParameters[BaseUrlParameter] = _baseUrl;
        return request;
    }

    /// <summary>
    /// Sends a request and returns a successful response with its body still unread; a failed one is read,
    /// disposed and thrown as a <see cref="TranscriptKitException"/>.
    /// </summary>
    /// <remarks>
    /// For an event stream, and for code generated before the <c>SendAndRead…</c> methods: those read the body from a
    /// pooled buffer instead, without handing a response out.
    /// </remarks>
    public async Task<HttpResponseMessage> SendAsync(RequestInformation request, RequestBody? body, OperationDescriptor operation, CancellationToken cancellationToken)
    {
        var answer = await SendCoreAsync(request, body, operation, pooled: false, cancellationToken).ConfigureAwait(false);
        answer.ThrowIfRefused();
        if (answer.Response.Content is not LiveCallContent)
        {
            Replace(answer.Response, new CallContent(answer.Body.Unpooled(), operation));
        }

        return answer.Response;
    }

    /// <summary>Sends a request and reads its JSON answer with the generated reader.</summary>
    /// <returns>The parsed body.</returns>
    public ValueTask<T> SendAndReadJsonAsync<T>(RequestInformation request, RequestBody? body, OperationDescriptor operation, JsonReadFunc<T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        return SendAndReadAsync(request, body, operation, read, static (self, response, call, bytes, read) => self.ParseJson(response, call, bytes, read), cancellationToken);
    }

    /// <summary>Sends a request and reads its text answer.</summary>
    /// <returns>The body as UTF-8 text.</returns>
    public ValueTask<string> SendAndReadTextAsync(RequestInformation request, RequestBody? body, OperationDescriptor operation, CancellationToken cancellationToken) =>
        SendAndReadAsync(request, body, operation, Encoding.UTF8, static (_, _, _, bytes, utf8) => utf8.GetString(bytes.Span), cancellationToken);

    /// <summary>Sends a request whose answer carries nothing the caller reads (its body is read under the cap, then dropped).</summary>
    /// <returns>A task that completes when the call succeeded.</returns>
    public async ValueTask SendAndDiscardAsync(RequestInformation request, RequestBody? body, OperationDescriptor operation, CancellationToken cancellationToken)
    {
        var answer = await SendCoreAsync(request, body, operation, pooled: true, cancellationToken).ConfigureAwait(false);
        answer.ThrowIfRefused();
        answer.Body.Release();
        answer.Dispose();
    }

    /// <summary>
    /// The <c>SendAndRead…</c> methods' one shape: the call, then <paramref name="read"/> over the body in its pooled
    /// buffer, which is released (and the response disposed) as soon as the reader is done, whatever it returned or threw.
    /// </summary>
    private async ValueTask<T> SendAndReadAsync<T, TState>(RequestInformation request, RequestBody? body, OperationDescriptor operation, TState state, Func<ClientPipeline, HttpResponseMessage, OperationDescriptor, ReadOnlyMemory<byte>, TState, T> read, CancellationToken cancellationToken)
    {
        var answer = await SendCoreAsync(request, body, operation, pooled: true, cancellationToken).ConfigureAwait(false);
        answer.ThrowIfRefused();
        try
        {
            return read(this, answer.Response, operation, answer.Body.Memory, state);
        }
        finally
        {
            answer.Body.Release();
            answer.Dispose();
        }
    }

    /// <summary>
    /// The call: authentication, the rate limit, the attempts under the retry rule, and the mapping of a failed answer
    /// to a <see cref="TranscriptKitException"/>, which comes back in <see cref="Answer.Error"/> for the caller to throw
    /// (<see cref="Answer.ThrowIfRefused"/>). A successful answer has its body in memory (in a pooled buffer when
    /// <paramref name="pooled"/>, for the caller to release) or, for an event stream, still open.
    /// </summary>
    private async ValueTask<Answer> SendCoreAsync(RequestInformation request, RequestBody? body, OperationDescriptor operation, bool pooled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(operation);
        cancellationToken.ThrowIfCancellationRequested();

        var uri = TryExpandUri(request);

        // Kiota keeps a URL set through URI for good, so only a request whose URI was never set can serve another call.
        var reusable = uri is not null && _headerCredentials is not null;
        uri ??= request.URI;
        try
        {
            if (_headerCredentials is null)
            {
                // A user's provider: Kiota expands the URL template on every read of URI (about 2 KB of garbage each), so
                // pin one expansion for the provider; it may change the URL (a key in the query), which is then read back.
                request.URI = uri;
                await _auth.AuthenticateRequestAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
                uri = request.URI;
            }

            NotePoll(operation);
            var shape = new CallShape(operation.Idempotent, body?.IsReplayable ?? true);
            using var permits = await AcquireAsync(request: true, upload: body?.IsStreaming ?? false, cancellationToken).ConfigureAwait(false);
            Answer answer;
            try
            {
                answer = await ExecuteWithRetriesAsync(
                    shape,
                    static (state, ct) => state.Self.SendOnceAsync(state.Request, state.Uri, state.Body, state.Operation, state.Pooled, ct),
                    (Self: this, Request: request, Uri: uri, Body: body, Operation: operation, Pooled: pooled),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (AttemptTimeoutException ex)
            {
                var submission = SubmissionOf(operation.Idempotent, status: null, ex);
                throw new TranscriptKitTimeoutException(
                    Vendor.Id,
                    $"{Vendor.DisplayName} did not {ex.What} for {operation.OperationId}" + (submission == SubmissionOutcome.Unknown ? "; the request may have started a job, so it was not sent again." : "."),
                    job: null,
                    ex.Timeout,
                    ex).ForCall(operation.OperationId, submission);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                throw TransportError(operation, ex);
            }
            catch (TranscriptKitException ex)
            {
                ex.ForCall(operation.OperationId, SubmissionOf(operation.Idempotent, ex.Status, ex));
                throw;
            }

            var response = answer.Response;
            if (_drift is { } drift)
            {
                DriftCheck.CheckStatus(drift.Schema, operation.OperationId, (int)response.StatusCode, drift.Report);
            }

            if (response.IsSuccessStatusCode)
            {
                return answer;
            }

            // Returned, not thrown: the caller throws it once, so an error crosses one async frame fewer (each costs
            // a rethrow).
            try
            {
                return Answer.Refused(ErrorResponseMapper.Map(Vendor, response, answer.Body.Span, TimeProvider, operation.OperationId, _mask).ForCall(operation.OperationId, SubmissionOf(operation.Idempotent, response.StatusCode, fault: null)));
            }
            finally
            {
                answer.Body.Release();
                answer.Dispose();
            }
        }
        finally
        {
            if (reusable)
            {
                _requestPool.Return(request);
            }
        }
    }

    /// <summary>Reads a JSON body with the generated reader, then disposes the response.</summary>
    public async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonReadFunc<T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(read);
        using (response)
        {
            var body = await ReadAllAsync(response, cancellationToken).ConfigureAwait(false);
            return ParseJson(response, DescriptorOf(response), body, read);
        }
    }

    /// <summary>Parses a body in memory; a body the spec's model cannot read names the operation and the field.</summary>
    private T ParseJson<T>(HttpResponseMessage response, OperationDescriptor? call, ReadOnlyMemory<byte> body, JsonReadFunc<T> read)
    {
        var operationId = call?.OperationId ?? OperationOf(response);
        if (_drift is { } drift && operationId is not null)
        {
            DriftCheck.CheckBody(drift.Schema, operationId, body.Span, _mask, drift.Report);
        }

        try
        {
            return JsonPrimitives.Parse(body.Span, read);
        }
        catch (Exception ex) when (JsonPrimitives.IsMismatch(ex))
        {
            throw BodyMismatch(response, call, operationId, pathPrefix: null, body, ex);
        }
    }

    /// <summary>Reads a text body, then disposes the response.</summary>
    public async Task<string> ReadTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        using (response)
        {
            var body = await ReadAllAsync(response, cancellationToken).ConfigureAwait(false);
            return Encoding.UTF8.GetString(body.Span);
        }
    }

    /// <summary>Disposes the response without reading it, for operations that return nothing.</summary>
    public static void Discard(HttpResponseMessage response) => response.Dispose();

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        for (var i = 0; i < _spareClocks.Length; i++)
        {
            Interlocked.Exchange(ref _spareClocks[i], null)?.Dispose();
        }

        DisposeRateLimiters();
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    /// <summary>
    /// Runs attempts under the retry rule; the call's shape decides what may be sent again. The first attempt runs on
    /// its own: most calls need no second, so only an outcome the rule retries enters the retry pipeline, which takes
    /// it as its first attempt (same backoff, same count) and makes the rest.
    /// </summary>
    private async ValueTask<Answer> ExecuteWithRetriesAsync<TState>(CallShape shape, Func<TState, CancellationToken, ValueTask<Answer>> attempt, TState state, CancellationToken cancellationToken)
    {
        Outcome<Answer> first;
        try
        {
            var answer = await attempt(state, cancellationToken).ConfigureAwait(false);
            if (_retry.MaxRetries <= 0 || !ShouldRetry(exception: null, answer.Response, shape, _retry, TimeProvider))
            {
                return answer;
            }

            first = Outcome.FromResult(answer);
        }
        catch (Exception ex) when (_retry.MaxRetries > 0 && ShouldRetry(ex, response: null, shape, _retry, TimeProvider))
        {
            first = Outcome.FromException<Answer>(ex);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(s_callShape, shape);
        try
        {
            var outcome = await _resilience.ExecuteOutcomeAsync(
                static async (ctx, call) =>
                {
                    if (call.First.Value is { } replayed)
                    {
                        call.First.Value = null;
                        return replayed;
                    }

                    try
                    {
                        return Outcome.FromResult(await call.Attempt(call.State, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<Answer>(ex);
                    }
                },
                context,
                (Attempt: attempt, State: state, First: new StrongBox<Outcome<Answer>?>(first))).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The typed error for a connection that failed or broke off, naming vendor and operation.</summary>
    private TranscriptKitTransportException TransportError(OperationDescriptor operation, Exception ex)
    {
        var submission = SubmissionOf(operation.Idempotent, (ex as BodyCutException)?.Status, ex);
        var text = ex is BodyCutException
            ? $"{Vendor.DisplayName} {operation.OperationId}: the connection broke off before the answer was complete ({ex.Message})."
            : $"Could not reach {Vendor.DisplayName} for {operation.OperationId}: {ex.Message}";
        var advice = submission == SubmissionOutcome.Unknown ? " The request may have started a job, so it was not sent again: check the vendor's job list before submitting again." : string.Empty;
        return (TranscriptKitTransportException)new TranscriptKitTransportException(
            Vendor.Id,
            _mask.Apply(text + advice),
            ex).ForCall(operation.OperationId, submission);
    }

    /// <summary>
    /// Expands the generated templates' common shape, <c>{+baseurl}/path/{name}</c> with string values, as RFC 6570 simple
    /// expansion does (every character but RFC 3986's unreserved ones percent-encoded, UTF-8); any other template (query
    /// expressions, operators, non-string values) is left to Kiota's expansion (null).
    /// </summary>
    private static Uri? TryExpandUri(RequestInformation request)
    {
        var template = request.UrlTemplate;
        if (template is null || !template.StartsWith("{+" + BaseUrlParameter + "}", StringComparison.Ordinal) ||
            !request.PathParameters.TryGetValue(BaseUrlParameter, out var baseUrl) || baseUrl is not string baseText)
        {
            return null;
        }

        if (request.PathParameters is not Dictionary<string, object> parameters || !parameters.TryGetAlternateLookup<ReadOnlySpan<char>>(out var byName))
        {
            return null;
        }

        // Written into a stack buffer, parameter names looked up as spans: only the URL's string and Uri are allocated.
        var builder = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        builder.AppendLiteral(baseText);
        var position = BaseUrlParameter.Length + 3;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            if (open < 0)
            {
                builder.AppendFormatted(template.AsSpan(position));
                break;
            }

            var close = template.IndexOf('}', open);
            if (close < 0)
            {
                builder.ToStringAndClear();
                return null;
            }

            var name = template.AsSpan(open + 1, close - open - 1);
            // Kiota's expansion matches names exactly, while its dictionary ignores case: a name found under another
            // case is left to Kiota, so the URL is always the one Kiota would build.
            if (name.IsEmpty || "+#./;?&=,!@|:*".Contains(name[0]) || name.IndexOfAny(",:*") >= 0 ||
                !byName.TryGetValue(name, out var key, out var value) || !name.SequenceEqual(key) || value is not string text)
            {
                builder.ToStringAndClear();
                return null;
            }

            builder.AppendFormatted(template.AsSpan(position, open - position));
            builder.AppendLiteral(Uri.EscapeDataString(text));
            position = close + 1;
        }

        return new Uri(builder.ToStringAndClear());
    }

    private static HttpMethod ToHttpMethod(Method method) => method switch
    {
        Method.GET => HttpMethod.Get,
        Method.POST => HttpMethod.Post,
        Method.PUT => HttpMethod.Put,
        Method.PATCH => HttpMethod.Patch,
        Method.DELETE => HttpMethod.Delete,
        Method.HEAD => HttpMethod.Head,
        Method.OPTIONS => HttpMethod.Options,
        _ => new HttpMethod(method.ToString()),
    };

    private static ResiliencePipeline<Answer> BuildResilience(RetryOptions retry, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<Answer> { TimeProvider = timeProvider };
        if (retry.MaxRetries <= 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions<Answer>
        {
            MaxRetryAttempts = retry.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = retry.BaseDelay,
            MaxDelay = retry.MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Exception, args.Outcome.Exception is null ? args.Outcome.Result.Response : null, args.Context.Properties.GetValue(s_callShape, default), retry, timeProvider)),
            // ShouldRetry has already refused a Retry-After over the cap, so any wait asked for here is honoured as is.
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is null ? RetryAfter.From(args.Outcome.Result.Response, timeProvider) : null),
        }).Build();
    }

    /// <summary>
    /// The one retry rule. A transport fault, a timeout or a 5xx may hide a request the vendor accepted, so only an
    /// idempotent call is repeated after them; 429 means the vendor refused, so any call is. Every retryable status
    /// honours <c>Retry-After</c>, and one asking for longer than <see cref="RetryOptions.MaxRetryAfter"/> is not
    /// waited for: the error surfaces carrying the wait, for the caller (or the poller) to decide.
    /// </summary>
    private static bool ShouldRetry(Exception? exception, HttpResponseMessage? response, CallShape shape, RetryOptions retry, TimeProvider timeProvider)
    {
        if (!shape.Replayable)
        {
            return false;
        }

        if (exception is not null || response is null)
        {
            return shape.Idempotent && exception is not null && IsTransportFault(exception);
        }

        var status = (int)response.StatusCode;
        if (status != 429 && !(shape.Idempotent && status is 500 or 502 or 503 or 504))
        {
            return false;
        }

        var after = RetryAfter.From(response, timeProvider);
        return after is null || after <= retry.MaxRetryAfter;
    }

    /// <summary>
    /// Beside <see cref="ShouldRetry"/>, the one place that says whether a failed call may have started a job.
    /// Idempotent calls start none. A 4xx (429 included) is a refusal. Any other answer (a 5xx, or a 2xx whose body
    /// was lost or unreadable) came from a vendor that had the request. With no answer, only a connection that never
    /// opened proves nothing was sent; a timeout or a reset after sending may hide an accepted job.
    /// </summary>
    internal static SubmissionOutcome SubmissionOf(bool idempotent, HttpStatusCode? status, Exception? fault)
    {
        if (idempotent)
        {
            return SubmissionOutcome.NotASubmission;
        }

        if (status is { } answered)
        {
            return (int)answered is >= 400 and < 500 ? SubmissionOutcome.NotAccepted : SubmissionOutcome.Unknown;
        }

        return fault is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError }
            ? SubmissionOutcome.NotAccepted
            : SubmissionOutcome.Unknown;
    }

    /// <summary>A fault of the connection rather than an answer: failed, reset, cut mid-body, or out of time.</summary>
    private static bool IsTransportFault(Exception fault) => fault is HttpRequestException or IOException or AttemptTimeoutException;

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive or infinite.");
        }
    }

    /// <summary>The body of a response: already in memory when the pipeline read it, else read here under the body cap.</summary>
    private async ValueTask<ReadOnlyMemory<byte>> ReadAllAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is CallContent content)
        {
            return content.Buffered;
        }

        var body = await BufferBodyAsync(response, DescriptorOf(response) ?? new OperationDescriptor("(response)", Idempotent: true), pooled: false, cancellationToken).ConfigureAwait(false);
        return body.Memory;
    }

    private readonly record struct CallShape(bool Idempotent, bool Replayable);

    private sealed class AttemptTimeoutException(string what, TimeSpan timeout, Exception inner) : TimeoutException($"The attempt timed out: the server did not {what}.", inner)
    {
        /// <summary>What did not happen in time, e.g. "answer within 2 s".</summary>
        public string What { get; } = what;

        public TimeSpan Timeout { get; } = timeout;
    }
}
