namespace TranscriptKit.SpecTools;

/// <summary>What one spec change does to one side: the generated C# surface, or the wire (and the runtime's behaviour on it).</summary>
public enum ChangeImpact
{
    /// <summary>This side is untouched.</summary>
    None,

    /// <summary>Something new, or something looser; code and calls that worked keep working.</summary>
    Additive,

    /// <summary>Code that compiled may not compile, or calls and responses that worked may fail or behave differently.</summary>
    Breaking,
}
