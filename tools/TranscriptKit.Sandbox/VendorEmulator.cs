using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TranscriptKit.Sandbox.Media;
using TranscriptKit.Sandbox.Vendors;

namespace TranscriptKit.Sandbox;

/// <summary>
/// One emulated vendor in a <see cref="VendorSandbox"/>: its id and path prefix, its credential check, its error shape
/// and its routes. The sandbox gives every emulator the same request log, fault switches and auth step; derive from it
/// to emulate your own vendor and add the instance to <see cref="SandboxOptions.Emulators"/>. Built from the
/// vendor's generated <see cref="VendorDefinition"/>, an emulator takes its id, display name, path prefix and
/// credential check from the spec; without one, override <see cref="Id"/> and <see cref="Prefix"/>.
/// </summary>
/// <remarks>
/// An instance holds its vendor's state (jobs, credits) and serves one sandbox; create a new one per
/// <see cref="VendorSandbox.StartAsync"/>.
/// </remarks>
public abstract class VendorEmulator
{
    private readonly SortedSet<string> _operations = new(StringComparer.Ordinal);
    private SandboxOptions? _options;
    private SandboxFaults? _faults;
    private MediaLibrary? _media;
    private UrlSigner? _signer;
    private int _attached;

    /// <summary>Creates an emulator of a vendor without a definition: override <see cref="Id"/> and <see cref="Prefix"/>.</summary>
    protected VendorEmulator()
    {
    }

    /// <summary>Creates an emulator of the vendor a spec describes (e.g. <c>AcmeVendor.Definition</c>).</summary>
    /// <param name="definition">The vendor's generated definition: id, display name, endpoint path and credentials come from it.</param>
    protected VendorEmulator(VendorDefinition definition)
    {
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
    }

    /// <summary>The vendor's definition, when the emulator was built from one; limits and operations the emulator enforces come from it.</summary>
    public VendorDefinition? Definition { get; }

    /// <summary>The vendor id clients and tests name it by (lower case, e.g. <c>acme</c>): the key of <see cref="VendorSandbox.GetEndpoint"/>, <see cref="SandboxFaults.For"/> and <see cref="SandboxRequest.Vendor"/>. The definition's id unless overridden.</summary>
    /// <exception cref="InvalidOperationException">Neither overridden nor given a definition.</exception>
    public virtual string Id => Definition?.Id ?? throw MissingFact(nameof(Id));

    /// <summary>The vendor's name for start-up output and messages: the definition's display name, else the id, unless overridden.</summary>
    public virtual string DisplayName => Definition?.DisplayName ?? Id;

    /// <summary>
    /// The path that replaces the spec's server URL path: starts with <c>/</c>, no trailing <c>/</c>, unique in the
    /// sandbox. From a definition it is <c>/{id}</c> plus the documented endpoint's path (<c>https://api.acme.test/v1</c>
    /// → <c>/acme/v1</c>), so a client keeps its relative paths when its endpoint is swapped for the sandbox's.
    /// </summary>
    /// <exception cref="InvalidOperationException">Neither overridden nor given a definition.</exception>
    public virtual string Prefix => Definition is { } definition
        ? "/" + definition.Id + definition.DefaultEndpoint.AbsolutePath.TrimEnd('/')
        : throw MissingFact(nameof(Prefix));

    /// <summary>The operationIds this emulator maps (plus <see cref="VendorFaults.SignedUploadOperation"/> where it has signed storage).</summary>
    public IReadOnlyCollection<string> Operations => _operations;

    /// <summary>The sandbox's options (credentials, <see cref="SandboxOptions.PendingPolls"/>, per-vendor account settings).</summary>
    /// <exception cref="InvalidOperationException">The emulator has not been started by a sandbox yet.</exception>
    protected SandboxOptions Options => _options ?? throw NotStarted();

    /// <summary>This sandbox's fault switches (this vendor's are <c>Faults.For(Id)</c>).</summary>
    /// <exception cref="InvalidOperationException">The emulator has not been started by a sandbox yet.</exception>
    protected SandboxFaults Faults => _faults ?? throw NotStarted();

    private protected MediaLibrary Media => _media ?? throw NotStarted();

    private protected UrlSigner Signer => _signer ?? throw NotStarted();

