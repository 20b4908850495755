using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TranscriptKit.Generators.Model;

namespace TranscriptKit.SpecTools;

/// <summary>
/// The rules. "Wire breaking" means a client generated from the old spec would fail, or behave worse, against a
/// vendor that behaves as the new spec says; so a request type that narrows breaks, a response type that widens breaks.
/// </summary>
internal sealed class SpecComparer
{
    [Flags]
    private enum Direction
    {
        None = 0,
        Request = 1,
        Response = 2,
    }

    private const ChangeImpact N = ChangeImpact.None;
    private const ChangeImpact A = ChangeImpact.Additive;
    private const ChangeImpact B = ChangeImpact.Breaking;

    private readonly ApiSpec _old;
    private readonly ApiSpec _new;
    private readonly List<SpecChange> _changes = [];
    private readonly Dictionary<string, Direction> _usage;
    private readonly Dictionary<string, string> _renamed = new(StringComparer.Ordinal);

    public SpecComparer(ApiSpec old, ApiSpec @new)
    {
        _old = old;
        _new = @new;

        // A model's direction decides which way a change breaks; a model used both ways takes the worse of the two.
        _usage = Usage(old);
        foreach (var (name, direction) in Usage(@new))
        {
            _usage[name] = _usage.GetValueOrDefault(name) | direction;
        }
    }

    public IReadOnlyList<SpecChange> Compare()
    {
        CompareClient();
        CompareOperations();
        CompareSchemas();
        ComparePolls();
        CompareLimits();
        ComparePricing();
        CompareUploadsAndStreams();
        return _changes;
    }

    private void Add(string subject, string rule, ChangeImpact csharp, ChangeImpact wire, string detail) =>
        _changes.Add(new SpecChange(subject, rule, csharp, wire, detail));

    private void CompareClient()
    {
        if (_old.ClientName != _new.ClientName)
        {
            Add("x-tk-client name", "client-renamed", B, N, $"{_old.ClientName} → {_new.ClientName}");
        }

        if (_old.VendorId != _new.VendorId)
        {
            // The id is in every job token and registry lookup.
            Add("x-tk-client vendor", "vendor-id-changed", B, B, $"{_old.VendorId} → {_new.VendorId}");
        }

        if (_old.DefaultEndpoint != _new.DefaultEndpoint)
        {
            Add("servers[0].url", "endpoint-changed", N, B, $"{_old.DefaultEndpoint} → {_new.DefaultEndpoint}");
        }

        if (_old.Auth != _new.Auth)
        {
            // Another kind of credential is another option to configure; other header names only change the wire.
            Add("security", "auth-changed", _old.Auth.Kind != _new.Auth.Kind ? B : N, B, $"{Auth(_old.Auth)} → {Auth(_new.Auth)}");
        }

        if (_old.ErrorMessagePaths != _new.ErrorMessagePaths || _old.ErrorCodePaths != _new.ErrorCodePaths)
        {
            // Only the text and code of exceptions change, never whether a call fails.
            Add("x-tk-errors", "error-fields-changed", N, A, $"message [{Join(_old.ErrorMessagePaths)}] code [{Join(_old.ErrorCodePaths)}] → message [{Join(_new.ErrorMessagePaths)}] code [{Join(_new.ErrorCodePaths)}]");
        }

        if (_old.Envelope != _new.Envelope)
        {
            Add("x-tk-envelope", "envelope-changed", N, B, _old.Envelope is null ? "added" : _new.Envelope is null ? "removed" : "codes, fields or rules changed");
        }
    }

