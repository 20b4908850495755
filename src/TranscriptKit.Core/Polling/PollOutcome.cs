using System.ComponentModel;

namespace TranscriptKit.Runtime;

/// <summary>Where one status response puts a job; produced by the generated classifier from the spec's <c>x-tk-poll</c>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct PollOutcome(PollOutcomeKind Kind, string? State, double? Percent, string? FailureMessage)
{
    /// <summary>The job is still running (also for state values the spec does not list).</summary>
    public static PollOutcome Running(string? state, double? percent) => new(PollOutcomeKind.Running, state, percent, null);

    /// <summary>The job finished successfully.</summary>
    public static PollOutcome Succeeded(string? state, double? percent) => new(PollOutcomeKind.Succeeded, state, percent, null);

    /// <summary>The job failed.</summary>
    public static PollOutcome Failed(string? state, double? percent, string? message) => new(PollOutcomeKind.Failed, state, percent, message);
}

/// <summary>The three places a job can be.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum PollOutcomeKind
{
    /// <summary>Still running.</summary>
    Running,

    /// <summary>Finished successfully.</summary>
    Succeeded,

    /// <summary>Failed.</summary>
    Failed,
}
