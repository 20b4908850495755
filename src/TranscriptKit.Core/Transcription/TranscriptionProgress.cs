namespace TranscriptKit;

/// <summary>One progress report from <see cref="ITranscriber"/>.</summary>
/// <param name="Vendor">The vendor id.</param>
/// <param name="Stage">Where the transcription is.</param>
/// <param name="Percent">0–100 when known: upload bytes while <see cref="TranscriptionStage.Uploading"/>, the vendor's own progress while processing (only vendors that report it).</param>
/// <param name="VendorState">The vendor's own state text (for example <c>processing</c> or <c>WAITING</c>), when it gave one.</param>
/// <param name="BytesSent">Bytes uploaded so far, while uploading.</param>
/// <param name="TotalBytes">The upload's size, when known.</param>
public sealed record TranscriptionProgress(
    string Vendor,
    TranscriptionStage Stage,
    double? Percent = null,
    string? VendorState = null,
    long? BytesSent = null,
    long? TotalBytes = null);
