namespace TranscriptKit.Reliability.Tests.ResponseFuzzing.Connections;

/// <summary>What the faulty server does to the one request a scenario targets; every other request is answered well.</summary>
public enum ConnectionFault
{
    /// <summary>A well-formed answer: the control case.</summary>
    None,

    /// <summary>Status line and headers (with a Content-Length), then silence.</summary>
    StallAfterHeaders,

    /// <summary>Headers and part of the body, then silence.</summary>
    StallMidBody,

    /// <summary>Headers and part of the body, then the connection is closed (FIN).</summary>
    CutMidBody,

    /// <summary>Headers and part of the body, then the connection is reset (RST).</summary>
    ResetMidBody,

    /// <summary>A Content-Length larger than the bytes sent, then close.</summary>
    ContentLengthTooLarge,

    /// <summary>A chunked body that stops sending chunks, without the terminating chunk.</summary>
    ChunkedStalls,

    /// <summary>A chunked body closed before the terminating chunk.</summary>
    ChunkedCut,

    /// <summary>The whole body, one byte at a time, each byte sooner than any idle timeout.</summary>
    SlowDrip,

    /// <summary>The request is read, then the connection is reset before any response byte.</summary>
    ResetBeforeHeaders,

    /// <summary>The request is read, then the connection is closed before any response byte.</summary>
    CloseBeforeHeaders,

    /// <summary>Event streams: the first event, then silence.</summary>
    SseSilent,

    /// <summary>Event streams: the first event, then only <c>: keep-alive</c> comments, forever.</summary>
    SseKeepAliveOnly,

    /// <summary>Uploads: the request body is never read and no answer comes.</summary>
    UploadNeverRead,
}
