namespace TranscriptKit.Generators.Model;

internal enum SchemaKind
{
    Object,
    Enum,
}

/// <summary>A model or enum from components/schemas.</summary>
internal sealed record SchemaSpec(
    string Name,
    string SpecName,
    SchemaKind Kind,
    string? Description,
    bool Inferred,
    EquatableArray<PropertySpec> Properties,
    EquatableArray<EnumValueSpec> Values);

/// <summary>One property of a model.</summary>
internal sealed record PropertySpec(string JsonName, string Name, TypeRef Type, bool Required, string? Description, bool Inferred)
{
    /// <summary>Whether the C# property is non-nullable: present in every body and never null.</summary>
    public bool IsNonNull => Required && !Type.Nullable;
}

/// <summary>One known value of an extensible enum.</summary>
internal sealed record EnumValueSpec(string Value, string Name);
