using System;
using System.Collections.Generic;

namespace TranscriptKit;

/// <summary>A timed stretch of the transcript: one SRT/WebVTT cue.</summary>
/// <param name="Start">Offset from the start of the media.</param>
/// <param name="End">Offset where the segment ends.</param>
/// <param name="Text">The segment's text; may span lines.</param>
public sealed record TranscriptSegment(TimeSpan Start, TimeSpan End, string Text)
{
    /// <summary>Per-word timings, when the vendor gave them; empty otherwise.</summary>
    public IReadOnlyList<TranscriptWord> Words { get; init; } = [];
}
