using System.Collections.Generic;
using System.Linq;

namespace TranscriptKit.SpecTools;

/// <summary>Every change between two versions of a spec, in spec order (client, operations, schemas, extensions).</summary>
/// <param name="Changes">The changes; empty when the two versions generate the same surface and behave the same.</param>
public sealed record SpecDiffResult(IReadOnlyList<SpecChange> Changes)
{
    /// <summary>Whether any change breaks the generated C# or the wire.</summary>
    public bool IsBreaking => Changes.Any(c => c.IsBreaking);
}
