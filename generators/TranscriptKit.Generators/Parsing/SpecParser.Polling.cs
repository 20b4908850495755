using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TranscriptKit.Generators.Model;
using YamlDotNet.RepresentationModel;

namespace TranscriptKit.Generators.Parsing;

/// <summary><c>x-tk-poll</c> on a status operation → <see cref="PollSpec"/>, with its fields resolved against the response model.</summary>
internal sealed partial class SpecParser
{
    private const string PollKey = "x-tk-poll";

    private EquatableArray<PollSpec> ParsePolls(YamlMappingNode root, List<ParsedOperation> operations, Dictionary<string, SchemaEntry> schemas)
    {
        var polls = new List<PollSpec>();
        var names = new HashSet<string>();
        foreach (var operation in operations)
        {
            if (Get(operation.Node, PollKey) is not { } node)
            {
                continue;
            }

            var poll = ParsePoll(node, operation.Spec, operations, schemas);
            if (poll is null)
            {
                continue;
            }

            if (!names.Add(poll.Name))
            {
                Report(Diagnostics.InvalidExtension, Get(Map(node), "name") ?? node, PollKey + ".name", $"'{poll.Name}' is used by another x-tk-poll");
                continue;
            }

            polls.Add(poll);
        }

        return polls.ToEquatableArray();
    }

