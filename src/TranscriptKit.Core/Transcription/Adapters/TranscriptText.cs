using System;
using System.Collections.Generic;
using System.Linq;

namespace TranscriptKit;

/// <summary>Helpers the adapters share to build a <see cref="Transcript"/>.</summary>
internal static class TranscriptText
{
    /// <summary>The segments' text joined the way a reader would read it: one space between cues, line breaks inside cues flattened.</summary>
    public static string Join(IEnumerable<TranscriptSegment> segments) =>
        string.Join(' ', segments.Select(s => s.Text.Replace('\n', ' ').Trim()).Where(t => t.Length > 0));

    public static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(Math.Max(0, seconds));

    public static TimeSpan? Seconds(double? seconds) => seconds is { } value ? Seconds(value) : null;
}
