namespace TranscriptKit;

/// <summary>Where a transcription is, in the order a vendor flow passes through them.</summary>
public enum TranscriptionStage
{
    /// <summary>Media bytes are being sent.</summary>
    Uploading = 0,

    /// <summary>The job is being created at the vendor.</summary>
    Submitting = 1,

    /// <summary>The vendor is working; the transcriber polls or listens.</summary>
    Processing = 2,

    /// <summary>The result is being fetched.</summary>
    Downloading = 3,

    /// <summary>The transcript is ready.</summary>
    Completed = 4,
}
