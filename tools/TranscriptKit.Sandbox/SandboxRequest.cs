namespace TranscriptKit.Sandbox;

/// <summary>One request the sandbox received, as recorded in <see cref="VendorSandbox.Requests"/>.</summary>
/// <param name="Vendor">The vendor id (<c>captioncat</c>…), <c>media</c> for sample downloads, or empty for an unknown prefix.</param>
/// <param name="Method">The HTTP method, e.g. <c>POST</c>.</param>
/// <param name="Path">The path without the vendor's prefix, e.g. <c>/transcribe/abc</c>.</param>
/// <param name="Query">The query string including its <c>?</c>, or empty.</param>
/// <param name="StatusCode">The HTTP status the sandbox answered with; 0 while unanswered, and for a request the client left before any answer.</param>
/// <param name="Operation">The spec operationId the request was routed to (<c>signedUpload</c> for a signed-storage PUT), or empty.</param>
/// <param name="Fault">The fault switch applied to it (<c>fail</c>, <c>delay</c>, <c>malform</c>, <c>stall-after-headers</c>, <c>reset-mid-body</c>, <c>close-without-answer</c>, <c>hang-upload</c>, <c>silent-stream</c>), or <see langword="null"/>.</param>
public sealed record SandboxRequest(string Vendor, string Method, string Path, string Query, int StatusCode, string Operation = "", string? Fault = null);
