using System;
using System.Buffers;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Polly;
using Polly.Retry;
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
    private static readonly ResiliencePropertyKey<CallShape> s_callShape = new("TranscriptKit.CallShape");
    private static readonly ProductInfoHeaderValue s_userAgent = new(
        "TranscriptKit",
        typeof(ClientPipeline).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0");

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly IAuthenticationProvider _auth;
    private readonly string _baseUrl;
    private readonly TimeSpan _requestTimeout;
    private readonly RetryOptions _retry;
    private readonly ResiliencePipeline<HttpResponseMessage> _resilience;
    private readonly ProductInfoHeaderValue? _applicationAgent;
    private readonly SecretMask _mask;

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

        Vendor = vendor;
        TimeProvider = options.TimeProvider ?? TimeProvider.System;
        _auth = authentication;
        _mask = SecretMask.Of(authentication);
        _baseUrl = endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');
        _requestTimeout = options.RequestTimeout;
        _retry = options.Retry ?? new RetryOptions();
        _applicationAgent = string.IsNullOrWhiteSpace(options.ApplicationId) ? null : ProductInfoHeaderValue.Parse(options.ApplicationId);
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
    }

    /// <summary>The vendor this pipeline talks to.</summary>
    public VendorDescriptor Vendor { get; }

    /// <summary>The clock for retries, timeouts and polling.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Starts a request for <paramref name="urlTemplate"/>, an RFC 6570 template beginning with <c>{+baseurl}</c>.</summary>
    public RequestInformation CreateRequest(Method method, string urlTemplate)
    {
        var request = new RequestInformation { HttpMethod = method, UrlTemplate = urlTemplate };
        request.PathParameters[BaseUrlParameter] = _baseUrl;
        return request;
    }

    /// <summary>
    /// Sends a request and returns a successful response with its body still unread; a failed one is read,
    /// disposed and thrown as a <see cref="TranscriptKitException"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(RequestInformation request, RequestBody? body, OperationDescriptor operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(operation);
        cancellationToken.ThrowIfCancellationRequested();

        // Kiota expands the URL template on every read of URI (about 2 KB of garbage each): expand it once and pin it, so
        // the auth provider's https check and this method share one expansion.
        request.URI = ExpandUri(request);
        await _auth.AuthenticateRequestAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        var uri = request.URI;

        NotePoll(operation);
        var shape = new CallShape(operation.Idempotent, body?.IsReplayable ?? true);
        var timeout = body?.IsStreaming == true ? Timeout.InfiniteTimeSpan : operation.Timeout ?? _requestTimeout;
        HttpResponseMessage response;
        try
        {
            response = await ExecuteWithRetriesAsync(
                shape,
                static (state, ct) => state.Self.SendOnceAsync(state.Request, state.Uri, state.Body, state.Operation, state.Timeout, ct),
                (Self: this, Request: request, Uri: uri, Body: body, Operation: operation, Timeout: timeout),
                cancellationToken).ConfigureAwait(false);
        }
        catch (AttemptTimeoutException ex)
        {
            throw new TranscriptKitTimeoutException(
                Vendor.Id,
                $"{Vendor.DisplayName} did not answer {operation.OperationId} within {ex.Timeout.TotalSeconds:0.#} s" + (operation.Idempotent ? "." : "; the request may have started a job, so it was not sent again."),
                job: null,
                ex.Timeout,
                ex) { OperationId = operation.OperationId };
        }
        catch (HttpRequestException ex)
        {
            throw new TranscriptKitException(Vendor.Id, _mask.Apply($"Could not reach {Vendor.DisplayName} for {operation.OperationId}: {ex.Message}"), innerException: ex) { OperationId = operation.OperationId };
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var errorBody = await ReadLimitedAsync(response, MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
            throw ErrorResponseMapper.Map(Vendor, response, errorBody, TimeProvider, operation.OperationId, _mask);
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
            try
            {
                return JsonPrimitives.Parse(body.Span, read);
            }
            catch (Exception ex) when (JsonPrimitives.IsMismatch(ex))
            {
                throw BodyMismatch(response, OperationOf(response), pathPrefix: null, body, ex);
            }
        }
    }

    /// <summary>Reads a text body, then disposes the response.</summary>
    public async Task<string> ReadTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        using (response)
        {
            return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Disposes the response without reading it, for operations that return nothing.</summary>
    public static void Discard(HttpResponseMessage response) => response.Dispose();

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    /// <summary>Runs attempts through the retry pipeline; the call's shape decides what may be sent again.</summary>
    private async Task<HttpResponseMessage> ExecuteWithRetriesAsync<TState>(CallShape shape, Func<TState, CancellationToken, Task<HttpResponseMessage>> attempt, TState state, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(s_callShape, shape);
        try
        {
            var outcome = await _resilience.ExecuteOutcomeAsync(
                static async (ctx, call) =>
                {
                    try
                    {
                        return Outcome.FromResult(await call.Attempt(call.State, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                (Attempt: attempt, State: state)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(RequestInformation request, Uri uri, RequestBody? body, OperationDescriptor operation, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(ToHttpMethod(request.HttpMethod), uri);
        message.Options.Set(TranscriptKitRequestOptions.OperationId, operation.OperationId);
        message.Headers.UserAgent.Add(s_userAgent);
        if (_applicationAgent is not null)
        {
            message.Headers.UserAgent.Add(_applicationAgent);
        }

        if (!request.Headers.ContainsKey("Accept"))
        {
            message.Headers.TryAddWithoutValidation("Accept", "application/json");
        }

        if (body is not null)
        {
            message.Content = body.CreateContent();
        }

        foreach (var (name, values) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, values))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, values);
            }
        }

        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return WithRequest(await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false), message);
        }

        using var attempt = new CancellationTokenSource(timeout, TimeProvider);

        // A caller's token that can never cancel needs no linked source (most calls pass none).
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attempt.Token) : null;
        try
        {
            return WithRequest(await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked?.Token ?? attempt.Token).ConfigureAwait(false), message);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient's own Timeout also lands here; either way the caller did not cancel.
            throw new AttemptTimeoutException(attempt.IsCancellationRequested ? timeout : _http.Timeout, ex);
        }
    }

    /// <summary>
    /// Expands the generated templates' common shape, <c>{+baseurl}/path/{name}</c> with string values, as RFC 6570 simple
    /// expansion does (every character but RFC 3986's unreserved ones percent-encoded, UTF-8); any other template (query
    /// expressions, operators, non-string values) goes to Kiota's expansion.
    /// </summary>
    private static Uri ExpandUri(RequestInformation request)
    {
        var template = request.UrlTemplate;
        if (template is null || !template.StartsWith("{+" + BaseUrlParameter + "}", StringComparison.Ordinal) ||
            !request.PathParameters.TryGetValue(BaseUrlParameter, out var baseUrl) || baseUrl is not string baseText)
        {
            return request.URI;
        }

        var builder = new StringBuilder(template.Length + baseText.Length + 32).Append(baseText);
        var position = BaseUrlParameter.Length + 3;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            if (open < 0)
            {
                builder.Append(template, position, template.Length - position);
                break;
            }

            var close = template.IndexOf('}', open);
            if (close < 0)
            {
                return request.URI;
            }

            var name = template.AsSpan(open + 1, close - open - 1);
            if (name.IsEmpty || "+#./;?&=,!@|:*".Contains(name[0]) || name.IndexOfAny(",:*") >= 0 ||
                !request.PathParameters.TryGetValue(name.ToString(), out var value) || value is not string text)
            {
                return request.URI;
            }

            builder.Append(template, position, open - position).Append(Uri.EscapeDataString(text));
            position = close + 1;
        }

        return new Uri(builder.ToString());
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

    private static ResiliencePipeline<HttpResponseMessage> BuildResilience(RetryOptions retry, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (retry.MaxRetries <= 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = retry.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = retry.BaseDelay,
            MaxDelay = retry.MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.Properties.GetValue(s_callShape, default), retry, timeProvider)),
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable } response
                    ? RetryAfter.From(response, timeProvider)
                    : null),
        }).Build();
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, CallShape shape, RetryOptions retry, TimeProvider timeProvider)
    {
        if (!shape.Replayable)
        {
            return false;
        }

        if (outcome.Exception is not null)
        {
            // A transport fault or timeout may hide a request the vendor accepted: only safe to repeat if idempotent.
            return shape.Idempotent && outcome.Exception is HttpRequestException or AttemptTimeoutException;
        }

        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        if (status == 429)
        {
            // The vendor refused the request, so nothing was started; wait as asked unless that is too long.
            var after = RetryAfter.From(response, timeProvider);
            return after is null || after <= retry.MaxRetryAfter;
        }

        return shape.Idempotent && status is 500 or 502 or 503 or 504;
    }

    private static async Task<ReadOnlyMemory<byte>> ReadAllAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var length = response.Content.Headers.ContentLength;
            var buffer = new MemoryStream(length is > 0 and < int.MaxValue ? (int)length.Value : 4096);
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        }
    }

    private static async Task<byte[]> ReadLimitedAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = ArrayPool<byte>.Shared.Rent(limit);
                try
                {
                    var total = 0;
                    int read;
                    while (total < limit && (read = await stream.ReadAsync(buffer.AsMemory(total, limit - total), cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        total += read;
                    }

                    return buffer.AsSpan(0, total).ToArray();
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            // The status already says what failed; a body cut off mid-way only loses the vendor's wording.
            return Encoding.UTF8.GetBytes(string.Empty);
        }
    }

    private readonly record struct CallShape(bool Idempotent, bool Replayable);

    private sealed class AttemptTimeoutException(TimeSpan timeout, Exception inner) : TimeoutException($"The attempt timed out after {timeout}.", inner)
    {
        public TimeSpan Timeout { get; } = timeout;
    }
}
