namespace TranscriptKit;

/// <summary>One Server-Sent Event of a streamed operation.</summary>
/// <param name="EventType">The event name as sent.</param>
/// <param name="Data">Its data as JSON text from the generated writers; <see langword="null"/> for an event the spec does not list.</param>
public sealed record OperationEvent(string EventType, string? Data);