    private void CompareOperations()
    {
        var oldOps = _old.Operations.ToDictionary(o => o.OperationId, StringComparer.Ordinal);
        var newOps = _new.Operations.ToDictionary(o => o.OperationId, StringComparer.Ordinal);
        var removed = _old.Operations.Where(o => !newOps.ContainsKey(o.OperationId)).ToList();
        var added = _new.Operations.Where(o => !oldOps.ContainsKey(o.OperationId)).ToList();

        foreach (var gone in removed)
        {
            // The same method and path under another operationId is a rename: the method changes, the wire does not.
            var renamed = added.FirstOrDefault(a => a.HttpMethod == gone.HttpMethod && a.Path == gone.Path);
            if (renamed is not null)
            {
                added.Remove(renamed);
                _renamed[gone.OperationId] = renamed.OperationId;
                Add($"operation {gone.OperationId}", "operation-renamed", B, N, $"{gone.MethodName} → {renamed.MethodName} ({gone.HttpMethod} {gone.Path})");
                CompareOperation(gone, renamed);
            }
            else
            {
                Add($"operation {gone.OperationId}", "operation-removed", B, B, $"{gone.MethodName} ({gone.HttpMethod} {gone.Path}) is gone");
            }
        }

        foreach (var before in _old.Operations.Where(o => newOps.ContainsKey(o.OperationId)))
        {
            CompareOperation(before, newOps[before.OperationId]);
        }

        foreach (var fresh in added)
        {
            Add($"operation {fresh.OperationId}", "operation-added", A, A, $"{fresh.MethodName} ({fresh.HttpMethod} {fresh.Path})");
        }
    }

    private void CompareOperation(OperationSpec before, OperationSpec after)
    {
        var subject = $"operation {after.OperationId}";
        if (before.HttpMethod != after.HttpMethod || before.Path != after.Path)
        {
            Add(subject, "operation-moved", N, B, $"{before.HttpMethod} {before.Path} → {after.HttpMethod} {after.Path}");
        }

        if (before.Paid != after.Paid)
        {
            // The sacred property: an operation no longer paid may be re-sent after a timeout, starting a second paid job.
            Add($"{subject} x-tk-paid", after.Paid ? "paid-added" : "paid-removed", N, after.Paid ? A : B, after.Paid ? "now paid: never re-sent after a fault" : "no longer paid: may be re-sent after a fault");
        }

        if (before.Idempotent != after.Idempotent)
        {
            Add($"{subject} x-tk-idempotent", after.Idempotent ? "idempotent-added" : "idempotent-removed", N, after.Idempotent ? B : A, after.Idempotent ? "now retried after a 5xx or a timeout" : "no longer retried after a timeout");
        }

        if (before.TimeoutSeconds != after.TimeoutSeconds)
        {
            var shorter = before.TimeoutSeconds is null || after.TimeoutSeconds is null || after.TimeoutSeconds < before.TimeoutSeconds;
            Add($"{subject} x-tk-timeout", shorter ? "timeout-shortened" : "timeout-lengthened", N, shorter ? B : A, $"{Seconds(before.TimeoutSeconds)} → {Seconds(after.TimeoutSeconds)}");
        }

        if (before.Enveloped != after.Enveloped)
        {
            Add($"{subject} x-tk-envelope", "operation-envelope-changed", N, B, after.Enveloped ? "responses now enveloped" : "responses no longer enveloped");
        }

        CompareMembers(
            subject,
            "parameter",
            before.Parameters.Select(p => new Member($"{p.In.ToString().ToLowerInvariant()} {p.WireName}", p.Type, p.Required)),
            after.Parameters.Select(p => new Member($"{p.In.ToString().ToLowerInvariant()} {p.WireName}", p.Type, p.Required)),
            Direction.Request);
        CompareBody(subject, before.Body, after.Body);
        CompareOtherBodies(subject, before, after);

        if (before.Response.Kind != after.Response.Kind)
        {
            Add($"{subject} response", "response-kind-changed", B, B, $"{before.Response.Kind} → {after.Response.Kind}");
        }
        else if (before.Response.Type is { } oldType && after.Response.Type is { } newType)
        {
            CompareType($"{subject} response", oldType, newType, Direction.Response);
        }
    }

