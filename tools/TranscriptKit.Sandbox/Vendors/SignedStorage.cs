using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TranscriptKit.Sandbox.Media;

namespace TranscriptKit.Sandbox.Vendors;

/// <summary>One object slot behind a signed upload URL.</summary>
internal sealed class StoredObject(string token, string fileName, string? contentType, long? declaredSize)
{
    public string Token { get; } = token;

    public string FileName { get; } = fileName;

    public string? ContentType { get; } = contentType;

    public long? DeclaredSize { get; } = declaredSize;

    public ReceivedMedia? Content { get; set; }
}

/// <summary>
/// An S3-like bucket for one vendor: <c>{prefix}/storage/{token}?expires=…&amp;signature=…</c>, PUT only, no
/// Authorization header; the signature is the credential. Keeps hashes, not bytes.
/// </summary>
internal sealed class SignedStorage(UrlSigner signer, string prefix)
{
    private readonly ConcurrentDictionary<string, StoredObject> _objects = new();

    public StoredObject Create(string token, string fileName, string? contentType, long? declaredSize) =>
        _objects[token] = new StoredObject(token, fileName, contentType, declaredSize);

    public StoredObject? Find(string token) => _objects.GetValueOrDefault(token);

    public string UploadUrl(string origin, string token) => $"{origin}{prefix}/storage/{token}?expires=900&signature={signer.Sign(token)}";

    public async Task HandlePutAsync(HttpContext context)
    {
        var token = context.Request.RouteValues["token"]?.ToString() ?? string.Empty;
        if (!signer.Verify(token, context.Request.Query["signature"]) || Find(token) is not { } slot)
        {
            await StorageErrorAsync(context, StatusCodes.Status403Forbidden, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.").ConfigureAwait(false);
            return;
        }

        var received = await HashingReader.ReadAsync(context.Request.Body, context.RequestAborted).ConfigureAwait(false);
        if (slot.DeclaredSize is { } declared && declared != received.Length)
        {
            // The signed URL was issued for the declared size; S3 refuses a body of another length.
            await StorageErrorAsync(context, StatusCodes.Status400BadRequest, "BadDigest", $"Received {received.Length} bytes; the upload URL was signed for {declared}.").ConfigureAwait(false);
            return;
        }

        slot.Content = received;
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.Headers.ETag = $"\"{received.Sha256[..32].ToLowerInvariant()}\"";
    }

    private static async Task StorageErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{message}</Message></Error>", context.RequestAborted).ConfigureAwait(false);
    }
}
