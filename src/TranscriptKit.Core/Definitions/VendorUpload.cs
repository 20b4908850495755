namespace TranscriptKit;

/// <summary>
/// An upload helper of a vendor's spec (<c>x-tk-upload</c>): create a signed URL, send the bytes there, optionally
/// mark the upload complete — one generated <c>Upload…Async</c> method.
/// </summary>
/// <param name="Name">The helper's name, e.g. <c>Source</c>.</param>
/// <param name="MethodName">The generated client method, e.g. <c>UploadSourceAsync</c>.</param>
/// <param name="CreateOperationId">The operation that creates the signed URL.</param>
/// <param name="CompleteOperationId">The operation that marks the upload complete, or <see langword="null"/>.</param>
/// <param name="HttpMethod">How the bytes are sent to the signed URL (<c>PUT</c> or <c>POST</c>).</param>
/// <param name="MaxSize">The largest file in bytes, or <see langword="null"/>.</param>
/// <param name="FileNameField">The create request's JSON field that carries the file name, or <see langword="null"/>.</param>
/// <param name="ContentTypeField">The create request's JSON field that carries the media type, or <see langword="null"/>.</param>
/// <param name="SizeField">The create request's JSON field that carries the size, or <see langword="null"/>.</param>
public sealed record VendorUpload(
    string Name,
    string MethodName,
    string CreateOperationId,
    string? CompleteOperationId,
    string HttpMethod,
    long? MaxSize,
    string? FileNameField,
    string? ContentTypeField,
    string? SizeField)
{
    /// <summary>Calls the helper with <see cref="OperationArguments.File"/>; the result is the helper's return value as JSON text (a string as is).</summary>
    public OperationInvoker? Invoke { get; init; }
}
