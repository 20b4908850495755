namespace TranscriptKit;

/// <summary>One difference between a vendor's response and its spec.</summary>
/// <param name="Vendor">The vendor id.</param>
/// <param name="OperationId">The spec's operationId.</param>
/// <param name="Kind">What kind of difference.</param>
/// <param name="Path">Where in the body, as a JSON path (<c>$.transcription.words[0].start</c>); <c>$</c> for the status code.</param>
/// <param name="Expected">What the spec says, e.g. <c>integer</c>, <c>one of queued, done</c>, <c>200, 404</c>.</param>
/// <param name="RawValue">What arrived, truncated and with the client's credentials masked; <see langword="null"/> for a missing field.</param>
public sealed record DriftFinding(string Vendor, string OperationId, DriftKind Kind, string Path, string Expected, string? RawValue)
{
    /// <summary>One line for logs and the CLI summary.</summary>
    public override string ToString() =>
        $"{Vendor} {OperationId} {Kind} at {Path}: expected {Expected}" + (RawValue is null ? "" : $", got {RawValue}");
}
