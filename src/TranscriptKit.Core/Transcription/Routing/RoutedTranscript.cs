using System.Collections.Generic;

namespace TranscriptKit;

/// <summary>A transcript a <see cref="TranscriptionRouter"/> obtained, with the vendors it tried on the way.</summary>
/// <param name="Transcript">The transcript; <see cref="Transcript.Vendor"/> is the vendor that served it.</param>
/// <param name="Attempts">Every vendor considered, in order, ending with the one that served.</param>
public sealed record RoutedTranscript(Transcript Transcript, IReadOnlyList<RouteAttempt> Attempts);
