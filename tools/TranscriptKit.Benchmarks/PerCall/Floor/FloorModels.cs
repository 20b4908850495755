using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace TranscriptKit.Benchmarks.PerCall.Floor;

// The floor: what a careful hand would write for Subclip's three calls with System.Text.Json's source generator.
// Enums stay strings (the cheapest honest choice for open-ended vendor values).

public sealed record FloorCreateJobRequest(string? Url, string? SourceObjectKey, string? Platform, string Language, string? Format, bool? IncludeWordTimestamps);

public sealed record FloorCreateJobResult(string ProjectId, string Status, string? RunId, double? EstimatedCredits, string? StatusUrl, string? DownloadUrl, string? Platform, string? Format);

public sealed record FloorJobStatusResult(
    string ProjectId,
    string Status,
    bool? OutputReady,
    string? Platform,
    string? Format,
    bool? IncludeWordTimestamps,
    double? DurationSeconds,
    double? CreditsUsed,
    string? Text,
    string? Output,
    FloorTranscriptDocument? Transcript,
    IReadOnlyList<FloorWordTimestamp>? WordTimestamps);

public sealed record FloorTranscriptDocument(string? Text, IReadOnlyList<FloorTranscriptSegment>? Segments);

public sealed record FloorTranscriptSegment(double? Start, double? End, string? Text, IReadOnlyList<FloorWordTimestamp>? Words);

public sealed record FloorWordTimestamp(string? Word, double? Start, double? End);

public sealed record FloorErrorBody(string? Error);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, AllowTrailingCommas = true)]
[JsonSerializable(typeof(FloorCreateJobRequest))]
[JsonSerializable(typeof(FloorCreateJobResult))]
[JsonSerializable(typeof(FloorJobStatusResult))]
[JsonSerializable(typeof(FloorErrorBody))]
public sealed partial class FloorJsonContext : JsonSerializerContext
{
}