    /// <summary>
    /// The <c>start</c> of an x-tk-poll starts a job at the vendor, and every vendor of ours charges for jobs: it is paid
    /// unless the spec says <c>x-tk-paid: false</c>, so a new spec cannot forget to protect its job-starting POST.
    /// </summary>
    private void SettlePaid(List<ParsedOperation> operations, EquatableArray<PollSpec> polls)
    {
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            if (operation.Spec.Paid || Get(operation.Node, "x-tk-paid") is not null || !polls.Any(p => p.StartOperationId == operation.Spec.OperationId))
            {
                continue;
            }

            if (operation.Spec.Idempotent && Get(operation.Node, "x-tk-idempotent") is { } idempotentNode)
            {
                Report(Diagnostics.InvalidExtension, idempotentNode, "x-tk-idempotent", $"{operation.Spec.OperationId} starts an x-tk-poll job, which is paid, so it must not be retried; remove x-tk-idempotent: true (or say x-tk-paid: false if the job is free)");
                continue;
            }

            operations[i] = operation with { Spec = operation.Spec with { Paid = true, Idempotent = false } };
        }
    }

    private PollSpec? ParsePoll(YamlNode node, OperationSpec operation, List<ParsedOperation> operations, Dictionary<string, SchemaEntry> schemas)
    {
        if (Map(node) is not { } map)
        {
            Report(Diagnostics.InvalidExtension, node, PollKey, "must be a mapping");
            return null;
        }

        var name = Str(Get(map, "name"));
        if (name is null || Naming.Pascal(name) != name)
        {
            Report(Diagnostics.InvalidExtension, Get(map, "name") ?? map, PollKey + ".name", "must be a PascalCase name such as 'Transcription' (it names WaitForTranscriptionAsync)");
            return null;
        }

        if (operation.Response.Kind != ResponseKind.Json || operation.Response.Type is not { Kind: TypeKind.Object } responseType)
        {
            Report(Diagnostics.InvalidExtension, map, PollKey, $"{operation.OperationId} must answer with a JSON model to be polled");
            return null;
        }

        var start = Str(Get(map, "start"));
        if (start is not null && operations.All(o => o.Spec.OperationId != start))
        {
            Report(Diagnostics.InvalidExtension, Get(map, "start")!, PollKey + ".start", $"no operation has operationId '{start}'");
            return null;
        }

        var jobParameters = operation.Parameters.Where(p => p.Required).ToList();
        if (jobParameters.Any(p => p.Type.Kind != TypeKind.String) || operation.Parameters.Any(p => !p.Required) || operation.Body is not null)
        {
            Report(Diagnostics.InvalidExtension, map, PollKey, $"{operation.OperationId} can be polled only if its parameters are required strings (they form the job token) and it has no body");
            return null;
        }

        var ok = true;
        var succeeded = ParseCondition(map, Get(map, "succeeded-when"), "succeeded-when", responseType, schemas, required: true, ref ok);
        var failed = ParseCondition(map, Get(map, "failed-when"), "failed-when", responseType, schemas, required: false, ref ok);
        var running = ParseCondition(map, Get(map, "running-when"), "running-when", responseType, schemas, required: false, ref ok);
        var error = ParseCondition(map, Get(map, "error-when"), "error-when", responseType, schemas, required: false, ref ok);
        CheckDisjoint(map, ref ok, ("succeeded-when", succeeded), ("failed-when", failed), ("running-when", running), ("error-when", error));
        var unknownGrace = 3;
        if (Get(map, "unknown-grace") is { } graceNode)
        {
            // A count of answers, not a duration: the intervals grow, and "three answers" is what a reader can check.
            if (!int.TryParse(Str(graceNode), NumberStyles.None, CultureInfo.InvariantCulture, out unknownGrace) || unknownGrace < 1 || unknownGrace > 20)
            {
                unknownGrace = 3;
                Report(Diagnostics.InvalidExtension, graceNode, PollKey + ".unknown-grace", "must be a whole number of status answers from 1 to 20");
                ok = false;
            }
            else if (running is null)
            {
                Report(Diagnostics.InvalidExtension, graceNode, PollKey + ".unknown-grace", "needs 'running-when': without it every unlisted state counts as running, so no state is unknown");
                ok = false;
            }
        }
        var failureMessage = Get(map, "failure-message") is { } messageNode ? ResolveField(messageNode, responseType, schemas, "failure-message", ref ok) : null;
        var progress = Get(map, "progress") is { } progressNode ? ResolveField(progressNode, responseType, schemas, "progress", ref ok) : null;
        var state = Get(map, "state") is { } stateNode ? ResolveField(stateNode, responseType, schemas, "state", ref ok) : null;
        // The failure message and the state reach PollProgress as text: a model, array or free-form JSON field cannot.
        foreach (var (field, key) in new[] { (failureMessage, "failure-message"), (state, "state") })
        {
            if (field is not null && !(field.LeafType.IsPrimitive || field.LeafType.Kind == TypeKind.Enum))
            {
                Report(Diagnostics.InvalidExtension, Get(map, key)!, $"{PollKey}.{key}", $"'{field.Spec}' must be a string, number, boolean or enum field (it is {field.LeafType.Kind})");
                ok = false;
            }
        }

        if (progress is not null && !progress.LeafType.IsNumber)
        {
            Report(Diagnostics.InvalidExtension, Get(map, "progress")!, PollKey + ".progress", $"'{progress.Spec}' must be a number (percent)");
            ok = false;
        }

        var interval = ReadDuration(map, "interval", 5, ref ok);
        var maxInterval = ReadDuration(map, "max-interval", System.Math.Max(30, interval), ref ok);
        var timeout = ReadDuration(map, "timeout", 1800, ref ok);
        var backoff = 1.5;
        if (Get(map, "backoff") is { } backoffNode)
        {
            // NaN passes `< 1`; a factor above 10 reaches max-interval after one poll, so it is a typo.
            if (!Numbers.TryParseFinite(Str(backoffNode), out backoff) || backoff < 1 || backoff > 10)
            {
                backoff = 1.5;
                Report(Diagnostics.InvalidExtension, backoffNode, PollKey + ".backoff", "must be a number from 1 to 10");
                ok = false;
            }
        }

        if (maxInterval < interval)
        {
            Report(Diagnostics.InvalidExtension, Get(map, "max-interval")!, PollKey + ".max-interval", "must not be shorter than 'interval'");
            ok = false;
        }

        if (!ok || succeeded is null)
        {
            return null;
        }

        // The state reported as progress: named, else the first textual field the conditions read
        // (Subclip succeeds on the boolean outputReady but its status says queued/processing/failed).
        state ??= succeeded.Field.LeafType.IsTextual || failed is null || !failed.Field.LeafType.IsTextual ? succeeded.Field : failed.Field;
        return new PollSpec(name, operation.OperationId, operation.MethodName, start, responseType.SchemaName!, jobParameters.ToEquatableArray(), succeeded, failed, state, failureMessage, progress, interval, maxInterval, backoff, timeout, running, error, unknownGrace);
    }

    private double ReadDuration(YamlMappingNode map, string key, double fallback, ref bool ok)
    {
        if (Get(map, key) is not { } node)
        {
            return fallback;
        }

        if (Durations.TryParseSeconds(Str(node), out var seconds))
        {
            return seconds;
        }

        Report(Diagnostics.InvalidExtension, node, $"{PollKey}.{key}", "must be " + Durations.Expected);
        ok = false;
        return fallback;
    }

    private PollCondition? ParseCondition(YamlMappingNode owner, YamlNode? node, string key, TypeRef responseType, Dictionary<string, SchemaEntry> schemas, bool required, ref bool ok)
    {
        var what = $"{PollKey}.{key}";
        if (node is null)
        {
            if (required)
            {
                Report(Diagnostics.InvalidExtension, owner, what, "is required");
                ok = false;
            }

            return null;
        }

        if (Map(node) is not { } map || Get(map, "field") is not { } fieldNode)
        {
            Report(Diagnostics.InvalidExtension, node, what, "must be a mapping with 'field' and one of 'equals', 'contains', 'at-least'");
            ok = false;
            return null;
        }

        var field = ResolveField(fieldNode, responseType, schemas, key, ref ok);
        if (field is null)
        {
            return null;
        }

        var leaf = field.LeafType;
        if (Get(map, "at-least") is { } thresholdNode)
        {
            if (!leaf.IsNumber || !Numbers.TryParseFinite(Str(thresholdNode), out var threshold))
            {
                Report(Diagnostics.InvalidExtension, thresholdNode, what + ".at-least", $"needs a numeric field and a finite number ('{field.Spec}' is {leaf.Kind})");
                ok = false;
                return null;
            }

            return new PollCondition(field, ConditionOperator.AtLeast, EquatableArray<string>.Empty, threshold, EquatableArray<string>.Empty);
        }

        var op = Get(map, "equals") is not null ? ConditionOperator.Equals : Get(map, "contains") is not null ? ConditionOperator.Contains : (ConditionOperator?)null;
        if (op is null)
        {
            Report(Diagnostics.InvalidExtension, map, what, "needs one of 'equals', 'contains', 'at-least'");
            ok = false;
            return null;
        }

        var valuesNode = Get(map, op == ConditionOperator.Equals ? "equals" : "contains")!;
        var items = (valuesNode as YamlSequenceNode)?.Children.ToList() ?? new List<YamlNode> { valuesNode };
        var values = new List<string?>();
        var inferred = new List<string>();
        foreach (var item in items)
        {
            var (value, isInferred) = ReadStateValue(item, what, ref ok);
            values.Add(value);
            if (isInferred && value is not null)
            {
                inferred.Add(value);
            }
        }

        if (values.Count == 0 || values.Any(v => v is null))
        {
            Report(Diagnostics.InvalidExtension, valuesNode, what, "needs a non-empty list of values");
            ok = false;
            return null;
        }

        if (op == ConditionOperator.Contains && !leaf.IsTextual)
        {
            Report(Diagnostics.InvalidExtension, valuesNode, what + ".contains", $"needs a string field ('{field.Spec}' is {leaf.Kind})");
            ok = false;
            return null;
        }

        if (op == ConditionOperator.Equals && leaf.Kind == TypeKind.Boolean && values.Any(v => v is not ("true" or "false")))
        {
            Report(Diagnostics.InvalidExtension, valuesNode, what + ".equals", $"'{field.Spec}' is a boolean: compare with true or false");
            ok = false;
            return null;
        }

        if (op == ConditionOperator.Equals && leaf.IsNumber && values.Any(v => !Numbers.TryParseFinite(v, out _)))
        {
            Report(Diagnostics.InvalidExtension, valuesNode, what + ".equals", $"'{field.Spec}' is a number: compare with finite numbers");
            ok = false;
            return null;
        }

        if (!(leaf.IsTextual || leaf.IsNumber || leaf.Kind == TypeKind.Boolean))
        {
            Report(Diagnostics.InvalidExtension, fieldNode, what + ".field", $"'{field.Spec}' must be a string, number or boolean field");
            ok = false;
            return null;
        }

        return new PollCondition(field, op.Value, values.Select(v => v!).ToEquatableArray(), 0, inferred.ToEquatableArray());
    }

    /// <summary>A state value: a scalar (documented), or <c>{ value: x, x-tk-inferred: true }</c> (not in the docs), as in <c>x-tk-limits</c>.</summary>
    private (string? Value, bool Inferred) ReadStateValue(YamlNode item, string what, ref bool ok)
    {
        if (Map(item) is not { } valueMap)
        {
            return (Str(item), false);
        }

        var value = Str(Get(valueMap, "value"));
        var flag = Get(valueMap, "x-tk-inferred");
        if (value is null || (flag is not null && Str(flag) is not ("true" or "false")) || valueMap.Children.Count != (flag is null ? 1 : 2))
        {
            Report(Diagnostics.InvalidExtension, item, what, "a value is a scalar, or { value: …, x-tk-inferred: true } for one the docs do not show");
            ok = false;
            return (null, false);
        }

        return (value, Str(flag) == "true");
    }

    /// <summary>A value listed under two meanings on the same field would be read by whichever test runs first: refuse it where it is written twice.</summary>
    private void CheckDisjoint(YamlMappingNode map, ref bool ok, params (string Key, PollCondition? Condition)[] conditions)
    {
        var seen = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var (key, condition) in conditions)
        {
            if (condition is null || condition.Operator != ConditionOperator.Equals)
            {
                continue;
            }

            foreach (var value in condition.Values)
            {
                var id = condition.Field.Spec + "=" + value;
                if (seen.TryGetValue(id, out var first))
                {
                    Report(Diagnostics.InvalidExtension, Get(map, key)!, $"{PollKey}.{key}", $"'{value}' of '{condition.Field.Spec}' is already listed in '{first}': a state has one meaning");
                    ok = false;
                }
                else
                {
                    seen[id] = key;
                }
            }
        }
    }

    /// <summary>A dotted path such as <c>data.status</c> through the response model's properties.</summary>
    private FieldPath? ResolveField(YamlNode node, TypeRef responseType, Dictionary<string, SchemaEntry> schemas, string key, ref bool ok)
    {
        var path = Str(node);
        if (string.IsNullOrWhiteSpace(path))
        {
            Report(Diagnostics.InvalidExtension, node, $"{PollKey}.{key}", "must name a field of the status response");
            ok = false;
            return null;
        }

        var current = responseType;
        var names = new List<string>();
        foreach (var segment in path!.Split('.'))
        {
            var schema = current.Kind == TypeKind.Object ? SchemaByName(schemas, current.SchemaName!) : null;
            var property = schema?.Properties.FirstOrDefault(p => p.JsonName == segment);
            if (property is null)
            {
                Report(Diagnostics.InvalidExtension, node, $"{PollKey}.{key}", $"the status response has no field '{path}'");
                ok = false;
                return null;
            }

            names.Add(property.Name);
            current = property.Type;
        }

        return new FieldPath(path, names.ToEquatableArray(), current);
    }
}
