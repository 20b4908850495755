namespace TranscriptKit.Reliability.Tests.FaultInjection;

/// <summary>Where in a vendor's flow a request belongs; decides which faults apply and how many paid jobs a failure leaves.</summary>
public enum FlowStep
{
    /// <summary>Getting the bytes to the vendor: a multipart upload, or create URL → signed PUT → complete. Nothing is paid yet.</summary>
    Upload,

    /// <summary>The job-starting, paid request.</summary>
    Submit,

    /// <summary>The status request the poller repeats (idempotent).</summary>
    Poll,

    /// <summary>Fetching the finished transcript (idempotent).</summary>
    Download,

    /// <summary>A Server-Sent Event stream after its headers (Soscripted's <c>transcribe</c>).</summary>
    Stream,
}