    /// <summary>
    /// The further request content types, matched by media type: each is its own client method, so adding one adds a
    /// method (additive) and removing one removes a method and a way the vendor was called (breaking).
    /// </summary>
    private void CompareOtherBodies(string subject, OperationSpec before, OperationSpec after)
    {
        var oldBodies = before.OtherBodies.ToDictionary(b => b.MediaType, StringComparer.Ordinal);
        var newBodies = after.OtherBodies.ToDictionary(b => b.MediaType, StringComparer.Ordinal);
        foreach (var body in after.OtherBodies.Where(b => !oldBodies.ContainsKey(b.MediaType)))
        {
            Add($"{subject} body {body.MediaType}", "content-type-added", A, A, body.MethodName is null ? "one more overload" : "new method " + body.MethodName);
        }

        foreach (var body in before.OtherBodies)
        {
            if (!newBodies.TryGetValue(body.MediaType, out var now))
            {
                Add($"{subject} body {body.MediaType}", "content-type-removed", B, B, body.MethodName is null ? "an overload is gone" : "method " + body.MethodName + " is gone");
                continue;
            }

            if (body.MethodName != now.MethodName)
            {
                Add($"{subject} body {body.MediaType} x-tk-method", "content-type-method-renamed", B, N, $"{body.MethodName ?? "overload"} → {now.MethodName ?? "overload"}");
            }

            CompareBody($"{subject} {body.MediaType}", body, now);
        }
    }

    private void CompareBody(string subject, RequestBodySpec? before, RequestBodySpec? after)
    {
        subject += " body";
        if (before is null || after is null)
        {
            if (before is null && after is not null)
            {
                Add(subject, after.Required ? "body-added-required" : "body-added-optional", after.Required ? B : A, after.Required ? B : A, after.Kind.ToString());
            }
            else if (before is not null)
            {
                Add(subject, "body-removed", B, B, before.Kind.ToString());
            }

            return;
        }

        if (before.Kind != after.Kind)
        {
            // JSON is one model parameter, form and multipart are one parameter per field.
            var csharp = (before.Kind == BodyKind.Json) != (after.Kind == BodyKind.Json) ? B : N;
            Add(subject, "body-kind-changed", csharp, B, $"{before.Kind} → {after.Kind}");
            return;
        }

        if (before.Required != after.Required)
        {
            Add(subject, after.Required ? "body-required-added" : "body-required-removed", after.Required ? B : A, after.Required ? B : A, after.Required ? "now required" : "now optional");
        }

        if (before.JsonType is { } oldType && after.JsonType is { } newType)
        {
            CompareType(subject, oldType, newType, Direction.Request);
        }

        CompareMembers(
            subject,
            "field",
            before.Fields.Select(f => new Member(f.WireName, f.Type, f.Required)),
            after.Fields.Select(f => new Member(f.WireName, f.Type, f.Required)),
            Direction.Request);
    }

    private void CompareSchemas()
    {
        var newSchemas = _new.Schemas.ToDictionary(s => s.SpecName, StringComparer.Ordinal);
        var oldNames = new HashSet<string>(_old.Schemas.Select(s => s.SpecName), StringComparer.Ordinal);
        foreach (var before in _old.Schemas)
        {
            var subject = $"schema {before.SpecName}";
            if (!newSchemas.TryGetValue(before.SpecName, out var after))
            {
                // The wire side shows where the schema was used (a response or a property changes type).
                Add(subject, "schema-removed", B, N, $"the {before.Kind.ToString().ToLowerInvariant()} {before.Name} is gone");
                continue;
            }

            if (before.Name != after.Name)
            {
                Add(subject, "schema-renamed", B, N, $"{before.Name} → {after.Name}");
            }

            if (before.Kind != after.Kind)
            {
                Add(subject, "schema-kind-changed", B, B, $"{before.Kind} → {after.Kind}");
                continue;
            }

            var direction = _usage.GetValueOrDefault(before.Name, Direction.Response);
            if (direction == Direction.None)
            {
                direction = Direction.Response;
            }

            CompareMembers(
                subject,
                "property",
                before.Properties.Select(p => new Member(p.JsonName, p.Type, p.Required)),
                after.Properties.Select(p => new Member(p.JsonName, p.Type, p.Required)),
                direction);
            CompareEnumValues(subject, before, after, direction);
        }

        foreach (var fresh in _new.Schemas.Where(s => !oldNames.Contains(s.SpecName)))
        {
            Add($"schema {fresh.SpecName}", "schema-added", A, N, $"the {fresh.Kind.ToString().ToLowerInvariant()} {fresh.Name}");
        }
    }

