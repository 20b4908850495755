namespace TranscriptKit.Generators.Model;

internal enum TypeKind
{
    String,
    Int32,
    Int64,
    Double,
    Boolean,
    /// <summary>Free-form JSON (System.Text.Json's JsonElement).</summary>
    Any,
    /// <summary>A model from components/schemas.</summary>
    Object,
    /// <summary>An extensible string enum from components/schemas.</summary>
    Enum,
    Array,
    /// <summary>Binary content (a multipart file part).</summary>
    File,
}

/// <summary>The type of a property, parameter, item or body.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="SchemaName">The C# type name for <see cref="TypeKind.Object"/> and <see cref="TypeKind.Enum"/>.</param>
/// <param name="Item">The element type of an array.</param>
/// <param name="Nullable">Whether JSON null is allowed (<c>type: [x, "null"]</c>).</param>
/// <param name="Open">For an enum: the spec says other strings are valid too (<c>anyOf</c> with <c>{type: string}</c>), so a value it does not list is not drift.</param>
internal sealed record TypeRef(TypeKind Kind, string? SchemaName = null, TypeRef? Item = null, bool Nullable = false, bool Open = false)
{
    public bool IsValueType => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Boolean or TypeKind.Any or TypeKind.Enum;

    public bool IsNumber => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double;

    public bool IsTextual => Kind is TypeKind.String or TypeKind.Enum;

    public bool IsPrimitive => Kind is TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Boolean;
}
