namespace TranscriptKit;

/// <summary>How a vendor's response differed from its spec.</summary>
public enum DriftKind
{
    /// <summary>The body has a field the spec's model does not list.</summary>
    UnknownField,

    /// <summary>A field the spec marks required is absent.</summary>
    MissingRequiredField,

    /// <summary>A value has another JSON kind than the spec's type (a string for a number, a fraction for an integer, a null for a non-nullable field).</summary>
    TypeMismatch,

    /// <summary>A string is none of the enum's documented values (job statuses included).</summary>
    UnknownEnumValue,

    /// <summary>The response's HTTP status code is not among the operation's documented ones.</summary>
    UndocumentedStatus,

    /// <summary>A Server-Sent Event whose name the spec's <c>x-tk-sse</c> does not list (its path is <c>event[name]</c>).</summary>
    UnknownEvent,
}