    private void CompareEnumValues(string subject, SchemaSpec before, SchemaSpec after, Direction direction)
    {
        var oldValues = new HashSet<string>(before.Values.Select(v => v.Value), StringComparer.Ordinal);
        var newValues = new HashSet<string>(after.Values.Select(v => v.Value), StringComparer.Ordinal);
        foreach (var value in before.Values.Where(v => !newValues.Contains(v.Value)))
        {
            // Enums are extensible: a value the vendor stops sending harms no reader, one it stops accepting fails a request.
            Add($"{subject} '{value.Value}'", "enum-value-removed", B, Worst(direction, request: B, response: A), $"{before.Name}.{value.Name} is gone");
        }

        foreach (var value in after.Values.Where(v => !oldValues.Contains(v.Value)))
        {
            Add($"{subject} '{value.Value}'", "enum-value-added", A, A, $"{after.Name}.{value.Name}");
        }
    }

    private sealed record Member(string Key, TypeRef Type, bool Required);

    private void CompareMembers(string owner, string noun, IEnumerable<Member> before, IEnumerable<Member> after, Direction direction)
    {
        var oldMembers = before.ToList();
        var newMembers = after.ToDictionary(m => m.Key, StringComparer.Ordinal);
        var oldKeys = new HashSet<string>(oldMembers.Select(m => m.Key), StringComparer.Ordinal);
        foreach (var member in oldMembers)
        {
            var subject = $"{owner} {noun} {member.Key}";
            if (!newMembers.TryGetValue(member.Key, out var now))
            {
                Add(subject, $"{noun}-removed", B, B, $"{(member.Required ? "required" : "optional")} {TypeText(member.Type)} is gone");
                continue;
            }

            if (member.Required != now.Required)
            {
                // Required-ness decides whether the C# member is nullable (or a method argument optional).
                var wire = now.Required ? Worst(direction, request: B, response: A) : Worst(direction, request: A, response: B);
                Add(subject, now.Required ? "required-added" : "required-removed", B, wire, now.Required ? "now required" : "now optional");
            }

            CompareType(subject, member.Type, now.Type, direction);
        }

        foreach (var fresh in newMembers.Values.Where(m => !oldKeys.Contains(m.Key)))
        {
            var subject = $"{owner} {noun} {fresh.Key}";
            if (fresh.Required)
            {
                var csharp = direction.HasFlag(Direction.Request) ? B : A;
                Add(subject, $"{noun}-added-required", csharp, Worst(direction, request: B, response: A), $"required {TypeText(fresh.Type)}");
            }
            else
            {
                Add(subject, $"{noun}-added-optional", A, A, $"optional {TypeText(fresh.Type)}");
            }
        }
    }

    private void CompareType(string subject, TypeRef before, TypeRef after, Direction direction)
    {
        if (before == after)
        {
            return;
        }

        if (before with { Nullable = false } == after with { Nullable = false })
        {
            var wire = after.Nullable ? Worst(direction, request: A, response: B) : Worst(direction, request: B, response: A);
            Add(subject, after.Nullable ? "nullable-added" : "nullable-removed", B, wire, $"{TypeText(before)} → {TypeText(after)}");
            return;
        }

        if (before.Kind == TypeKind.Array && after.Kind == TypeKind.Array && before.Item is { } oldItem && after.Item is { } newItem && before.Nullable == after.Nullable)
        {
            CompareType(subject + "[]", oldItem, newItem, direction);
            return;
        }

        if (Widens(before, after))
        {
            Add(subject, "type-widened", B, Worst(direction, request: A, response: B), $"{TypeText(before)} → {TypeText(after)}");
        }
        else if (Widens(after, before))
        {
            Add(subject, "type-narrowed", B, Worst(direction, request: B, response: A), $"{TypeText(before)} → {TypeText(after)}");
        }
        else
        {
            Add(subject, "type-changed", B, B, $"{TypeText(before)} → {TypeText(after)}");
        }
    }

    private static readonly TypeKind[] s_numbers = [TypeKind.Int32, TypeKind.Int64, TypeKind.Double];

