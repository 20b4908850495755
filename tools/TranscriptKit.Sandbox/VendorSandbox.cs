using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TranscriptKit.Sandbox.Media;
using TranscriptKit.Sandbox.Vendors;

namespace TranscriptKit.Sandbox;

/// <summary>
/// A real HTTP server on 127.0.0.1 that emulates vendors' documented APIs (the built-in ones and any
/// <see cref="SandboxOptions.Emulators"/>), statefully, each under its own
/// path prefix (<see cref="GetEndpoint"/>). It never recognises speech: transcripts come from SRT sidecars next to
/// sample media, or say plainly that they are simulated.
/// </summary>
public sealed class VendorSandbox : IAsyncDisposable
{
    private const string FaultMarkerItem = "TranscriptKit.Sandbox.MarkFault";
    private const string MediaPrefix = "/media";

    private readonly WebApplication _app;
    private readonly IReadOnlyDictionary<string, VendorEmulator> _vendors;
    private readonly MediaLibrary _media;
    private readonly List<RequestEntry> _requests = [];
    private int _disposed;
    private volatile bool _stopping;

    private VendorSandbox(WebApplication app, IReadOnlyList<VendorEmulator> emulators, MediaLibrary media, SandboxOptions options, SandboxFaults faults)
    {
        _app = app;
        Emulators = emulators;
        VendorIds = emulators.Select(e => e.Id).ToArray();
        _vendors = emulators.ToDictionary(e => e.Id, StringComparer.OrdinalIgnoreCase);
        _media = media;
        ApiKey = options.ApiKey;
        ApiSecret = options.ApiSecret;
        Faults = faults;
        BaseAddress = new Uri("http://127.0.0.1/");
    }

    /// <summary>The ids of the vendors this sandbox emulates, built-in ones first, then <see cref="SandboxOptions.Emulators"/>.</summary>
    public IReadOnlyList<string> VendorIds { get; }

    /// <summary>The emulators this sandbox serves, in the order of <see cref="VendorIds"/>.</summary>
    public IReadOnlyList<VendorEmulator> Emulators { get; }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:5080/</c>.</summary>
    public Uri BaseAddress { get; private set; }

    /// <summary>The credential every vendor accepts (<see cref="SandboxOptions.ApiKey"/>).</summary>
    public string ApiKey { get; }

    /// <summary>The secret accepted by vendors that take a key and a secret (<see cref="SandboxOptions.ApiSecret"/>).</summary>
    public string ApiSecret { get; }

    /// <summary>Per-vendor fault switches.</summary>
    public SandboxFaults Faults { get; }

