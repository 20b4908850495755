using System.Collections.Generic;

namespace TranscriptKit;

/// <summary>The spec's type of one value, compact enough to generate into each vendor definition.</summary>
/// <param name="Kind">The JSON kind.</param>
/// <param name="Model">For <see cref="SchemaKind.Object"/>: the model's name in <see cref="ResponseSchema.Models"/>.</param>
/// <param name="Item">For <see cref="SchemaKind.Array"/>: the element type.</param>
/// <param name="Nullable">Whether JSON <c>null</c> is allowed.</param>
/// <param name="EnumValues">For an enum string: its documented values; <see langword="null"/> for a free string.</param>
public sealed record SchemaNode(SchemaKind Kind, string? Model = null, SchemaNode? Item = null, bool Nullable = false, IReadOnlyList<string>? EnumValues = null);
