using TranscriptKit.Sandbox;

// <readme:sandbox-faults>
// <readme:hide>
namespace TranscriptKit.Samples;

/// <summary>The README block "sandbox-faults", compiled so it cannot rot.</summary>
internal static class SandboxFaultsSample
{
    public static async Task RunAsync(VendorSandbox sandbox)
    {
// </readme:hide>
var faults = sandbox.Faults.For("subclip");
faults.FailNext(2, 429, retryAfter: TimeSpan.FromSeconds(1));          // Retry-After: 1, in the vendor's error shape
faults.FailNext(1, 503, retryAfter: TimeSpan.FromMinutes(10), operation: "getJob"); // only the poll
faults.DelayNext(1, TimeSpan.FromSeconds(5));                          // hold, then answer
faults.MalformNext(1, operation: "getJob");                             // the real answer, cut in half: not valid JSON
faults.StallAfterHeadersNext(1, operation: "createJob");                // processed and charged; headers, then no body
faults.ResetMidBodyNext(1, operation: "getJob");                        // half the body, then the connection drops
faults.CloseWithoutAnswerNext(1, operation: "createJob");              // processed and charged; connection closed, no byte sent
faults.HangUploadNext(1);                                               // the signed PUT is never read nor answered
sandbox.Faults.For("soscripted").SilenceStreamNext(1);                   // SSE: first event, then silence
sandbox.Faults.For("soscripted").SilenceStreamNext(1, keepAliveInterval: TimeSpan.FromSeconds(1)); // ": keep-alive" forever
sandbox.Faults.For("transcriptgenerate").FailNextJobs(1);               // next job ends FAILURE / failed / 500 / SSE error
sandbox.Faults.For("subclip").DriftNext(100, SandboxDrift.UnknownStatus, operation: "getJob"); // status "drift_unknown_state"
sandbox.Faults.For("soscripted").DriftNext(1, SandboxDrift.OkFalse | SandboxDrift.ExtraFields); // {"ok":false,"error":…}
sandbox.Faults.Reset();                                                 // or .For(id).Reset()
// <readme:hide>
    }
}
// </readme:hide>
// </readme:sandbox-faults>
