namespace TranscriptKit.Generators.Model;

internal enum ConditionOperator
{
    Equals,
    Contains,
    AtLeast,
}

/// <summary>A field of the status response, resolved to C# property names and the leaf type.</summary>
internal sealed record FieldPath(string Spec, EquatableArray<string> Properties, TypeRef LeafType);

/// <summary>
/// A test on one field: equals one of the values, contains one of them, or is at least a number. <c>Inferred</c> holds
/// the values written <c>{ value: …, x-tk-inferred: true }</c> (not in the vendor's docs).
/// </summary>
internal sealed record PollCondition(FieldPath Field, ConditionOperator Operator, EquatableArray<string> Values, double Threshold, EquatableArray<string> Inferred);

/// <summary>An <c>x-tk-poll</c>: the status operation and how to read a job's state from it.</summary>
internal sealed record PollSpec(
    string Name,
    string StatusOperationId,
    string StatusMethodName,
    string? StartOperationId,
    string ResponseTypeName,
    EquatableArray<ParameterSpec> JobParameters,
    PollCondition Succeeded,
    PollCondition? Failed,
    FieldPath State,
    FieldPath? FailureMessage,
    FieldPath? Progress,
    double IntervalSeconds,
    double MaxIntervalSeconds,
    double BackoffFactor,
    double TimeoutSeconds,
    PollCondition? Running,
    PollCondition? Error,
    int UnknownGrace);