    /// <summary>Whether every value of <paramref name="narrow"/> is a value of <paramref name="wide"/> (and null stays as allowed or more).</summary>
    private static bool Widens(TypeRef narrow, TypeRef wide)
    {
        if (narrow.Nullable && !wide.Nullable)
        {
            return false;
        }

        if (wide.Kind == TypeKind.Any)
        {
            return narrow.Kind != TypeKind.File;
        }

        if (narrow.IsNumber && wide.IsNumber)
        {
            return Array.IndexOf(s_numbers, narrow.Kind) < Array.IndexOf(s_numbers, wide.Kind);
        }

        return narrow.Kind == TypeKind.Enum && wide.Kind == TypeKind.String;
    }

    private void ComparePolls()
    {
        var newPolls = _new.Polls.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var oldNames = new HashSet<string>(_old.Polls.Select(p => p.Name), StringComparer.Ordinal);
        foreach (var before in _old.Polls)
        {
            var subject = $"x-tk-poll {before.Name}";
            if (!newPolls.TryGetValue(before.Name, out var after))
            {
                Add(subject, "poll-removed", B, B, $"on {before.StatusOperationId}");
                continue;
            }

            // A renamed operation is reported once, as the rename; the poll still reads the same endpoint.
            if (Renamed(before.StatusOperationId) != after.StatusOperationId || Renamed(before.StartOperationId) != after.StartOperationId)
            {
                Add(subject, "poll-operations-changed", N, B, $"start {before.StartOperationId ?? "-"} status {before.StatusOperationId} → start {after.StartOperationId ?? "-"} status {after.StatusOperationId}");
            }

            if (before.Succeeded != after.Succeeded || before.Failed != after.Failed || before.State != after.State ||
                before.FailureMessage != after.FailureMessage || before.Progress != after.Progress)
            {
                // How a job's state is read: the old reading may never see the job finish, or call a failure a success.
                Add(subject, "poll-reading-changed", N, B, "succeeded-when, failed-when, state, failure-message or progress changed");
            }

            if (before.TimeoutSeconds != after.TimeoutSeconds)
            {
                var shorter = after.TimeoutSeconds < before.TimeoutSeconds;
                Add($"{subject} timeout", shorter ? "poll-timeout-shortened" : "poll-timeout-lengthened", N, shorter ? B : A, $"{Seconds(before.TimeoutSeconds)} → {Seconds(after.TimeoutSeconds)}");
            }

            if (before.IntervalSeconds != after.IntervalSeconds || before.MaxIntervalSeconds != after.MaxIntervalSeconds || before.BackoffFactor != after.BackoffFactor)
            {
                Add($"{subject} pacing", "poll-pacing-changed", N, A, $"interval {Seconds(before.IntervalSeconds)}..{Seconds(before.MaxIntervalSeconds)} ×{before.BackoffFactor.ToString(CultureInfo.InvariantCulture)} → {Seconds(after.IntervalSeconds)}..{Seconds(after.MaxIntervalSeconds)} ×{after.BackoffFactor.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        foreach (var fresh in _new.Polls.Where(p => !oldNames.Contains(p.Name)))
        {
            Add($"x-tk-poll {fresh.Name}", "poll-added", A, A, $"on {fresh.StatusOperationId}");
        }
    }

    private string? Renamed(string? operationId) =>
        operationId is not null && _renamed.TryGetValue(operationId, out var now) ? now : operationId;

    private void CompareLimits()
    {
        var before = _old.Limits;
        var after = _new.Limits;
        CompareLimit("max-upload-bytes", before.MaxUploadBytes?.Value, after.MaxUploadBytes?.Value);
        CompareLimit("max-concurrent-jobs", before.MaxConcurrentJobs?.Value, after.MaxConcurrentJobs?.Value);
        CompareList("media-types", before.MediaTypes?.Value, after.MediaTypes?.Value);
        CompareList("file-extensions", before.FileExtensions?.Value, after.FileExtensions?.Value);
        CompareList("languages", before.Languages?.Value, after.Languages?.Value);
        CompareList("url-hosts", before.UrlHosts?.Value, after.UrlHosts?.Value);

        var oldRate = before.RateLimit?.Value;
        var newRate = after.RateLimit?.Value;
        if (oldRate != newRate)
        {
            var tighter = newRate is not null && (oldRate is null || newRate.Requests / newRate.PerSeconds < oldRate.Requests / oldRate.PerSeconds);
            Add("x-tk-limits rate-limit", tighter ? "limit-tightened" : "limit-loosened", N, tighter ? B : A, $"{Rate(oldRate)} → {Rate(newRate)}");
        }
    }

    /// <summary>A price changes estimates and computed charges, neither the C# nor the wire; still worth a line in review.</summary>
    private void ComparePricing()
    {
        var before = _old.Pricing;
        var after = _new.Pricing;
        if (before == after)
        {
            return;
        }

        var rule = before is null ? "pricing-added" : after is null ? "pricing-removed" : "pricing-changed";
        Add("x-tk-pricing", rule, N, N, $"{Price(before)} → {Price(after)}");
    }

    private static string Price(PricingSpec? pricing) => pricing is null
        ? "none"
        : $"{pricing.Amount.Value.ToString(CultureInfo.InvariantCulture)} {pricing.Unit} per {pricing.Per.Value.ToString().ToLowerInvariant()}"
          + (pricing.Rounding.Value == PricingRoundingSpec.Up ? ", rounded up" : "")
          + (pricing.Amount.Inferred || pricing.Per.Inferred || pricing.Rounding.Inferred ? " (inferred in part)" : "");

    /// <summary>A numeric limit: no value means no limit, so a lower or a new limit refuses input that was accepted.</summary>
    private void CompareLimit(string name, long? before, long? after)
    {
        if (before == after)
        {
            return;
        }

        var tighter = after is not null && (before is null || after < before);
        Add($"x-tk-limits {name}", tighter ? "limit-tightened" : "limit-loosened", N, tighter ? B : A, $"{before?.ToString(CultureInfo.InvariantCulture) ?? "none"} → {after?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
    }

    private void CompareList(string name, EquatableArray<string>? before, EquatableArray<string>? after)
    {
        var subject = $"x-tk-limits {name}";
        if (before is null && after is null)
        {
            return;
        }

        if (before is null || after is null)
        {
            Add(subject, before is null ? "limit-tightened" : "limit-loosened", N, before is null ? B : A, before is null ? "now restricted" : "no longer restricted");
            return;
        }

        var removed = before.Value.Except(after.Value, StringComparer.OrdinalIgnoreCase).ToList();
        var added = after.Value.Except(before.Value, StringComparer.OrdinalIgnoreCase).ToList();
        if (removed.Count > 0)
        {
            Add(subject, "limit-tightened", N, B, "no longer accepted: " + string.Join(", ", removed));
        }

        if (added.Count > 0)
        {
            Add(subject, "limit-loosened", N, A, "now accepted: " + string.Join(", ", added));
        }
    }

    private void CompareUploadsAndStreams()
    {
        var newUploads = _new.Uploads.ToDictionary(u => u.Name, StringComparer.Ordinal);
        foreach (var before in _old.Uploads)
        {
            if (!newUploads.TryGetValue(before.Name, out var after))
            {
                Add($"x-tk-upload {before.Name}", "upload-removed", B, B, $"on {before.CreateMethodName}");
            }
            else if (before with { MaxSize = null } != after with { MaxSize = null })
            {
                // The size is a limit, reported under x-tk-limits max-upload-bytes.
                Add($"x-tk-upload {before.Name}", "upload-changed", B, B, "the create, send or complete steps changed");
            }
        }

        foreach (var fresh in _new.Uploads.Where(u => !_old.Uploads.Any(o => o.Name == u.Name)))
        {
            Add($"x-tk-upload {fresh.Name}", "upload-added", A, A, $"on {fresh.CreateMethodName}");
        }

        var newStreams = _new.Streams.ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var before in _old.Streams)
        {
            if (!newStreams.TryGetValue(before.Name, out var after))
            {
                Add($"x-tk-sse {before.Name}", "stream-removed", B, B, $"on {before.OperationId}");
                continue;
            }

            foreach (var gone in before.Events.Where(e => !after.Events.Any(n => n.EventName == e.EventName)))
            {
                Add($"x-tk-sse {before.Name} event {gone.EventName}", "stream-event-removed", B, B, gone.SchemaName);
            }

            foreach (var fresh in after.Events.Where(e => !before.Events.Any(o => o.EventName == e.EventName)))
            {
                Add($"x-tk-sse {before.Name} event {fresh.EventName}", "stream-event-added", A, A, fresh.SchemaName);
            }

            if (before.EndEvent != after.EndEvent || before.ErrorEvent != after.ErrorEvent)
            {
                Add($"x-tk-sse {before.Name}", "stream-end-changed", N, B, $"end {before.EndEvent ?? "-"} error {before.ErrorEvent ?? "-"} → end {after.EndEvent ?? "-"} error {after.ErrorEvent ?? "-"}");
            }
        }

        foreach (var fresh in _new.Streams.Where(s => !_old.Streams.Any(o => o.Name == s.Name)))
        {
            Add($"x-tk-sse {fresh.Name}", "stream-added", A, A, $"on {fresh.OperationId}");
        }
    }

    private static ChangeImpact Worst(Direction direction, ChangeImpact request, ChangeImpact response)
    {
        var worst = N;
        if (direction.HasFlag(Direction.Request) && request > worst)
        {
            worst = request;
        }

        if (direction.HasFlag(Direction.Response) && response > worst)
        {
            worst = response;
        }

        return worst;
    }

    /// <summary>Which models each spec sends (request bodies, parameters) and receives (responses, events), through nesting.</summary>
    private static Dictionary<string, Direction> Usage(ApiSpec spec)
    {
        var schemas = spec.Schemas.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var usage = new Dictionary<string, Direction>(StringComparer.Ordinal);

        void Mark(TypeRef? type, Direction direction)
        {
            while (type is { Kind: TypeKind.Array, Item: { } item })
            {
                type = item;
            }

            if (type?.SchemaName is not { } name || (usage.GetValueOrDefault(name) & direction) == direction)
            {
                return;
            }

            usage[name] = usage.GetValueOrDefault(name) | direction;
            if (schemas.TryGetValue(name, out var schema))
            {
                foreach (var property in schema.Properties)
                {
                    Mark(property.Type, direction);
                }
            }
        }

        foreach (var operation in spec.Operations)
        {
            foreach (var parameter in operation.Parameters)
            {
                Mark(parameter.Type, Direction.Request);
            }

            foreach (var body in operation.Variants().Select(v => v.Body))
            {
                Mark(body?.JsonType, Direction.Request);
                foreach (var field in body?.Fields ?? EquatableArray<FieldSpec>.Empty)
                {
                    Mark(field.Type, Direction.Request);
                }
            }

            Mark(operation.Response.Type, Direction.Response);
        }

        foreach (var @event in spec.Streams.SelectMany(s => s.Events))
        {
            Mark(new TypeRef(TypeKind.Object, @event.SchemaName), Direction.Response);
        }

        return usage;
    }

    private static string TypeText(TypeRef type)
    {
        var text = type.Kind switch
        {
            TypeKind.Array => TypeText(type.Item ?? new TypeRef(TypeKind.Any)) + "[]",
            TypeKind.Object or TypeKind.Enum => type.SchemaName ?? type.Kind.ToString(),
            _ => type.Kind.ToString().ToLowerInvariant(),
        };
        return type.Nullable ? text + "?" : text;
    }

    private static string Auth(AuthSpec auth) => auth.Kind switch
    {
        AuthKind.Bearer => "bearer",
        AuthKind.ApiKeyHeaders => $"key {auth.KeyHeader} + secret {auth.SecretHeader}",
        _ => "none",
    };

    private static string Join(EquatableArray<string> items) => string.Join(", ", items);

    private static string Seconds(double? seconds) => seconds is { } s ? s.ToString(CultureInfo.InvariantCulture) + "s" : "default";

    private static string Rate(RateLimitSpec? rate) => rate is null ? "none" : $"{rate.Requests}/{rate.PerSeconds.ToString(CultureInfo.InvariantCulture)}s";
}
