using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace TranscriptKit.Generators.Model;

/// <summary>A place in a spec file (0-based lines and columns), kept as plain data so it caches.</summary>
internal sealed record SourceLocation(string FilePath, int Offset, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Offset, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
}
