namespace TranscriptKit;

/// <summary>How a job state value is compared (<see cref="JobStatusValue.Match"/>).</summary>
public enum JobStatusMatch
{
    /// <summary>The field equals the value (case-insensitively for text).</summary>
    Equals,

    /// <summary>The field's text contains the value (case-insensitively).</summary>
    Contains,

    /// <summary>The field's number is at least the value.</summary>
    AtLeast,
}
