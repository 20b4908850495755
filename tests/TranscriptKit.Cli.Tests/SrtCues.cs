using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace TranscriptKit.Cli.Tests;

/// <summary>SRT or WebVTT cues as (start, end, text), so outputs compare by content rather than by line endings or numbering.</summary>
internal static partial class SrtCues
{
    public static IReadOnlyList<(string Start, string End, string Text)> Parse(string subtitles) =>
        Cue().Matches(subtitles.Replace("\r\n", "\n"))
            .Select(m => (m.Groups["start"].Value.Replace('.', ','), m.Groups["end"].Value.Replace('.', ','), m.Groups["text"].Value.Trim()))
            .ToList();

    [GeneratedRegex(@"(?<start>\d\d:\d\d:\d\d[,.]\d{3}) --> (?<end>\d\d:\d\d:\d\d[,.]\d{3})[^\n]*\n(?<text>(?:[^\n]+\n?)+)")]
    private static partial Regex Cue();
}
