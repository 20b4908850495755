using System.Collections.Generic;
using System.Linq;
using TranscriptKit.Generators.Model;

namespace TranscriptKit.Generators.Emitting;

/// <summary>
/// <c>&lt;Name&gt;Vendor.Definition</c>: the spec's facts (identity, endpoint, credentials, operations, polled jobs, limits)
/// as TranscriptKit.Core's <c>VendorDefinition</c>, from the same model the client is written from.
/// </summary>
internal static class VendorDefinitionEmitter
{
    /// <summary>A spec without security has no credentials to describe, and the facade's settings need them.</summary>
    public static bool HasDefinition(ApiSpec spec) => spec.Auth.Kind != AuthKind.None;

    public static string Emit(ApiSpec spec)
    {
        var w = Emitter.Begin(spec);
        var vendor = GeneratedNames.Vendor(spec.ClientName);
        var client = Emitter.ClientClass(spec);
        var options = Emitter.OptionsClass(spec);
        w.Doc("summary", $"What TranscriptKit knows about {spec.DisplayName}, generated from its spec; register it or read its facts instead of naming the vendor.");
        w.Line(Emitter.GeneratedCodeAttribute);
        w.Open($"public static partial class {vendor}");
        w.Doc("summary", $"{spec.DisplayName}'s identity, endpoint, credentials, operations, polled jobs and documented limits.");
        w.Line($"public static {KnownTypes.VendorDefinition} Definition {{ get; }} = new(");
        w.Line($"    {client}.VendorId,");
        w.Line($"    {CSharpText.Literal(spec.DisplayName)},");
        w.Line($"    {options}.DefaultEndpoint,");
        w.Line($"    {Credentials(spec.Auth)},");
        w.Line($"    new {KnownTypes.VendorOperation}[]");
        w.Line("    {");
        foreach (var operation in spec.Operations)
        {
            var timeout = operation.TimeoutSeconds is { } seconds ? $"{KnownTypes.TimeSpan}.FromSeconds({CSharpText.Number(seconds)})" : "null";
            w.Line($"        new({CSharpText.Literal(operation.OperationId)}, {CSharpText.Literal(operation.HttpMethod)}, {CSharpText.Literal(operation.Path)}, {Bool(operation.Idempotent)}, {Bool(operation.Paid)}, {timeout}, {CSharpText.Literal(operation.MethodName)}){Initializer(spec, operation)},");
        }

        w.Line("    },");
        w.Line($"    new {KnownTypes.VendorJob}[]");
        w.Line("    {");
        // A poll without a start is a status check, not a job TranscriptKit can start or resume.
        foreach (var poll in spec.Polls.Where(p => p.StartOperationId is not null))
        {
            var ids = string.Join(", ", poll.JobParameters.Select(p => CSharpText.Literal(p.WireName)));
            w.Line($"        new({CSharpText.Literal(poll.Name)}, {CSharpText.Literal(poll.StartOperationId!)}, {CSharpText.Literal(poll.StatusOperationId)}, new string[] {{ {ids} }}, {client}.{GeneratedNames.DefaultPolling(poll.Name)})");
            w.Line("        {");
            w.Line($"            ListsRunningStates = {Bool(poll.Running is not null)},");
            if (poll.FailureMessage is { } failureMessage)
            {
                w.Line($"            FailureMessageField = {CSharpText.Literal(failureMessage.Spec)},");
            }

            w.Line($"            Statuses = new {KnownTypes.JobStatusValue}[]");
            w.Line("            {");
            foreach (var (condition, meaning) in new[] { (poll.Running, "Running"), (poll.Succeeded, "Succeeded"), (poll.Failed, "Failed"), (poll.Error, "Failed") })
            {
                if (condition is null)
                {
                    continue;
                }

                var match = condition.Operator switch { ConditionOperator.Contains => "Contains", ConditionOperator.AtLeast => "AtLeast", _ => "Equals" };
                var values = condition.Operator == ConditionOperator.AtLeast ? new[] { CSharpText.Number(condition.Threshold) } : condition.Values.ToArray();
                foreach (var value in values)
                {
                    w.Line($"                new({CSharpText.Literal(condition.Field.Spec)}, {CSharpText.Literal(value)}, {KnownTypes.JobStatusMeaning}.{meaning}, {KnownTypes.JobStatusMatch}.{match}, {Bool(condition.Inferred.Contains(value))}),");
                }
            }

            w.Line("            },");
            w.Line("        },");
        }

        w.Line("    },");
        WriteLimits(w, spec.Limits);
        var secret = spec.Auth.Kind == AuthKind.ApiKeyHeaders ? ", ApiSecret = apiSecret" : string.Empty;
        w.Line($"    static (apiKey, apiSecret) => new {options} {{ ApiKey = apiKey{secret} }},");
        var createClient = $"    static (options, httpClient) => httpClient is null ? new {client}(Options(options)) : new {client}(httpClient, Options(options)))";
        if (Pricing(spec.Pricing) is { } pricing)
        {
            w.Line(createClient);
            w.Line("{");
            w.Line($"    Pricing = {pricing},");
            w.Line("};");
        }
        else
        {
            w.Line(createClient + ";");
        }

        w.Line();
        foreach (var operation in spec.Operations.Where(InvokerEmitter.CanInvoke))
        {
            InvokerEmitter.EmitOperation(w, spec, operation);
        }

        foreach (var upload in spec.Uploads)
        {
            InvokerEmitter.EmitUpload(w, spec, upload);
        }

        InvokerEmitter.EmitClientCast(w, spec);
        w.Line();
        w.Open($"private static {options} Options({KnownTypes.ClientOptions} options)");
        w.Line($"return options as {options} ?? throw new {KnownTypes.ArgumentException}({CSharpText.Literal($"{spec.DisplayName} needs {options} (from Definition.CreateClientOptions), not ")} + options.GetType().Name + \".\", nameof(options));");
        w.Close();
        w.Close();
        return w.ToString();
    }

