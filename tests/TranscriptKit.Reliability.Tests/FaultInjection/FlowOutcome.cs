namespace TranscriptKit.Reliability.Tests.FaultInjection;

/// <summary>How a faulted flow ended.</summary>
public enum FlowOutcome
{
    /// <summary>It returned the same transcript as without the fault.</summary>
    Recovered,

    /// <summary>It threw a <see cref="TranscriptKitException"/>.</summary>
    TypedError,

    /// <summary>It was still running when the guard ran out: it ignored its configured timeouts.</summary>
    Hang,

    /// <summary>It threw something other than a <see cref="TranscriptKitException"/>.</summary>
    UntypedError,
}