    /// <summary>Maps the vendor's routes. Use <see cref="MapGet"/>, <see cref="MapPost"/>… so each route carries its operationId (for faults and the request log) and sits under <see cref="Prefix"/>.</summary>
    /// <param name="routes">The sandbox's route builder.</param>
    protected internal abstract void Map(IEndpointRouteBuilder routes);

    /// <summary>Writes an error in this vendor's documented shape (fault switches, unknown paths and auth failures use it).</summary>
    /// <param name="context">The request being answered.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="message">A human-readable message.</param>
    /// <param name="code">A vendor error code, used where the vendor's shape has one.</param>
    /// <returns>A task that completes when the error is written.</returns>
    protected internal abstract Task WriteErrorAsync(HttpContext context, int status, string message, string? code = null);

    /// <summary>Writes the vendor's answer to missing or wrong credentials; a 401 through <see cref="WriteErrorAsync"/> unless overridden.</summary>
    /// <param name="context">The request being answered.</param>
    /// <returns>A task that completes when the error is written.</returns>
    protected internal virtual Task WriteAuthErrorAsync(HttpContext context) =>
        WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Missing or invalid API key");

    /// <summary>
    /// Whether the request carries the sandbox's credentials, in the scheme of the definition's
    /// <see cref="VendorDefinition.Credentials"/>: <c>Authorization: Bearer &lt;ApiKey&gt;</c>, or the vendor's key
    /// header (and secret header, with <see cref="SandboxOptions.ApiSecret"/>). Bearer without a definition.
    /// </summary>
    /// <param name="request">The request, before routing to the vendor's handler.</param>
    /// <returns><see langword="true"/> to let the request through.</returns>
    protected internal virtual bool IsAuthorized(HttpRequest request)
    {
        var credentials = Definition?.Credentials;
        if (credentials is null || credentials.Scheme == CredentialScheme.Bearer)
        {
            return request.Headers.Authorization.ToString() is var header
                && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                && string.Equals(header["Bearer ".Length..].Trim(), Options.ApiKey, StringComparison.Ordinal);
        }

        return string.Equals(request.Headers[credentials.KeyHeader].ToString(), Options.ApiKey, StringComparison.Ordinal)
            && (credentials.SecretHeader is not { } secretHeader
                || string.Equals(request.Headers[secretHeader].ToString(), Options.ApiSecret, StringComparison.Ordinal));
    }

    /// <summary>Whether a path under the prefix skips the vendor's auth and faults other than upload hangs (signed storage, authenticated by its signature).</summary>
    /// <param name="pathWithoutPrefix">The request path with <see cref="Prefix"/> removed.</param>
    /// <returns><see langword="false"/> unless overridden.</returns>
    protected internal virtual bool IsStoragePath(string pathWithoutPrefix) => false;

    /// <summary>
    /// Maps a spec operation with the method and path template its <see cref="Definition"/> gives it, so routes are
    /// not re-typed from the spec (its path parameters are the route values, e.g. <c>{id}</c>).
    /// </summary>
    /// <param name="routes">The builder given to <see cref="Map"/>.</param>
    /// <param name="operationId">The spec's operationId.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="upload">Whether the request carries a file, so <see cref="VendorFaults.HangUploadNext"/> applies to it.</param>
    /// <exception cref="InvalidOperationException">The emulator has no definition.</exception>
    /// <exception cref="ArgumentException">The spec has no such operation; the message lists the ones it has.</exception>
    protected void MapOperation(IEndpointRouteBuilder routes, string operationId, RequestDelegate handler, bool upload = false)
    {
        var operation = (Definition ?? throw MissingFact(nameof(MapOperation))).GetOperation(operationId);
        Named(routes.MapMethods(Prefix + operation.PathTemplate, [operation.Method], handler), operationId, upload);
    }

    /// <summary>Maps a GET route under <see cref="Prefix"/> named by the spec's operationId.</summary>
    /// <param name="routes">The builder given to <see cref="Map"/>.</param>
    /// <param name="path">The path below the prefix, e.g. <c>/jobs/{id}</c>.</param>
    /// <param name="operationId">The spec's operationId.</param>
    /// <param name="handler">The handler.</param>
    protected void MapGet(IEndpointRouteBuilder routes, string path, string operationId, RequestDelegate handler) =>
        Named(routes.MapGet(Prefix + path, handler), operationId, upload: false);

