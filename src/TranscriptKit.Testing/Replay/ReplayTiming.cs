namespace TranscriptKit.Testing;

/// <summary>When a replayed event stream's events reach the client.</summary>
public enum ReplayTiming
{
    /// <summary>The whole recorded body at once, as fast as the client reads it (the default).</summary>
    AsFastAsPossible,

    /// <summary>
    /// Each event of a <c>text/event-stream</c> response at the offset it arrived when recorded
    /// (<see cref="CassetteResponse.EventOffsetsMs"/>), measured on the replay's <see cref="System.TimeProvider"/> from the
    /// moment the response is returned. A body recorded without offsets is served at once.
    /// </summary>
    Original,
}
