using System;
using System.Net;

namespace TranscriptKit;

/// <summary>
/// The root of every error TranscriptKit raises for a vendor call: it names the vendor, the HTTP status,
/// the vendor's own error code and message, and the request id when the vendor sent one. It never carries
/// a credential.
/// </summary>
public class TranscriptKitException : Exception
{
    /// <summary>Creates an exception with the vendor's details.</summary>
    /// <param name="vendor">The vendor id, as in its vendor definition (<see cref="VendorDefinition.Id"/>).</param>
    /// <param name="message">A message for people.</param>
    /// <param name="status">The HTTP status, when the error came from a response.</param>
    /// <param name="errorCode">The vendor's error code, when it gave one.</param>
    /// <param name="vendorMessage">The vendor's error message, when it gave one.</param>
    /// <param name="requestId">The vendor's request id, when it gave one.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public TranscriptKitException(
        string vendor,
        string message,
        HttpStatusCode? status = null,
        string? errorCode = null,
        string? vendorMessage = null,
        string? requestId = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Vendor = vendor;
        Status = status;
        ErrorCode = errorCode;
        VendorMessage = vendorMessage;
        RequestId = requestId;
    }

    /// <summary>The vendor id, as in its vendor definition (<see cref="VendorDefinition.Id"/>).</summary>
    public string Vendor { get; }

    /// <summary>The HTTP status of the failed response, or <see langword="null"/> when there was none.</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>The vendor's error code (a body field, or a business code), when it gave one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The vendor's own error message, when it gave one.</summary>
    public string? VendorMessage { get; }

    /// <summary>The vendor's request id from the response headers, when it sent one.</summary>
    public string? RequestId { get; }

    /// <summary>
    /// A stable name for what went wrong, defined by the vendor's spec (for example <c>ConcurrencyLimit</c>), so
    /// callers can switch on it instead of matching message text; <see langword="null"/> when the spec names none.
    /// Each vendor package lists its reasons as constants (<c>&lt;Vendor&gt;ErrorReasons</c>).
    /// </summary>
    public string? Reason { get; internal set; }

    /// <summary>The spec's operationId of the call that failed (for example <c>createJob</c>), when the error belongs to one.</summary>
    public string? OperationId { get => _operationId; init => _operationId = value; }

    /// <summary>
    /// Whether the failed call may still have started a (paid) job at the vendor. <see cref="SubmissionOutcome.Unknown"/>
    /// means the request reached the vendor but its answer was lost (a timeout, a reset after sending, a gateway error):
    /// check the vendor's job list, history or balance before submitting again, or you may pay twice.
    /// </summary>
    public SubmissionOutcome Submission { get => _submission; init => _submission = value; }

    // Backing fields so the pipeline can stamp an exception built elsewhere (the error mapper, a generated reader)
    // with the call it belongs to, while the public surface stays init-only.
    private string? _operationId;
    private SubmissionOutcome _submission;

    /// <summary>Names the call this error belongs to and what it says about a submission; an operationId already set is kept.</summary>
    internal TranscriptKitException ForCall(string operationId, SubmissionOutcome submission)
    {
        _operationId ??= operationId;
        _submission = submission;
        return this;
    }
}
