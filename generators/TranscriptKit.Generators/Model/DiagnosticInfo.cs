using Microsoft.CodeAnalysis;

namespace TranscriptKit.Generators.Model;

/// <summary>
/// A diagnostic as data (its descriptor, place, message arguments), reported in the output step. It holds the descriptor
/// itself, not its id, so a diagnostic can never be reported under another one's descriptor; descriptors are equatable.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, SourceLocation? Location, EquatableArray<string> Arguments)
{
    /// <summary>Whether it stops generation (every diagnostic but a warning does).</summary>
    public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;
}
