namespace TranscriptKit;

/// <summary>One property of a <see cref="ResponseModel"/>.</summary>
/// <param name="Name">The JSON name.</param>
/// <param name="Type">Its type.</param>
/// <param name="Required">Whether the spec lists it under <c>required</c>.</param>
public sealed record SchemaProperty(string Name, SchemaNode Type, bool Required);
