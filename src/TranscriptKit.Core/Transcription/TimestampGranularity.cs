namespace TranscriptKit;

/// <summary>The timings a caller needs in the <see cref="Transcript"/>; a vendor that cannot give them is refused before any call.</summary>
public enum TimestampGranularity
{
    /// <summary>Text is enough; segments are still filled when the vendor returns them anyway.</summary>
    None = 0,

    /// <summary>Timed segments (what SRT and WebVTT need).</summary>
    Segment = 1,

    /// <summary>Timed segments with per-word timings.</summary>
    Word = 2,
}
