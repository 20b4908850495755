namespace TranscriptKit.Generators.Model;

/// <summary>A diagnostic as data (descriptor id, place, message arguments), reported in the output step.</summary>
internal sealed record DiagnosticInfo(string Id, SourceLocation? Location, EquatableArray<string> Arguments);
