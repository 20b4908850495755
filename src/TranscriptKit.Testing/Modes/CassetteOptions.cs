using System;

namespace TranscriptKit.Testing;

/// <summary>How a <see cref="CassetteHandler"/> names, records and replays its cassette.</summary>
public sealed class CassetteOptions
{
    /// <summary>
    /// The vendor id for a new cassette; by default the name of the file's folder (the fixtures' layout is
    /// <c>&lt;vendor&gt;/&lt;scenario&gt;.json</c>). An existing file keeps its own.
    /// </summary>
    public string? Vendor { get; set; }

    /// <summary>The scenario for a new cassette; by default the file name without its extension. An existing file keeps its own.</summary>
    public string? Scenario { get; set; }

    /// <summary>What is recorded and redacted. Redaction is on in every mode that records; these sets only add to it.</summary>
    public RecordingOptions Recording { get; } = new();

    /// <summary>When a replayed event stream's events are delivered; <see cref="ReplayTiming.AsFastAsPossible"/> by default.</summary>
    public ReplayTiming Timing { get; set; }

    /// <summary>
    /// The clock for recording times, event offsets, interaction ages (<see cref="CassetteMode.ReRecordOlderThan"/>) and
    /// <see cref="ReplayTiming.Original"/>; <see cref="TimeProvider.System"/> by default. Tests pass a fake one. It
    /// replaces <see cref="RecordingOptions.TimeProvider"/> of <see cref="Recording"/>, so one clock serves the handler.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
