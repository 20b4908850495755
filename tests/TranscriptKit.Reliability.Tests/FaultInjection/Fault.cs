namespace TranscriptKit.Reliability.Tests.FaultInjection;

/// <summary>The network faults the suite injects through the sandbox's switches, each armed for one request.</summary>
public enum Fault
{
    /// <summary>No headers ever (the sandbox holds the request for 10 minutes): the classic timeout.</summary>
    NoAnswer,

    /// <summary>Status and headers, then no body until the client gives up.</summary>
    StallAfterHeaders,

    /// <summary>Half the body under the full Content-Length, then the connection ends.</summary>
    ResetMidBody,

    /// <summary>Processed (a job is charged), then the connection closes without a byte of answer.</summary>
    CloseWithoutAnswer,

    /// <summary>503 with <c>Retry-After: 600</c>.</summary>
    LongRetryAfter503,

    /// <summary>A 200 whose JSON is cut in half (complete at the HTTP level).</summary>
    TruncatedJson,

    /// <summary>The upload is never read nor answered.</summary>
    HangUpload,

    /// <summary>The event stream sends its first event, then nothing.</summary>
    SilentStream,

    /// <summary>The event stream sends its first event, then only <c>: keep-alive</c> comments.</summary>
    KeepAliveOnlyStream,
}
