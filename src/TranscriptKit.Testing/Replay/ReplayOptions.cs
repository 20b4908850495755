using System;

namespace TranscriptKit.Testing;

/// <summary>How a <see cref="ReplayingHandler"/> pairs requests with a cassette's interactions.</summary>
public sealed class ReplayOptions
{
    /// <summary>
    /// When <see langword="false"/> (the default), request <c>n</c> must match interaction <c>n</c>. When
    /// <see langword="true"/>, each request is served by the first interaction not yet played that matches it, for
    /// clients that send requests concurrently.
    /// </summary>
    public bool AnyOrder { get; set; }

    /// <summary>When a replayed event stream's events are delivered; <see cref="ReplayTiming.AsFastAsPossible"/> by default.</summary>
    public ReplayTiming Timing { get; set; }

    /// <summary>The clock <see cref="ReplayTiming.Original"/> waits on; <see cref="TimeProvider.System"/> by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
