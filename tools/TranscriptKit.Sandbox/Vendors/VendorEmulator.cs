using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TranscriptKit.Sandbox.Media;

namespace TranscriptKit.Sandbox.Vendors;

/// <summary>What every emulated vendor shares: its id and path prefix, its auth rule and its error shape.</summary>
internal abstract class VendorEmulator
{
    private readonly SortedSet<string> _operations = new(StringComparer.Ordinal);

    protected VendorEmulator(SandboxOptions options, MediaLibrary media, UrlSigner signer)
    {
        Options = options;
        Media = media;
        Signer = signer;
    }

    public abstract string Id { get; }

    /// <summary>The path that replaces the spec's server URL path, e.g. <c>/captioncat/v1</c>.</summary>
    public abstract string Prefix { get; }

    protected SandboxOptions Options { get; }

    /// <summary>Set once at start; jobs consult it for <see cref="VendorFaults.FailNextJobs"/>.</summary>
    public SandboxFaults? Faults { get; set; }

    protected MediaLibrary Media { get; }

    protected UrlSigner Signer { get; }

    /// <summary>Paths under the prefix that skip the vendor's auth and faults (signed storage, authenticated by its signature).</summary>
    public virtual bool IsStoragePath(string pathWithoutPrefix) => false;

    public virtual bool IsAuthorized(HttpRequest request) =>
        request.Headers.Authorization.ToString() is var header
        && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && string.Equals(header["Bearer ".Length..].Trim(), Options.ApiKey, StringComparison.Ordinal);

    public abstract Task WriteAuthErrorAsync(HttpContext context);

    /// <summary>Writes an error in this vendor's documented shape; <paramref name="code"/> is used where the shape has a code.</summary>
    public abstract Task WriteErrorAsync(HttpContext context, int status, string message, string? code = null);

    public abstract void Map(IEndpointRouteBuilder routes);

    /// <summary>The operationIds this emulator maps (plus <see cref="VendorFaults.SignedUploadOperation"/> where it has storage).</summary>
    public IReadOnlyCollection<string> Operations => _operations;

    protected void MapGet(IEndpointRouteBuilder routes, string path, string operationId, RequestDelegate handler) =>
        Named(routes.MapGet(Prefix + path, handler), operationId, upload: false);

    // upload: the request carries a file (multipart or signed-storage PUT), so upload faults apply to it.
    protected void MapPost(IEndpointRouteBuilder routes, string path, string operationId, RequestDelegate handler, bool upload = false) =>
        Named(routes.MapPost(Prefix + path, handler), operationId, upload);

    protected void MapPut(IEndpointRouteBuilder routes, string path, string operationId, RequestDelegate handler, bool upload = false) =>
        Named(routes.MapPut(Prefix + path, handler), operationId, upload);

    protected void MapPatch(IEndpointRouteBuilder routes, string path, string operationId, RequestDelegate handler) =>
        Named(routes.MapPatch(Prefix + path, handler), operationId, upload: false);

    protected void MapDelete(IEndpointRouteBuilder routes, string path, string operationId, RequestDelegate handler) =>
        Named(routes.MapDelete(Prefix + path, handler), operationId, upload: false);

    private void Named(IEndpointConventionBuilder endpoint, string operationId, bool upload)
    {
        // The spec's operationId on the route, so faults can target one operation and the request log names it.
        endpoint.WithMetadata(new SandboxOperation(operationId, upload));
        _operations.Add(operationId);
    }

    protected bool TakeJobFailure() => Faults?.For(Id).TakeJobFailure() ?? false;

    protected static string Route(HttpContext context, string name) => context.Request.RouteValues[name]?.ToString() ?? string.Empty;

    /// <summary>The sandbox's own origin as the client reached it, for absolute URLs in responses.</summary>
    protected static string Origin(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    protected static string NewId(string prefix = "") => prefix + Guid.NewGuid().ToString("N");

    /// <summary>Whole-second or fractional durations, as the vendors show them.</summary>
    protected static double Seconds(double value) => Math.Round(value, 3);
}
