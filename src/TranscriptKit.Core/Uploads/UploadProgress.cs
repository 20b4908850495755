namespace TranscriptKit;

/// <summary>Bytes of an upload sent so far.</summary>
/// <param name="BytesSent">Bytes written to the connection.</param>
/// <param name="TotalBytes">The whole size when known.</param>
public readonly record struct UploadProgress(long BytesSent, long? TotalBytes)
{
    /// <summary>Percent sent (0–100) when the size is known.</summary>
    public double? Percent => TotalBytes is > 0 ? 100.0 * BytesSent / TotalBytes.Value : null;
}
