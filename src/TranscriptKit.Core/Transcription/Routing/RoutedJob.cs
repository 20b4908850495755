using System.Collections.Generic;

namespace TranscriptKit;

/// <summary>A job a <see cref="TranscriptionRouter"/> placed, with the vendors it tried on the way.</summary>
/// <param name="Job">The accepted job; its token names the vendor that serves it.</param>
/// <param name="Attempts">Every vendor considered, in order, ending with the one that accepted.</param>
public sealed record RoutedJob(TranscriptionJob Job, IReadOnlyList<RouteAttempt> Attempts);
