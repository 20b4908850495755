using System;
using TranscriptKit.Generators.Model;

namespace TranscriptKit.Generators.Emitting;

/// <summary>C# spellings of spec types (literals and other spec text: <see cref="CSharpText"/>).</summary>
internal static class TypeNames
{
    /// <summary>The C# type; <paramref name="nullable"/> adds <c>?</c>.</summary>
    public static string Of(TypeRef type, bool nullable) => Core(type) + (nullable ? "?" : string.Empty);

    /// <summary>The type as a property or parameter that may hold null when <paramref name="nonNull"/> is false.</summary>
    public static string Member(TypeRef type, bool nonNull) => Of(type, !nonNull);

    private static string Core(TypeRef type) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.Double => "double",
        TypeKind.Boolean => "bool",
        TypeKind.Any => KnownTypes.JsonElement,
        TypeKind.Object or TypeKind.Enum => type.SchemaName!,
        TypeKind.Array => $"{KnownTypes.ReadOnlyList}<{Of(type.Item!, type.Item!.Nullable)}>",
        TypeKind.File => KnownTypes.UploadFile,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, null),
    };
}
