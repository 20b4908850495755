using System.ComponentModel;

namespace TranscriptKit.Runtime;

/// <summary>Where one status response puts a job; produced by the generated classifier from the spec's <c>x-tk-poll</c>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct PollOutcome(PollOutcomeKind Kind, string? State, double? Percent, string? FailureMessage)
{
    /// <summary>The job is still running (for a spec without <c>running-when</c>, also for state values it does not list).</summary>
    public static PollOutcome Running(string? state, double? percent) => new(PollOutcomeKind.Running, state, percent, null);

    /// <summary>The job finished successfully.</summary>
    public static PollOutcome Succeeded(string? state, double? percent) => new(PollOutcomeKind.Succeeded, state, percent, null);

    /// <summary>The job failed.</summary>
    public static PollOutcome Failed(string? state, double? percent, string? message) => new(PollOutcomeKind.Failed, state, percent, message);

    /// <summary>The state is in none of the spec's lists (running, succeeded, failed): the poller allows a few such answers, then gives up.</summary>
    public static PollOutcome Unknown(string? state, double? percent, string? message) => new(PollOutcomeKind.Unknown, state, percent, message);
}

/// <summary>The places a job can be, as far as the spec knows.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum PollOutcomeKind
{
    /// <summary>Still running.</summary>
    Running,

    /// <summary>Finished successfully.</summary>
    Succeeded,

    /// <summary>Failed.</summary>
    Failed,

    /// <summary>A state the spec does not list: neither running, succeeded nor failed.</summary>
    Unknown,
}
