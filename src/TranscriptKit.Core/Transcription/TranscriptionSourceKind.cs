namespace TranscriptKit;

/// <summary>What a <see cref="TranscriptionRequest"/> transcribes.</summary>
public enum TranscriptionSourceKind
{
    /// <summary>A local file, streamed from disk.</summary>
    File = 0,

    /// <summary>A caller-owned stream.</summary>
    Stream = 1,

    /// <summary>A URL the vendor fetches itself.</summary>
    Url = 2,
}
