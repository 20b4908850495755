using System;

namespace TranscriptKit;

/// <summary>One operation of a vendor's spec, as the generated client calls it.</summary>
/// <param name="OperationId">The spec's operationId.</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="PathTemplate">The path template relative to the endpoint, e.g. <c>/jobs/{projectId}</c>.</param>
/// <param name="Idempotent">Whether the client re-sends it after a 5xx, a transport fault or a timeout.</param>
/// <param name="StartsPaidJob">Whether a successful call costs money (<c>x-tk-paid</c>, or the <c>start</c> of an <c>x-tk-poll</c>): such a call is never sent twice.</param>
/// <param name="Timeout">The spec's <c>x-tk-timeout</c>, or <see langword="null"/> for the client's request timeout.</param>
/// <param name="MethodName">The generated client method, e.g. <c>CreateJobAsync</c>.</param>
public sealed record VendorOperation(
    string OperationId,
    string Method,
    string PathTemplate,
    bool Idempotent,
    bool StartsPaidJob,
    TimeSpan? Timeout,
    string MethodName)
{
    /// <summary>
    /// Calls <see cref="MethodName"/> (or its <c>x-tk-sse</c> variant when <see cref="OperationArguments.Stream"/> is set)
    /// from wire-level arguments. <see langword="null"/> when a parameter or body has no wire-text form (an array or
    /// object parameter, an array body, two file parts). An operation whose body has several content types picks one by
    /// the arguments: <see cref="OperationArguments.Body"/> set → JSON; else <see cref="OperationArguments.File"/> set →
    /// multipart; else <see cref="OperationArguments.Form"/> fields → the form; else the spec's first content type.
    /// </summary>
    public OperationInvoker? Invoke { get; init; }

    /// <summary>The <c>x-tk-upload</c> helper that starts with this operation, or <see langword="null"/>.</summary>
    public VendorUpload? Upload { get; init; }

    /// <summary>Whether the operation has an <c>x-tk-sse</c> event-stream variant.</summary>
    public bool Streams { get; init; }
}
