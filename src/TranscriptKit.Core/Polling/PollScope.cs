using System.Threading;

namespace TranscriptKit.Runtime;

/// <summary>
/// What the pipeline tells the poller about the status call it just made: the vendor's display name, the operationId
/// and the client's secret mask. The generated <c>WaitFor…Async</c> hands the poller only a delegate, so the poller
/// opens a scope that flows (as an <see cref="AsyncLocal{T}"/>) into the status call, and the pipeline fills it; the
/// poller's own errors (job failed, timed out) then name the operation and mask an echoed key like every other error.
/// </summary>
internal sealed class PollScope
{
    private static readonly AsyncLocal<PollScope?> s_current = new();

    /// <summary>The scope of the poll in progress on this flow, if any.</summary>
    public static PollScope? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    public string? DisplayName { get; set; }

    public string? OperationId { get; set; }

    public SecretMask Mask { get; set; } = SecretMask.None;

    /// <summary>The client's logger, for the poller's warnings (an unknown job state).</summary>
    public Microsoft.Extensions.Logging.ILogger? Logger { get; set; }
}