    /// <summary>The operation's invoker, event-stream flag and upload helper, as an object initializer.</summary>
    private static string Initializer(ApiSpec spec, OperationSpec operation)
    {
        var members = new List<string>();
        if (InvokerEmitter.CanInvoke(operation))
        {
            members.Add("Invoke = " + InvokerEmitter.CallName(operation));
        }

        if (spec.Streams.Any(s => s.OperationId == operation.OperationId))
        {
            members.Add("Streams = true");
        }

        if (spec.Uploads.FirstOrDefault(u => u.CreateMethodName == operation.MethodName) is { } upload)
        {
            var body = spec.Schemas.FirstOrDefault(s => s.Name == upload.CreateBodyType);
            string Field(MemberRef? member) => member is null ? "null" : CSharpText.Literal(body?.Properties.FirstOrDefault(p => p.Name == member.Name)?.JsonName ?? member.Name);
            var complete = upload.CompleteMethodName is { } completeMethod ? spec.Operations.FirstOrDefault(o => o.MethodName == completeMethod)?.OperationId : null;
            members.Add($"Upload = new {KnownTypes.VendorUpload}({CSharpText.Literal(upload.Name)}, {CSharpText.Literal(GeneratedNames.Upload(upload.Name))}, {CSharpText.Literal(operation.OperationId)}, {(complete is null ? "null" : CSharpText.Literal(complete))}, {CSharpText.Literal(upload.HttpMethod)}, {(upload.MaxSize is { } max ? CSharpText.Number(max) + "L" : "null")}, {Field(upload.FileName)}, {Field(upload.ContentType)}, {Field(upload.Size)}) {{ Invoke = {InvokerEmitter.UploadName(upload)} }}");
        }

        return members.Count == 0 ? string.Empty : " { " + string.Join(", ", members) + " }";
    }

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary><c>x-tk-pricing</c> as the definition's <c>Pricing</c> value; null when the docs state no price.</summary>
    private static string? Pricing(PricingSpec? pricing)
    {
        if (pricing is null)
        {
            return null;
        }

        var per = pricing.Per.Value switch { PricingPer.Request => "Request", PricingPer.Second => "Second", _ => "Minute" };
        var members = new List<string>();
        if (pricing.Rounding.Value == PricingRoundingSpec.Up)
        {
            members.Add($"Rounding = {KnownTypes.PricingRounding}.Up");
        }

        var inferred = new[] { ("amount", pricing.Amount.Inferred), ("per", pricing.Per.Inferred), ("rounding", pricing.Rounding.Inferred) }.Where(f => f.Item2).Select(f => CSharpText.Literal(f.Item1)).ToList();
        if (inferred.Count > 0)
        {
            members.Add($"InferredFacts = new string[] {{ {string.Join(", ", inferred)} }}");
        }

        if (pricing.Source is { } source)
        {
            members.Add($"Source = {CSharpText.Literal(source)}");
        }

        var rule = $"new {KnownTypes.VendorPricing}({CSharpText.Literal(pricing.Unit)}, {CSharpText.Decimal(pricing.Amount.Value)}, {KnownTypes.BilledPer}.{per})";
        return rule + (members.Count == 0 ? "" : " { " + string.Join(", ", members) + " }");
    }