    /// <summary>Maps a POST route under <see cref="Prefix"/> named by the spec's operationId.</summary>
    /// <param name="routes">The builder given to <see cref="Map"/>.</param>
    /// <param name="path">The path below the prefix.</param>
    /// <param name="operationId">The spec's operationId.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="upload">Whether the request carries a file, so <see cref="VendorFaults.HangUploadNext"/> applies to it.</param>
    protected void MapPost(IEndpointRouteBuilder routes, string path, string operationId, RequestDelegate handler, bool upload = false) =>
        Named(routes.MapPost(Prefix + path, handler), operationId, upload);

    /// <summary>Maps a PUT route under <see cref="Prefix"/> named by the spec's operationId.</summary>
    /// <param name="routes">The builder given to <see cref="Map"/>.</param>
    /// <param name="path">The path below the prefix.</param>
    /// <param name="operationId">The spec's operationId.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="upload">Whether the request carries a file, so <see cref="VendorFaults.HangUploadNext"/> applies to it.</param>
    protected void MapPut(IEndpointRouteBuilder routes, string path, string operationId, RequestDelegate handler, bool upload = false) =>
        Named(routes.MapPut(Prefix + path, handler), operationId, upload);

    /// <summary>Maps a PATCH route under <see cref="Prefix"/> named by the spec's operationId.</summary>
    /// <param name="routes">The builder given to <see cref="Map"/>.</param>
    /// <param name="path">The path below the prefix.</param>
    /// <param name="operationId">The spec's operationId.</param>
    /// <param name="handler">The handler.</param>
    protected void MapPatch(IEndpointRouteBuilder routes, string path, string operationId, RequestDelegate handler) =>
        Named(routes.MapPatch(Prefix + path, handler), operationId, upload: false);

    /// <summary>Maps a DELETE route under <see cref="Prefix"/> named by the spec's operationId.</summary>
    /// <param name="routes">The builder given to <see cref="Map"/>.</param>
    /// <param name="path">The path below the prefix.</param>
    /// <param name="operationId">The spec's operationId.</param>
    /// <param name="handler">The handler.</param>
    protected void MapDelete(IEndpointRouteBuilder routes, string path, string operationId, RequestDelegate handler) =>
        Named(routes.MapDelete(Prefix + path, handler), operationId, upload: false);

    /// <summary>Whether the job being created now is to end in the vendor's failure state (<see cref="VendorFaults.FailNextJobs"/>).</summary>
    /// <returns><see langword="true"/> once per armed failure.</returns>
    protected bool TakeJobFailure() => Faults.For(Id).TakeJobFailure();

    /// <summary>Binds the emulator to the sandbox that starts it; an instance serves one sandbox only.</summary>
    internal void Attach(SandboxOptions options, SandboxFaults faults, MediaLibrary media, UrlSigner signer)
    {
        if (Interlocked.Exchange(ref _attached, 1) != 0)
        {
            throw new InvalidOperationException($"The emulator '{Id}' already serves a sandbox; give each sandbox its own instance (it holds the vendor's state).");
        }

        _options = options;
        _faults = faults;
        _media = media;
        _signer = signer;
        OnAttached();
    }

    /// <summary>Built-in emulators set up state that depends on the options here.</summary>
    private protected virtual void OnAttached()
    {
    }

    private void Named(IEndpointConventionBuilder endpoint, string operationId, bool upload)
    {
        // The spec's operationId on the route, so faults can target one operation and the request log names it.
        endpoint.WithMetadata(new SandboxOperation(operationId, upload));
        _operations.Add(operationId);
    }

    private InvalidOperationException MissingFact(string member) =>
        new($"The emulator {GetType().Name} has no VendorDefinition: {(member == nameof(MapOperation) ? "map routes with MapGet/MapPost/…" : "override " + member)} or pass the vendor's definition to the base constructor.");

    private InvalidOperationException NotStarted() =>
        new($"The emulator '{GetType().Name}' is not part of a started sandbox yet; add it to SandboxOptions.Emulators.");

    private protected static string Route(HttpContext context, string name) => context.Request.RouteValues[name]?.ToString() ?? string.Empty;

    /// <summary>The sandbox's own origin as the client reached it, for absolute URLs in responses.</summary>
    private protected static string Origin(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    private protected static string NewId(string prefix = "") => prefix + Guid.NewGuid().ToString("N");

    /// <summary>Whole-second or fractional durations, as the vendors show them.</summary>
    private protected static double Seconds(double value) => Math.Round(value, 3);
}
