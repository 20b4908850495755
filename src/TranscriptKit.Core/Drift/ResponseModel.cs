using System.Collections.Generic;

namespace TranscriptKit;

/// <summary>A model of the spec's <c>components/schemas</c>, as the drift check reads it.</summary>
/// <param name="Name">The spec's schema name.</param>
/// <param name="Properties">Its properties.</param>
public sealed record ResponseModel(string Name, IReadOnlyList<SchemaProperty> Properties);
