namespace TranscriptKit;

/// <summary>One vendor's turn in a routed request: who, what happened and why.</summary>
/// <param name="Vendor">The vendor id.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Reason">Why, for people (the capability that did not fit, or the vendor's error message).</param>
public sealed record RouteAttempt(string Vendor, RouteAttemptOutcome Outcome, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Vendor}: {Outcome} ({Reason})";
}
