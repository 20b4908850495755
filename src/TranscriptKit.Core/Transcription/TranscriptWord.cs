using System;

namespace TranscriptKit;

/// <summary>One word with its timing, as the vendor gave it.</summary>
/// <param name="Start">Offset from the start of the media.</param>
/// <param name="End">Offset where the word ends.</param>
/// <param name="Text">The word.</param>
public sealed record TranscriptWord(TimeSpan Start, TimeSpan End, string Text);
