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
}