    /// <summary>
    /// A snapshot of the requests received so far, oldest first. Each is recorded as it arrives (so a request the
    /// client gave up on is counted), with <see cref="SandboxRequest.StatusCode"/> 0 until its answer starts.
    /// </summary>
    public IReadOnlyList<SandboxRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.Select(r => r.Value).ToArray();
            }
        }
    }

    /// <summary>Starts a sandbox on 127.0.0.1 (ephemeral port unless <see cref="SandboxOptions.Port"/> is set).</summary>
    /// <param name="options">Port, credentials, timing, media folders, emulators and account state; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running sandbox; dispose it to stop.</returns>
    /// <exception cref="ArgumentException">Two emulators share an id or a prefix, a prefix is malformed, or a per-vendor option names a vendor no emulator has.</exception>
    /// <exception cref="InvalidOperationException">An emulator instance already serves another sandbox, or has neither a definition nor its own <see cref="VendorEmulator.Id"/>.</exception>
    public static async Task<VendorSandbox> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.PendingPolls, nameof(options));
        if (options.JobDuration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.JobDuration, "SandboxOptions.JobDuration must not be negative.");
        }

        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));
        var emulators = (options.IncludeBuiltInEmulators ? BuiltInEmulators.Create() : []).Concat(options.Emulators).ToArray();
        Validate(emulators, options);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = null; // Uploads of any size; the sandbox hashes them, never keeps them.
        });
        builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = long.MaxValue);
        var app = builder.Build();

        var media = new MediaLibrary(options.MediaDirectories, options.SimulatedDurationSeconds);
        var signer = new UrlSigner();
        var faults = new SandboxFaults(emulators.Select(e => e.Id));
        foreach (var emulator in emulators)
        {
            emulator.Attach(options, faults, media, signer);
        }

        var sandbox = new VendorSandbox(app, emulators, media, options, faults);
        try
        {
            app.Use(sandbox.HandleAsync);
            foreach (var emulator in emulators)
            {
                emulator.Map(app);
                faults.For(emulator.Id).Operations = emulator.Operations;
            }

            app.MapGet(MediaPrefix + "/{name}", sandbox.ServeMediaAsync);
            app.MapGet("/", sandbox.DescribeAsync);
            app.MapFallback(sandbox.NotFoundAsync);

            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // An emulator's mapping failed (an operation its spec lacks) or the port was taken: release the host.
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sandbox.BaseAddress = new Uri(new Uri(address).GetLeftPart(UriPartial.Authority) + "/");
        return sandbox;
    }

    /// <summary>The URI to give a generated client as its <c>Endpoint</c> (it replaces the spec's server URL, path included).</summary>
    /// <param name="vendorId">One of <see cref="VendorIds"/>, case-insensitive.</param>
    /// <returns>The vendor's prefix on this sandbox, e.g. <c>http://127.0.0.1:5080/acme/v1</c>.</returns>
    /// <exception cref="ArgumentException">No emulator of this sandbox has the id; the message lists the ones it has.</exception>
    public Uri GetEndpoint(string vendorId) => new(BaseAddress, GetEmulator(vendorId).Prefix);

    /// <summary>The emulator serving a vendor.</summary>
    /// <param name="vendorId">One of <see cref="VendorIds"/>, case-insensitive.</param>
    /// <returns>The emulator.</returns>
    /// <exception cref="ArgumentException">No emulator of this sandbox has the id; the message lists the ones it has.</exception>
    public VendorEmulator GetEmulator(string vendorId)
    {
        ArgumentNullException.ThrowIfNull(vendorId);
        return _vendors.TryGetValue(vendorId, out var vendor)
            ? vendor
            : throw new ArgumentException($"Unknown vendor '{vendorId}'. This sandbox emulates: {string.Join(", ", VendorIds)}.", nameof(vendorId));
    }

    private static void Validate(IReadOnlyList<VendorEmulator> emulators, SandboxOptions options)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var prefixes = new HashSet<string>(StringComparer.Ordinal) { MediaPrefix };
        foreach (var emulator in emulators)
        {
            ArgumentNullException.ThrowIfNull(emulator, nameof(options));
            if (string.IsNullOrWhiteSpace(emulator.Id) || !ids.Add(emulator.Id))
            {
                throw new ArgumentException($"Emulator {emulator.GetType().Name} has an empty or duplicate vendor id '{emulator.Id}'; ids in use: {string.Join(", ", ids)}.", nameof(options));
            }

            // Prefixes are matched as path segments: one that ended in '/' or nested in another would route ambiguously.
            var prefix = emulator.Prefix;
            if (string.IsNullOrEmpty(prefix) || prefix[0] != '/' || prefix.EndsWith('/') || prefixes.Any(p => Nested(p, prefix)) || !prefixes.Add(prefix))
            {
                throw new ArgumentException($"Emulator '{emulator.Id}' has prefix '{prefix}': it must start with '/', not end with '/', and not equal or nest in another's ({string.Join(", ", prefixes)}).", nameof(options));
            }
        }

        CheckVendorKeys(options.InitialCredits.Keys, nameof(SandboxOptions.InitialCredits), ids);
        CheckVendorKeys(options.ConcurrencyLimits.Keys, nameof(SandboxOptions.ConcurrencyLimits), ids);
        CheckVendorKeys(options.QuotaSeconds.Keys, nameof(SandboxOptions.QuotaSeconds), ids);

        static bool Nested(string a, string b) => a.StartsWith(b + "/", StringComparison.Ordinal) || b.StartsWith(a + "/", StringComparison.Ordinal);
    }

    // A typo in a vendor id would otherwise leave the default silently in force.
    private static void CheckVendorKeys(IEnumerable<string> keys, string option, IReadOnlySet<string> ids)
    {
        if (keys.FirstOrDefault(k => !ids.Contains(k)) is { } unknown)
        {
            throw new ArgumentException($"SandboxOptions.{option} names vendor '{unknown}', which no emulator has. This sandbox emulates: {string.Join(", ", ids)}.", "options");
        }
    }

    /// <summary>
    /// The URL at which the sandbox serves a sample file (<c>/media/{fileName}</c>). URL-only vendors given this URL (or
    /// any URL ending in the same file name) answer with that sample's sidecar transcript.
    /// </summary>
    /// <param name="fileName">A file name in one of <see cref="SandboxOptions.MediaDirectories"/>, e.g. <c>hello.mp4</c>.</param>
    public Uri GetMediaUrl(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        return new Uri(BaseAddress, "media/" + Uri.EscapeDataString(fileName));
    }

    /// <summary>
    /// A URL for a sample file that <paramref name="vendorId"/>'s transcriber accepts: <see cref="GetMediaUrl(string)"/>,
    /// or, for a vendor whose spec lists the platforms it takes (<see cref="VendorLimits.UrlHosts"/>), a link on the first
    /// of them ending in the file name (<c>https://youtube.com/sandbox/hello.mp4</c>). The sandbox never downloads a URL:
    /// its emulators find the sample by the last path segment, so the platform link works offline.
    /// </summary>
    /// <param name="fileName">A file name in one of <see cref="SandboxOptions.MediaDirectories"/>, e.g. <c>hello.mp4</c>.</param>
    /// <param name="vendorId">One of <see cref="VendorIds"/>, case-insensitive.</param>
    public Uri GetMediaUrl(string fileName, string vendorId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        return GetEmulator(vendorId).Definition?.Limits.UrlHosts is [var host, ..]
            ? new Uri($"https://{host}/sandbox/{Uri.EscapeDataString(fileName)}")
            : GetMediaUrl(fileName);
    }

    /// <summary>Signalled when the server begins to stop (disposal, or a console signal when run as a program).</summary>
    internal CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>Empties <see cref="Requests"/>.</summary>
    public void ClearRequests()
    {
        lock (_requests)
        {
            _requests.Clear();
        }
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping = true;
            // In-flight delays end on ApplicationStopping; the timeout only bounds a connection that will not close.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Every request: find its vendor, record it, apply faults, check auth, then route.</summary>
    private async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "/";
        var vendor = _vendors.Values.FirstOrDefault(v => path.StartsWith(v.Prefix + "/", StringComparison.Ordinal) || path == v.Prefix);
        var vendorId = vendor?.Id ?? (path.StartsWith(MediaPrefix + "/", StringComparison.Ordinal) ? "media" : string.Empty);
        var rest = vendor is not null ? path[vendor.Prefix.Length..] : vendorId == "media" ? path[MediaPrefix.Length..] : path;

        // Routing has already run (WebApplication puts UseRouting first), so the endpoint names the operation.
        var operation = context.GetEndpoint()?.Metadata.GetMetadata<SandboxOperation>();

        // Recorded on arrival, so a request the client gave up on is counted however the fault ends; the status follows.
        var entry = new RequestEntry(new SandboxRequest(vendorId, context.Request.Method, rest, context.Request.QueryString.Value ?? string.Empty, 0, operation?.OperationId ?? string.Empty));
        lock (_requests)
        {
            _requests.Add(entry);
        }

        context.Response.OnStarting(() =>
        {
            // Kestrel runs this even for a request the client left: that one was never answered and stays 0.
            if (!context.RequestAborted.IsCancellationRequested)
            {
                entry.Answered(context.Response.StatusCode);
            }

            return Task.CompletedTask;
        });
        try
        {
            if (vendor is null)
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            var storage = vendor.IsStoragePath(rest);
            // A multipart body carries a file even on a route that also takes JSON (Cliptext's createTranscription).
            var upload = operation?.IsUpload == true || context.Request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;
            var plan = Faults.For(vendor.Id).Take(operation?.OperationId, upload, uploadOnly: storage);
            if (plan.Fault == ResponseFault.HangUpload)
            {
                entry.Faulted("hang-upload");
                entry.Unanswered();
                await Delays.UntilClientLeavesAsync(context).ConfigureAwait(false);
                return;
            }

            if (storage)
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            if (plan.Delay is { } delay)
            {
                entry.Faulted("delay");
                await Delays.WaitAsync(context, delay).ConfigureAwait(false);
            }

            if (plan.FailStatus is { } status)
            {
                entry.Faulted("fail");
                if (plan.RetryAfter is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await vendor.WriteErrorAsync(context, status, FaultMessage(status)).ConfigureAwait(false);
                return;
            }

            if (!vendor.IsAuthorized(context.Request))
            {
                await vendor.WriteAuthErrorAsync(context).ConfigureAwait(false);
                return;
            }

            switch (plan.Fault)
            {
                case ResponseFault.Malform:
                    entry.Faulted("malform");
                    await MalformedAsync(context, next).ConfigureAwait(false);
                    return;
                case ResponseFault.StallAfterHeaders:
                    entry.Faulted("stall-after-headers");
                    await StallAfterHeadersAsync(context, next).ConfigureAwait(false);
                    return;
                case ResponseFault.ResetMidBody:
                    entry.Faulted("reset-mid-body");
                    await ResetMidBodyAsync(context, next, entry).ConfigureAwait(false);
                    return;
                case ResponseFault.CloseWithoutAnswer:
                    entry.Faulted("close-without-answer");
                    await BufferedAsync(context, next).ConfigureAwait(false);
                    entry.Unanswered();
                    // A reset, as a proxy or load balancer dropping the connection would send, rather than a FIN.
                    if (context.Features.Get<IConnectionSocketFeature>()?.Socket is { } closing)
                    {
                        closing.LingerState = new LingerOption(true, 0);
                    }

                    context.Abort();
                    return;
                case ResponseFault.None when plan.Drift != SandboxDrift.None:
                    entry.Faulted("drift");
                    await DriftedAsync(context, next, vendor, operation?.OperationId, plan.Drift).ConfigureAwait(false);
                    return;
                default:
                    context.Items[FaultMarkerItem] = (Action<string>)entry.Faulted;
                    await next(context).ConfigureAwait(false);
                    return;
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || _stopping)
        {
            // The client went away (a timeout test, a cancelled stream) or the sandbox is stopping: nothing to answer.
        }
        finally
        {
            // A response without a body starts only after this returns: record its status now, unless the client left.
            if (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested && !_stopping)
            {
                entry.Answered(context.Response.StatusCode);
            }
        }
    }

    /// <summary>
    /// Records in the request log that an emulator applied a fault itself (a silenced event stream), at once: the
    /// client may give up, and a test read the log, before the handler returns.
    /// </summary>
    internal static void MarkFault(HttpContext context, string fault)
    {
        if (context.Items.TryGetValue(FaultMarkerItem, out var marker) && marker is Action<string> mark)
        {
            mark(fault);
        }
    }

    /// <summary>Runs the request for real and returns its body, buffered; status and headers are left set but unsent.</summary>
    private static async Task<byte[]> BufferedAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        return buffer.ToArray();
    }

    /// <summary>Runs the request for real, then sends its answer as a vendor that drifted from its docs would (<see cref="DriftRewriter"/>).</summary>
    private static async Task DriftedAsync(HttpContext context, RequestDelegate next, VendorEmulator vendor, string? operationId, SandboxDrift drift)
    {
        var bytes = await BufferedAsync(context, next).ConfigureAwait(false);
        var job = vendor.Definition?.Jobs.FirstOrDefault(j => string.Equals(j.PollOperationId, operationId, StringComparison.Ordinal));
        var rewritten = DriftRewriter.Rewrite(bytes, context.Response.ContentType, drift, job);
        context.Response.ContentLength = rewritten.Length;
        await context.Response.Body.WriteAsync(rewritten, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Runs the request for real, then sends only the first half of its body: never valid JSON.</summary>
    private static async Task MalformedAsync(HttpContext context, RequestDelegate next)
    {
        var bytes = await BufferedAsync(context, next).ConfigureAwait(false);
        var cut = bytes.Length > 1 ? bytes.AsMemory(0, bytes.Length / 2) : "{"u8.ToArray();
        context.Response.ContentLength = cut.Length;
        await context.Response.Body.WriteAsync(cut, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Runs the request for real (a job is charged), sends status and headers promising the whole body, then nothing.</summary>
    private static async Task StallAfterHeadersAsync(HttpContext context, RequestDelegate next)
    {
        var bytes = await BufferedAsync(context, next).ConfigureAwait(false);
        context.Response.ContentLength = Math.Max(bytes.Length, 1);
        await context.Response.StartAsync(context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        await Delays.UntilClientLeavesAsync(context).ConfigureAwait(false);
    }

    /// <summary>Runs the request for real, sends half its body under the full Content-Length, then drops the connection.</summary>
    private static async Task ResetMidBodyAsync(HttpContext context, RequestDelegate next, RequestEntry entry)
    {
        var bytes = await BufferedAsync(context, next).ConfigureAwait(false);
        if (bytes.Length < 2)
        {
            bytes = "{}"u8.ToArray();
        }

        // Kestrel's Abort() drops output it has not yet handed to the socket, so on loopback the client often saw a
        // reset before any byte: the half is written to the socket itself, then the connection ends with a FIN.
        var socket = context.Features.Get<IConnectionSocketFeature>()?.Socket
            ?? throw new InvalidOperationException("The sandbox's transport does not expose its socket; a mid-body reset needs it.");
        entry.Answered(context.Response.StatusCode);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {context.Response.StatusCode} {ReasonPhrases.GetReasonPhrase(context.Response.StatusCode)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {context.Response.ContentType ?? "application/json"}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {bytes.Length}\r\n\r\n");
        await socket.SendAsync(Encoding.ASCII.GetBytes(head.ToString()), SocketFlags.None, context.RequestAborted).ConfigureAwait(false);
        await socket.SendAsync(bytes.AsMemory(0, bytes.Length / 2), SocketFlags.None, context.RequestAborted).ConfigureAwait(false);
        socket.Shutdown(SocketShutdown.Send);
        context.Abort();
    }

    private static string FaultMessage(int status) => status switch
    {
        429 => "Too many requests: rate limit exceeded (sandbox fault)",
        500 => "Internal server error (sandbox fault)",
        502 => "Bad gateway (sandbox fault)",
        503 => "Service unavailable (sandbox fault)",
        504 => "Gateway timeout (sandbox fault)",
        _ => $"HTTP {status} (sandbox fault)",
    };

    private async Task ServeMediaAsync(HttpContext context)
    {
        var name = context.Request.RouteValues["name"]?.ToString() ?? string.Empty;
        if (_media.FindByName(name) is not { } entry)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync($"No sample named '{name}' with an SRT sidecar in the sandbox's media folders.", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = ContentTypeOf(entry.FileName);
        context.Response.ContentLength = new FileInfo(entry.FullPath).Length;
        await context.Response.SendFileAsync(entry.FullPath, context.RequestAborted).ConfigureAwait(false);
    }

    private static string ContentTypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".mp4" => "video/mp4",
        ".mov" => "video/quicktime",
        ".webm" => "video/webm",
        ".mkv" => "video/x-matroska",
        ".avi" => "video/x-msvideo",
        ".mp3" => "audio/mpeg",
        ".wav" => "audio/wav",
        ".m4a" => "audio/mp4",
        _ => "application/octet-stream",
    };

    private Task DescribeAsync(HttpContext context)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var lines = Emulators.Select(e => $"{e.Id}: {GetEndpoint(e.Id)}")
            .Concat(_media.Entries.Select(e => $"media: {GetMediaUrl(e.FileName)}"));
        return context.Response.WriteAsync("TranscriptKit sandbox\n" + string.Join("\n", lines) + "\n", context.RequestAborted);
    }

    private Task NotFoundAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var vendor = _vendors.Values.FirstOrDefault(v => path.StartsWith(v.Prefix + "/", StringComparison.Ordinal) || path == v.Prefix);
        if (vendor is not null)
        {
            return vendor.WriteErrorAsync(context, StatusCodes.Status404NotFound, $"No such endpoint: {context.Request.Method} {path[vendor.Prefix.Length..]}");
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return context.Response.WriteAsync($"Unknown path. Vendor prefixes: {string.Join(", ", _vendors.Values.Select(v => v.Prefix))}", context.RequestAborted);
    }

    /// <summary>One slot of the request log, updated as the request is answered.</summary>
    private sealed class RequestEntry(SandboxRequest value)
    {
        private SandboxRequest _value = value;

        public SandboxRequest Value => Volatile.Read(ref _value);

        private volatile bool _unanswered;

        /// <summary>Records the status, unless the request was dropped unanswered (Kestrel may still report one).</summary>
        public void Answered(int status)
        {
            if (!_unanswered)
            {
                Update(r => r with { StatusCode = status });
            }
        }

        /// <summary>The connection was dropped without a byte of answer: the status stays 0.</summary>
        public void Unanswered() => _unanswered = true;

        public void Faulted(string fault) => Update(r => r with { Fault = fault });

        private void Update(Func<SandboxRequest, SandboxRequest> change)
        {
            SandboxRequest current, updated;
            do
            {
                current = Volatile.Read(ref _value);
                updated = change(current);
            }
            while (Interlocked.CompareExchange(ref _value, updated, current) != current);
        }
    }
}
