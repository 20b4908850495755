using System;
using System.Collections.Generic;
using System.Linq;
using TranscriptKit.Sandbox;

namespace TranscriptKit.Reliability.Tests.FaultInjection;

/// <summary>One vendor flow with one fault armed, once, on one of its operations.</summary>
public sealed record FaultCase(VendorFlow Flow, FlowOperation Target, Fault Fault)
{
    /// <summary>Every vendor flow × every operation in it × every fault that applies to that operation's step.</summary>
    public static IEnumerable<FaultCase> All =>
        from flow in VendorFlow.All
        from target in flow.Operations
        from fault in Applicable(target)
        select new FaultCase(flow, target, fault);

    /// <summary>
    /// Whether the flow must come back with the transcript: a one-off transport fault on an idempotent read (the poll,
    /// the download) is retried, so nothing but a recovery is acceptable there. Elsewhere a typed error is too.
    /// </summary>
    public bool MustRecover => Target.Step is FlowStep.Poll or FlowStep.Download && Fault is Fault.NoAnswer or Fault.StallAfterHeaders or Fault.ResetMidBody or Fault.CloseWithoutAnswer;

    /// <summary>
    /// Whether the fault hides the answer to a job-starting request the vendor received: a typed error must then say
    /// <see cref="SubmissionOutcome.Unknown"/>, never that nothing was accepted (the caller would submit and pay again).
    /// </summary>
    public bool LosesSubmitAnswer => Target.Step == FlowStep.Submit && Fault is Fault.NoAnswer or Fault.StallAfterHeaders or Fault.ResetMidBody or Fault.CloseWithoutAnswer;

    /// <summary>Why this case cannot pass yet (a runtime gap the lead has been told about), or <see langword="null"/>.</summary>
    public string? WaitingFor => Flow.WaitingFor?.GetValueOrDefault((Target.Operation, Fault));

    /// <summary>Arms the fault for the next request of the target operation.</summary>
    public void Arm(VendorFaults faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        var operation = Target.Operation;
        _ = Fault switch
        {
            Fault.NoAnswer => faults.DelayNext(1, TimeSpan.FromMinutes(10), operation),
            Fault.StallAfterHeaders => faults.StallAfterHeadersNext(1, operation),
            Fault.ResetMidBody => faults.ResetMidBodyNext(1, operation),
            Fault.CloseWithoutAnswer => faults.CloseWithoutAnswerNext(1, operation),
            Fault.LongRetryAfter503 => faults.FailNext(1, 503, retryAfter: TimeSpan.FromMinutes(10), operation: operation),
            Fault.TruncatedJson => faults.MalformNext(1, operation),
            Fault.HangUpload => faults.HangUploadNext(1, operation),
            Fault.SilentStream => faults.SilenceStreamNext(1),
            Fault.KeepAliveOnlyStream => faults.SilenceStreamNext(1, keepAliveInterval: TimeSpan.FromMilliseconds(100)),
            _ => throw new ArgumentOutOfRangeException(nameof(Fault), Fault, "No switch for this fault."),
        };
    }

    public override string ToString() => $"{Flow.Label} {Target.Step} {Target.Operation} {Fault}";

    private static IEnumerable<Fault> Applicable(FlowOperation target)
    {
        Fault[] response = [Fault.StallAfterHeaders, Fault.ResetMidBody, Fault.CloseWithoutAnswer, Fault.LongRetryAfter503];
        return target.Step switch
        {
            // A signed-storage PUT is answered by storage, not the API: only the upload hang applies to it.
            FlowStep.Upload when target.Operation == VendorFaults.SignedUploadOperation => [Fault.HangUpload],
            FlowStep.Upload => target.CarriesFile ? [Fault.HangUpload, .. response] : response,
            FlowStep.Submit => [Fault.NoAnswer, .. response],
            FlowStep.Poll => [Fault.NoAnswer, .. response, Fault.TruncatedJson],
            FlowStep.Download => response,
            FlowStep.Stream => [Fault.SilentStream, Fault.KeepAliveOnlyStream],
            _ => [],
        };
    }
}
