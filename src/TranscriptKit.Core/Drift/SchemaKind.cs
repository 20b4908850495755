namespace TranscriptKit;

/// <summary>The JSON kind a spec gives a value, as the drift check compares it.</summary>
public enum SchemaKind
{
    /// <summary>Anything (free-form JSON).</summary>
    Any,

    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON number without a fractional part (<c>3600.0</c> counts).</summary>
    Integer,

    /// <summary>Any JSON number.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A JSON object described by a <see cref="ResponseModel"/>.</summary>
    Object,

    /// <summary>A JSON array.</summary>
    Array,
}
