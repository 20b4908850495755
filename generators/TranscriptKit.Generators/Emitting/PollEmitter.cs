using System.Linq;
using TranscriptKit.Generators.Model;

namespace TranscriptKit.Generators.Emitting;

/// <summary><c>Get…Operation</c> and <c>WaitFor…Async</c> helpers, job-token factories and state classifiers from each <c>x-tk-poll</c>.</summary>
internal static class PollEmitter
{
    public static string Emit(ApiSpec spec)
    {
        var w = Emitter.Begin(spec);
        var client = Emitter.ClientClass(spec);

        w.Open($"public partial interface {Emitter.Interface(spec)}");
        var first = true;
        foreach (var poll in spec.Polls)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            EmitSignatures(w, spec, poll, forInterface: true);
        }

        w.Close();
        w.Line();
        w.Open($"public partial class {client}");
        foreach (var poll in spec.Polls)
        {
            EmitImplementation(w, spec, poll);
        }

        w.Close();
        return w.ToString();
    }

    private static string OperationType(PollSpec poll) => $"{KnownTypes.Operation}<{poll.ResponseTypeName}>";

    private static string ProgressType(PollSpec poll) => $"{KnownTypes.Progress}<{KnownTypes.PollProgress}<{poll.ResponseTypeName}>>";

    private static string JobParameters(PollSpec poll) => string.Join(", ", poll.JobParameters.Select(p => $"string {p.Name}"));

    private static void EmitSignatures(SourceWriter w, ApiSpec spec, PollSpec poll, bool forInterface)
    {
        var started = poll.StartOperationId is null ? string.Empty : $" started by <c>{CSharpText.XmlDoc(poll.StartOperationId)}</c>";
        var tail = $"{KnownTypes.PollingOptions}? options = null, {ProgressType(poll)}? progress = null, {KnownTypes.CancellationToken} cancellationToken = default";
        var prefix = forInterface ? string.Empty : "public virtual ";

        WaitDocs(w, spec, poll, started);
        foreach (var p in poll.JobParameters)
        {
            w.DocRaw($"<param name=\"{GeneratedNames.DocParameter(p.Name)}\">{CSharpText.XmlDoc(p.Description ?? "Identifies the job.")}</param>");
        }

        CommonParameterDocs(w);
        w.Line($"{prefix}{KnownTypes.Task}<{poll.ResponseTypeName}> {GeneratedNames.WaitFor(poll.Name)}({JobParameters(poll)}, {tail}){(forInterface ? ";" : string.Empty)}");
        if (!forInterface)
        {
            w.Line($"    => {GeneratedNames.WaitFor(poll.Name)}({GeneratedNames.CreateToken(poll.Name)}({string.Join(", ", poll.JobParameters.Select(p => p.Name))}), options, progress, cancellationToken);");
        }

        w.Line();
        WaitDocs(w, spec, poll, started);
        w.DocRaw($"<param name=\"job\">A token from <see cref=\"{GeneratedNames.CreateToken(poll.Name)}\"/>, an operation or an error, possibly saved by an earlier process: waiting resumes without starting the job again.</param>");
        CommonParameterDocs(w);
        w.Line($"{prefix}{KnownTypes.Task}<{poll.ResponseTypeName}> {GeneratedNames.WaitFor(poll.Name)}({KnownTypes.JobToken} job, {tail}){(forInterface ? ";" : string.Empty)}");
        if (!forInterface)
        {
            w.Line($"    => {GeneratedNames.GetOperation(poll.Name)}(job).WaitForCompletionAsync(options, progress, cancellationToken);");
        }

        w.Line();
        OperationDocs(w, poll, started);
        foreach (var p in poll.JobParameters)
        {
            w.DocRaw($"<param name=\"{GeneratedNames.DocParameter(p.Name)}\">{CSharpText.XmlDoc(p.Description ?? "Identifies the job.")}</param>");
        }

        w.DocRaw("<returns>The operation; nothing is sent until it is asked for its status.</returns>");
        w.Line($"{prefix}{OperationType(poll)} {GeneratedNames.GetOperation(poll.Name)}({JobParameters(poll)}){(forInterface ? ";" : string.Empty)}");
        if (!forInterface)
        {
            w.Line($"    => {GeneratedNames.GetOperation(poll.Name)}({GeneratedNames.CreateToken(poll.Name)}({string.Join(", ", poll.JobParameters.Select(p => p.Name))}));");
        }

        w.Line();
        OperationDocs(w, poll, started);
        w.DocRaw($"<param name=\"job\">A token from <see cref=\"{GeneratedNames.CreateToken(poll.Name)}\"/>, an operation or an error, possibly saved by an earlier process.</param>");
        w.DocRaw("<returns>The operation; nothing is sent until it is asked for its status.</returns>");
        w.DocRaw("<exception cref=\"global::System.ArgumentException\">The token is for another vendor or another kind of job.</exception>");
        w.Line($"{prefix}{OperationType(poll)} {GeneratedNames.GetOperation(poll.Name)}({KnownTypes.JobToken} job){(forInterface ? ";" : string.Empty)}");
        if (!forInterface)
        {
            w.Open(string.Empty);
            w.Line($"{KnownTypes.ArgumentNullException}.ThrowIfNull(job);");
            w.Line($"job.EnsureFor(VendorId, {CSharpText.Literal(poll.Name)});");
            foreach (var p in poll.JobParameters)
            {
                w.Line($"var {p.Name} = job.GetParameter({CSharpText.Literal(p.WireName)});");
            }

            var arguments = string.Join(", ", poll.JobParameters.Select(p => p.Name));
            w.Line($"return new {OperationType(poll)}(");
            w.Line("    job,");
            w.Line($"    ct => {poll.StatusMethodName}({arguments}, ct),");
            w.Line($"    {GeneratedNames.Classify(poll.Name)},");
            w.Line($"    {GeneratedNames.DefaultPolling(poll.Name)},");
            w.Line("    _pipeline.TimeProvider);");
            w.Close();
        }

        w.Line();
        w.DocRaw($"<summary>Creates the token that identifies a {CSharpText.XmlDoc(poll.Name)} job, to save now and resume waiting later (<see cref=\"{KnownTypes.JobToken}.ToString\"/>).</summary>");
        foreach (var p in poll.JobParameters)
        {
            w.DocRaw($"<param name=\"{GeneratedNames.DocParameter(p.Name)}\">{CSharpText.XmlDoc(p.Description ?? "Identifies the job.")}</param>");
        }

        w.DocRaw("<returns>The job token.</returns>");
        w.Line($"{prefix}{KnownTypes.JobToken} {GeneratedNames.CreateToken(poll.Name)}({JobParameters(poll)}){(forInterface ? ";" : string.Empty)}");
        if (!forInterface)
        {
            w.Open(string.Empty);
            foreach (var p in poll.JobParameters)
            {
                w.Line($"{KnownTypes.ArgumentException}.ThrowIfNullOrWhiteSpace({p.Name});");
            }

            var pairs = string.Join(", ", poll.JobParameters.Select(p => $"new({CSharpText.Literal(p.WireName)}, {p.Name})"));
            w.Line($"return new {KnownTypes.JobToken}(VendorId, {CSharpText.Literal(poll.Name)}, new {KnownTypes.KeyValuePair}<string, string>[] {{ {pairs} }});");
            w.Close();
        }
    }

    private static void WaitDocs(SourceWriter w, ApiSpec spec, PollSpec poll, string started)
    {
        w.DocRaw($"<summary>Waits for the {CSharpText.XmlDoc(poll.Name)} job{started} to finish, polling <c>{CSharpText.XmlDoc(poll.StatusOperationId)}</c>.</summary>");
        w.DocRaw($"<remarks>Defaults from the spec: first interval {CSharpText.Number(poll.IntervalSeconds)} s, growing ×{CSharpText.Number(poll.BackoffFactor)} up to {CSharpText.Number(poll.MaxIntervalSeconds)} s, timeout {CSharpText.Number(poll.TimeoutSeconds)} s. {UnlistedDoc(poll)}</remarks>");
    }

    private static string UnlistedDoc(PollSpec poll) =>
        poll.Running is null
            ? "State values the spec does not list count as still running."
            : $"A state value the spec does not list is reported at once and ends the wait after {poll.UnknownGrace} such answer{(poll.UnknownGrace == 1 ? string.Empty : "s")} in a row (<see cref=\"global::TranscriptKit.TranscriptKitUnknownJobStatusException\"/>).";

    private static void OperationDocs(SourceWriter w, PollSpec poll, string started)
    {
        w.DocRaw($"<summary>The {CSharpText.XmlDoc(poll.Name)} job{started} as an operation: its status (<c>{CSharpText.XmlDoc(poll.StatusOperationId)}</c>) once or until it ends, and the token to resume it elsewhere.</summary>");
    }

    private static void CommonParameterDocs(SourceWriter w)
    {
        w.DocRaw("<param name=\"options\">Intervals and timeout; <see langword=\"null\"/> uses the spec's defaults.</param>");
        w.DocRaw("<param name=\"progress\">Receives each status response with its state and percent.</param>");
        w.DocRaw("<param name=\"cancellationToken\">Stops waiting at once (the job itself keeps running at the vendor).</param>");
        w.DocRaw("<returns>The status response that reported success.</returns>");
        w.DocRaw($"<exception cref=\"global::TranscriptKit.TranscriptKitJobFailedException\">The vendor reported a failed state.</exception>");
        w.DocRaw($"<exception cref=\"global::TranscriptKit.TranscriptKitTimeoutException\">The job was still running at the timeout; its token resumes the wait.</exception>");
        w.DocRaw($"<exception cref=\"global::TranscriptKit.TranscriptKitUnknownJobStatusException\">The vendor kept reporting a state the spec does not list (only when it lists the running states); its token resumes the wait.</exception>");
    }

    private static void EmitImplementation(SourceWriter w, ApiSpec spec, PollSpec poll)
    {
        w.DocRaw($"<summary>The spec's polling defaults for {CSharpText.XmlDoc(poll.Name)} jobs.</summary>");
        w.Line($"public static {KnownTypes.PollingOptions} {GeneratedNames.DefaultPolling(poll.Name)} {{ get; }} = new()");
        w.Line("{");
        w.Line($"    InitialInterval = {KnownTypes.TimeSpan}.FromSeconds({CSharpText.Number(poll.IntervalSeconds)}),");
        w.Line($"    MaxInterval = {KnownTypes.TimeSpan}.FromSeconds({CSharpText.Number(poll.MaxIntervalSeconds)}),");
        w.Line($"    BackoffFactor = {CSharpText.Number(poll.BackoffFactor)},");
        w.Line($"    Timeout = {KnownTypes.TimeSpan}.FromSeconds({CSharpText.Number(poll.TimeoutSeconds)}),");
        w.Line($"    UnknownStatusPolls = {poll.UnknownGrace.ToString(System.Globalization.CultureInfo.InvariantCulture)},");
        w.Line("};");
        w.Line();
        EmitSignatures(w, spec, poll, forInterface: false);
        w.Line();
        EmitClassifier(w, poll);
        w.Line();
    }

    private static void EmitClassifier(SourceWriter w, PollSpec poll)
    {
        w.Open($"private static {KnownTypes.PollOutcome} {GeneratedNames.Classify(poll.Name)}({poll.ResponseTypeName} response)");
        w.Line($"var state = {Text(poll.State, "stateValue")};");
        w.Line(poll.Progress is null ? "double? percent = null;" : $"double? percent = {Access(poll.Progress)};");
        w.Open($"if ({Test(poll.Succeeded, "succeeded")})");
        w.Line($"return {KnownTypes.PollOutcome}.Succeeded(state, percent);");
        w.Close();
        if (poll.Failed is { } failed)
        {
            w.Line();
            w.Open($"if ({Test(failed, "failed")})");
            var message = poll.FailureMessage is null ? "null" : Text(poll.FailureMessage, "messageValue");
            var failedState = failed.Field.Spec == poll.State.Spec ? "state" : Text(failed.Field, "failedState");
            w.Line($"return {KnownTypes.PollOutcome}.Failed({failedState}, percent, {message});");
            w.Close();
        }

        string Message(string local) => poll.FailureMessage is null ? "null" : Text(poll.FailureMessage, local);
        if (poll.Error is { } error)
        {
            // The vendor's error shape under a 2xx ({"status":"error","msg":…}) is a failure, never "still running".
            w.Line();
            w.Open($"if ({Test(error, "error")})");
            w.Line($"return {KnownTypes.PollOutcome}.Failed({Text(error.Field, "errorState")}, percent, {Message("errorMessage")});");
            w.Close();
        }

        w.Line();
        if (poll.Running is { } running)
        {
            w.Open($"if ({Test(running, "running")})");
            w.Line($"return {KnownTypes.PollOutcome}.Running(state, percent);");
            w.Close();
            w.Line();
            w.Line($"return {KnownTypes.PollOutcome}.Unknown(state, percent, {Message("unknownMessage")});");
        }
        else
        {
            w.Line($"return {KnownTypes.PollOutcome}.Running(state, percent);");
        }

        w.Close();
    }

    /// <summary><c>response.Data?.Status</c>: a null-safe access of the field.</summary>
    private static string Access(FieldPath field) => "response." + string.Join("?.", field.Properties);

    /// <summary>The field as text or null, through a pattern so it works for nullable and non-nullable members alike.</summary>
    private static string Text(FieldPath field, string local)
    {
        var text = field.LeafType.Kind switch
        {
            TypeKind.String => local,
            TypeKind.Enum => local + ".Value",
            TypeKind.Boolean => $"({local} ? \"true\" : \"false\")",
            _ => $"{local}.ToString({KnownTypes.InvariantCulture})",
        };
        return $"({Access(field)} is {{ }} {local} ? {text} : null)";
    }

    /// <summary>A boolean or numeric <c>equals</c> value as C#; the spec's text itself is never written as code.</summary>
    private static string EqualsOperand(TypeRef leaf, string value) =>
        leaf.Kind == TypeKind.Boolean
            ? (value == "true" ? "true" : "false")
            : CSharpText.Number(double.Parse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture));

    private static string Test(PollCondition condition, string prefix)
    {
        var leaf = condition.Field.LeafType;
        switch (condition.Operator)
        {
            case ConditionOperator.AtLeast:
                return $"{Access(condition.Field)} is {{ }} {prefix}Number && {prefix}Number >= {CSharpText.Number(condition.Threshold)}";
            case ConditionOperator.Contains:
                return $"{Text(condition.Field, prefix + "Value")} is {{ }} {prefix}Text && ({string.Join(" || ", condition.Values.Select(v => $"{prefix}Text.Contains({CSharpText.Literal(v)}, {KnownTypes.StringComparison}.OrdinalIgnoreCase)"))})";
            default:
                if (leaf.Kind == TypeKind.Boolean || leaf.IsNumber)
                {
                    return $"{Access(condition.Field)} is {{ }} {prefix}Value && ({string.Join(" || ", condition.Values.Select(v => $"{prefix}Value == {EqualsOperand(leaf, v)}"))})";
                }

                return $"{Text(condition.Field, prefix + "Value")} is {{ }} {prefix}Text && ({string.Join(" || ", condition.Values.Select(v => $"string.Equals({prefix}Text, {CSharpText.Literal(v)}, {KnownTypes.StringComparison}.OrdinalIgnoreCase)"))})";
        }
    }
}
