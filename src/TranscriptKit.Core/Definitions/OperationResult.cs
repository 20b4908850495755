using System;
using System.Collections.Generic;

namespace TranscriptKit;

/// <summary>What an <see cref="OperationInvoker"/> returned: the result as JSON text (a text result as is), or the streamed events.</summary>
public sealed class OperationResult
{
    private OperationResult(string? text, IReadOnlyList<OperationEvent>? events, TranscriptKitException? streamFailure)
    {
        Text = text;
        Events = events;
        StreamFailure = streamFailure;
    }

    /// <summary>The result of an operation that answers with no body.</summary>
    public static OperationResult None { get; } = new(null, null, null);

    /// <summary>The result as JSON text written by the generated writers, or a text result as is; <see langword="null"/> for no body or a stream.</summary>
    public string? Text { get; }

    /// <summary>The events of a streamed call, in order; <see langword="null"/> when the call was not streamed.</summary>
    public IReadOnlyList<OperationEvent>? Events { get; }

    /// <summary>The failure that ended a stream after <see cref="Events"/> arrived (a failure before the first event is thrown instead).</summary>
    public TranscriptKitException? StreamFailure { get; }

    /// <summary>A result written as text.</summary>
    /// <param name="text">JSON text, or a text result.</param>
    /// <returns>The result.</returns>
    public static OperationResult FromText(string text) => new(text ?? throw new ArgumentNullException(nameof(text)), null, null);

    /// <summary>The events of a streamed call.</summary>
    /// <param name="events">The events received.</param>
    /// <param name="streamFailure">What ended the stream early, if anything.</param>
    /// <returns>The result.</returns>
    public static OperationResult FromEvents(IReadOnlyList<OperationEvent> events, TranscriptKitException? streamFailure) =>
        new(null, events ?? throw new ArgumentNullException(nameof(events)), streamFailure);
}
