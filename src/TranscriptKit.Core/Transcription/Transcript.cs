using System;
using System.Collections.Generic;

namespace TranscriptKit;

/// <summary>A finished transcript, normalized across vendors.</summary>
public sealed record Transcript
{
    /// <summary>Creates a transcript.</summary>
    /// <param name="vendor">The vendor id.</param>
    /// <param name="jobId">The vendor's job id, or <see langword="null"/> for vendors without jobs.</param>
    /// <param name="text">The whole text.</param>
    /// <param name="segments">Timed segments, empty when the vendor gives none.</param>
    /// <param name="duration">The media's duration, when the vendor reports it (or the last segment's end).</param>
    public Transcript(string vendor, string? jobId, string text, IReadOnlyList<TranscriptSegment> segments, TimeSpan? duration)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(segments);
        Vendor = vendor;
        JobId = jobId;
        Text = text;
        Segments = segments;
        Duration = duration ?? (segments.Count > 0 ? segments[^1].End : null);
        // Only a length the vendor reported is usage; the last segment's end is not the media's length.
        Usage = duration is null ? TranscriptUsage.Unknown : new TranscriptUsage { MediaDuration = duration };
    }

    /// <summary>The vendor id.</summary>
    public string Vendor { get; }

    /// <summary>The vendor's job id, or <see langword="null"/> for vendors that transcribe in one call (Soscripted).</summary>
    public string? JobId { get; }

    /// <summary>The whole text.</summary>
    public string Text { get; }

    /// <summary>Timed segments in order; empty when the vendor returns text only.</summary>
    public IReadOnlyList<TranscriptSegment> Segments { get; }

    /// <summary>The media's duration, when known.</summary>
    public TimeSpan? Duration { get; }

    /// <summary>
    /// What the transcript used: the media's length and the vendor's charge in its own unit, where the vendor's answer or
    /// its documented pricing (<see cref="VendorDefinition.Pricing"/>) tells them; <see langword="null"/> figures where not.
    /// </summary>
    public TranscriptUsage Usage { get; init; }

    /// <summary>True when <see cref="Segments"/> carry timings, so <see cref="ToSrt"/> and <see cref="ToWebVtt"/> work.</summary>
    public bool HasTimings => Segments.Count > 0;

    /// <summary>The segments as SubRip (SRT) text.</summary>
    /// <exception cref="InvalidOperationException">The vendor returned no timings (see <see cref="HasTimings"/>).</exception>
    public string ToSrt() => SubtitleWriter.WriteSrt(EnsureTimings("SRT"));

    /// <summary>The segments as WebVTT text.</summary>
    /// <exception cref="InvalidOperationException">The vendor returned no timings (see <see cref="HasTimings"/>).</exception>
    public string ToWebVtt() => SubtitleWriter.WriteWebVtt(EnsureTimings("WebVTT"));

    private IReadOnlyList<TranscriptSegment> EnsureTimings(string format) => HasTimings
        ? Segments
        : throw new InvalidOperationException(
            $"The {Vendor} transcript has no timings, so it cannot be written as {format}; ask for TimestampGranularity.Segment from a vendor whose capabilities include timings.");
}
