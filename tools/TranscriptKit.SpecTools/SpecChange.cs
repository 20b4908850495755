namespace TranscriptKit.SpecTools;

/// <summary>One difference between two versions of a spec, classified for the generated C# and for the wire.</summary>
/// <param name="Subject">What changed, as the spec names it: <c>operation createJob</c>, <c>schema Job.status</c>, <c>x-tk-limits max-upload-bytes</c>.</param>
/// <param name="Rule">The rule that found it, a stable kebab-case id (<c>operation-removed</c>, <c>property-type-widened</c>, …) scripts can match.</param>
/// <param name="CSharp">The effect on the generated C# surface.</param>
/// <param name="Wire">The effect on requests, responses and the runtime's behaviour (paid, polling, limits).</param>
/// <param name="Detail">The old and new values in words.</param>
public sealed record SpecChange(string Subject, string Rule, ChangeImpact CSharp, ChangeImpact Wire, string Detail)
{
    /// <summary>Whether either side breaks.</summary>
    public bool IsBreaking => CSharp == ChangeImpact.Breaking || Wire == ChangeImpact.Breaking;
}
