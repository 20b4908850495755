namespace TranscriptKit.Sandbox;

/// <summary>One request the sandbox answered, as recorded in <see cref="VendorSandbox.Requests"/>.</summary>
/// <param name="Vendor">The vendor id (<c>captioncat</c>…), <c>media</c> for sample downloads, or empty for an unknown prefix.</param>
/// <param name="Method">The HTTP method, e.g. <c>POST</c>.</param>
/// <param name="Path">The path without the vendor's prefix, e.g. <c>/transcribe/abc</c>.</param>
/// <param name="Query">The query string including its <c>?</c>, or empty.</param>
/// <param name="StatusCode">The HTTP status the sandbox answered with.</param>
public sealed record SandboxRequest(string Vendor, string Method, string Path, string Query, int StatusCode);