    private static string Credentials(AuthSpec auth) => auth.Kind switch
    {
        AuthKind.Bearer => $"new {KnownTypes.VendorCredentials}({KnownTypes.CredentialScheme}.Bearer, \"Authorization\")",
        _ => $"new {KnownTypes.VendorCredentials}({KnownTypes.CredentialScheme}.ApiKeyHeaders, {CSharpText.Literal(auth.KeyHeader!)}, {CSharpText.Literal(auth.SecretHeader!)})",
    };

    private static void WriteLimits(SourceWriter w, LimitsSpec limits)
    {
        var parts = new List<string>();
        if (limits.MaxUploadBytes is { } max)
        {
            parts.Add($"MaxUploadBytes = {CSharpText.Number(max.Value)}L,{Inferred(max.Inferred)}");
        }

        if (limits.MaxDirectUploadBytes is { } direct)
        {
            parts.Add($"MaxDirectUploadBytes = {CSharpText.Number(direct.Value)}L,{Inferred(direct.Inferred)}");
        }

        AddList(parts, "MediaTypes", limits.MediaTypes);
        AddList(parts, "FileExtensions", limits.FileExtensions);
        AddList(parts, "Languages", limits.Languages);
        AddList(parts, "UrlHosts", limits.UrlHosts);
        if (limits.MaxConcurrentJobs is { } jobs)
        {
            parts.Add($"MaxConcurrentJobs = {CSharpText.Number(jobs.Value)},{Inferred(jobs.Inferred)}");
        }

        if (limits.RateLimit is { } rate)
        {
            parts.Add($"RateLimitRequests = {CSharpText.Number(rate.Value.Requests)},{Inferred(rate.Inferred)}");
            parts.Add($"RateLimitWindow = {KnownTypes.TimeSpan}.FromSeconds({CSharpText.Number(rate.Value.PerSeconds)}),{Inferred(rate.Inferred)}");
        }

        if (limits.Plans.Count > 0)
        {
            var plans = limits.Plans.Select(p =>
                $"new {KnownTypes.VendorPlan}({CSharpText.Literal(p.Name)}) {{ "
                + string.Join(", ", new[]
                {
                    p.RateLimit is { } r ? $"RateLimitRequests = {CSharpText.Number(r.Requests)}, RateLimitWindow = {KnownTypes.TimeSpan}.FromSeconds({CSharpText.Number(r.PerSeconds)})" : null,
                    p.MaxConcurrentUploads is { } u ? $"MaxConcurrentUploads = {CSharpText.Number(u)}" : null,
                }.Where(x => x is not null))
                + " }");
            parts.Add($"Plans = new {KnownTypes.VendorPlan}[] {{ {string.Join(", ", plans)} }},");
            parts.Add($"DefaultPlan = {CSharpText.Literal(limits.DefaultPlan ?? limits.Plans[0].Name)},");
        }

        if (parts.Count == 0)
        {
            w.Line($"    {KnownTypes.VendorLimits}.None,");
            return;
        }

        w.Line($"    new {KnownTypes.VendorLimits}");
        w.Line("    {");
        foreach (var part in parts)
        {
            w.Line("        " + part);
        }

        w.Line("    },");
    }

    private static void AddList(List<string> parts, string name, LimitFact<EquatableArray<string>>? fact)
    {
        if (fact is not null)
        {
            parts.Add($"{name} = new string[] {{ {string.Join(", ", fact.Value.Select(CSharpText.Literal))} }},{Inferred(fact.Inferred)}");
        }
    }

    // The spec marked the fact x-tk-inferred: say so where a reader of the generated code meets it.
    private static string Inferred(bool inferred) => inferred ? " // x-tk-inferred: not stated by the vendor's docs" : string.Empty;
}
