namespace TranscriptKit;

/// <summary>Cliptext-only choices of <see cref="CliptextTranscriber"/>, beside the vendor-neutral <see cref="TranscriberOptions"/>.</summary>
public sealed class CliptextTranscriberOptions
{
    /// <summary>
    /// The largest file, in bytes, sent inside one multipart <c>POST /transcriptions</c>; a larger file, or one whose
    /// length cannot be known before sending (a non-seekable stream), goes through the presigned upload flow.
    /// <see langword="null"/> (the default) takes <c>CliptextVendor.Definition.Limits.MaxDirectUploadBytes</c> from the
    /// spec; <c>0</c> always uses the presigned flow; <see cref="long.MaxValue"/> sends every file of known length as multipart.
    /// </summary>
    public long? MaxDirectUploadBytes { get; set; }
}
