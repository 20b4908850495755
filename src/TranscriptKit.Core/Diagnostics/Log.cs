using System;
using Microsoft.Extensions.Logging;

namespace TranscriptKit;

// Sources are logged through TranscriptionRequest.Describe(): file names, or URLs without their query.
// Credentials never reach a message: Core's exceptions carry none.
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Transcribing {Source} ({SourceKind}) with {Vendor}")]
    public static partial void TranscriptionStarting(ILogger logger, string vendor, string source, TranscriptionSourceKind sourceKind);

    [LoggerMessage(2, LogLevel.Information, "{Vendor} accepted job {JobId}")]
    public static partial void JobSubmitted(ILogger logger, string vendor, string jobId);

    [LoggerMessage(3, LogLevel.Debug, "Waiting for {Vendor} job {JobId}")]
    public static partial void WaitingForJob(ILogger logger, string vendor, string jobId);

    [LoggerMessage(4, LogLevel.Information, "{Vendor} transcript {JobId} ready: {Characters} characters, {Segments} segments, after {ElapsedMilliseconds} ms")]
    public static partial void TranscriptionCompleted(ILogger logger, string vendor, string? jobId, int characters, int segments, long elapsedMilliseconds);

    [LoggerMessage(5, LogLevel.Warning, "{Vendor} transcription failed (status {Status}, reason {Reason}): {Message}")]
    public static partial void TranscriptionFailed(ILogger logger, Exception exception, string vendor, int? status, string? reason, string message);

    [LoggerMessage(6, LogLevel.Information, "{Vendor} is busy ({Reason}); submitting item {Index} again in {DelayMilliseconds} ms")]
    public static partial void BatchSubmitDeferred(ILogger logger, string vendor, string reason, int index, long delayMilliseconds);

    [LoggerMessage(40, LogLevel.Warning, "{Vendor} {Operation} differs from its spec ({Kind}) at {Path}: expected {Expected}, got {RawValue}")]
    public static partial void DriftFound(ILogger logger, string vendor, string operation, DriftKind kind, string path, string expected, string? rawValue);

    [LoggerMessage(7, LogLevel.Warning, "{Vendor} may have accepted a job whose submit answer was lost (job id {JobId}); do not submit it again blindly")]
    public static partial void SubmissionUnknown(ILogger logger, string vendor, string? jobId);

    // A hook for drift reporting: the raw state and the vendor's own message, never a credential (both are masked
    // with the client's secret mask before they get here).
    [LoggerMessage(101, LogLevel.Warning, "{Vendor} {Kind} job {JobId} reported state {RawStatus}, which the spec does not list (answer {UnknownPolls} of {AllowedPolls} allowed, polled with {OperationId}): {VendorMessage}", EventName = "UnknownJobStatus")]
    public static partial void UnknownJobStatus(ILogger logger, string vendor, string kind, string jobId, string rawStatus, int unknownPolls, int allowedPolls, string? operationId, string? vendorMessage);
}
