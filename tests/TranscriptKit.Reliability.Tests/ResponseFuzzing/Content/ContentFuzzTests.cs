using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TranscriptKit.Reliability.Tests.ResponseFuzzing.Content;

/// <summary>
/// Seeded mutations of every documented response, served in memory under 2xx, 4xx and 5xx statuses to the operations
/// of all five generated clients: every outcome is a parsed value or a typed error that names the vendor and the
/// operation, no parsed number is infinite, and the client's key never shows. Replay a failure with
/// <c>TK_FUZZ_SEED=&lt;seed&gt;</c>; run the long campaign with <c>--filter TestCategory=Fuzz</c>.
/// </summary>
public class ContentFuzzTests
{
    private const int DefaultSeed = 20261128;
    private static readonly int[] s_statuses = [200, 200, 201, 400, 401, 402, 404, 409, 422, 429, 500, 502, 503];
    private static readonly string?[] s_contentTypes = ["application/json", "application/json; charset=utf-8", "text/html", "text/plain", null, "text/event-stream", "application/xml"];
    private static readonly IReadOnlyList<FuzzTarget> s_targets = FuzzTarget.All();

    [Test]
    public void Every_client_has_fuzzable_operations()
    {
        var vendors = s_targets.Select(t => t.VendorId).Distinct().ToList();

        Assert.That(vendors, Has.Count.EqualTo(5));
        Assert.That(s_targets.Any(t => t.IsStream), Is.True, "the SSE operation is fuzzed");
        TestContext.Out.WriteLine($"{s_targets.Count} operations: {string.Join(", ", s_targets)}");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Seeded_mutations_give_a_value_or_a_typed_error_naming_vendor_and_operation(CancellationToken cancellationToken)
    {
        var report = await RunAsync(SeedFromEnvironment(), cases: 3_000, cancellationToken);

        Assert.That(report.Failures, Is.Empty, report.Describe());
    }

    [Test]
    [Category("Fuzz")]
    [CancelAfter(3_600_000)]
    public async Task Hundred_thousand_mutations_give_a_value_or_a_typed_error(CancellationToken cancellationToken)
    {
        var report = await RunAsync(SeedFromEnvironment(), cases: 100_000, cancellationToken);

        Assert.That(report.Failures, Is.Empty, report.Describe());
    }

    private static int SeedFromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable("TK_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : DefaultSeed;

    private static async Task<FuzzReport> RunAsync(int seed, int cases, CancellationToken cancellationToken)
    {
        var report = new FuzzReport(seed, cases);
        TestContext.Out.WriteLine($"content fuzz: seed {seed}, {cases} cases over {s_targets.Count} operations (replay: TK_FUZZ_SEED={seed})");
        for (var i = 0; i < cases; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var random = new Random(unchecked((seed * 7919) + i));
            var target = s_targets[random.Next(s_targets.Count)];
            // Half the cases are successes built from the documented 2xx bodies, where a silent wrong value would hide.
            var success = random.Next(2) == 0;
            var seeds = success && target.Seeds.Any(s => s.Status is >= 200 and < 300) ? target.Seeds.Where(s => s.Status is >= 200 and < 300).ToList() : target.Seeds;
            var documented = seeds[random.Next(seeds.Count)];
            var kind = ContentMutator.Kinds[random.Next(ContentMutator.Kinds.Length)];
            var status = success ? documented.Status is >= 200 and < 300 ? documented.Status : 200 : random.Next(3) == 0 ? documented.Status : s_statuses[random.Next(s_statuses.Length)];
            var contentType = random.Next(3) == 0 ? s_contentTypes[random.Next(s_contentTypes.Length)] : documented.ContentType;
            var body = ContentMutator.Mutate(kind, documented.Body, random, target.Secrets);
            var label = $"case {i} (seed {seed}): {target} {kind} {status} {contentType ?? "no type"} {body.Length} bytes";
            report.Count(kind);

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            try
            {
                var value = await target.CallAsync(new FixedResponseHandler(status, contentType, body), timeout.Token);
                report.Parsed++;
                if (FindNonFinite(value, depth: 0) is { } where)
                {
                    report.Fail($"{label}: parsed a non-finite number at {where}");
                }
            }
            catch (TranscriptKitException ex)
            {
                report.Typed++;
                var shown = ex.Message + "|" + ex.VendorMessage + "|" + ex.ErrorCode + "|" + ex.RequestId;
                if (!ex.Message.Contains(target.DisplayName, StringComparison.Ordinal) || !ex.Message.Contains(target.OperationId, StringComparison.Ordinal) || ex.OperationId != target.OperationId)
                {
                    report.Fail($"{label}: {ex.GetType().Name} does not name vendor and operation (OperationId {ex.OperationId ?? "null"}): {Trim(ex.Message)}");
                }

                if (TranscriptKit.Runtime.SecretMask.For(target.Secrets).Reveals(shown))
                {
                    report.Fail($"{label}: the key shows in {ex.GetType().Name}: {Trim(shown)}");
                }
            }
            catch (Exception ex)
            {
                report.Fail($"{label}: untyped {ex.GetType().FullName}: {Trim(ex.Message)}");
            }
        }

        TestContext.Out.WriteLine(report.Describe());
        return report;
    }

    private static string Trim(string text) => text.Length > 300 ? text[..300] + "…" : text;

    /// <summary>The first double or float in a parsed graph that is not finite, as a property path.</summary>
    private static string? FindNonFinite(object? value, int depth)
    {
        switch (value)
        {
            case null or string or bool or int or long or decimal or Enum:
                return null;
            case double d:
                return double.IsFinite(d) ? null : d.ToString(CultureInfo.InvariantCulture);
            case float f:
                return float.IsFinite(f) ? null : f.ToString(CultureInfo.InvariantCulture);
            case System.Text.Json.JsonElement:
                return null;
        }

        if (depth > 32)
        {
            return null;
        }

        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                if (FindNonFinite(item, depth + 1) is { } inner)
                {
                    return $"[{index}]{inner}";
                }

                index++;
            }

            return null;
        }

        var type = value.GetType();
        if (type.Namespace?.StartsWith("TranscriptKit", StringComparison.Ordinal) != true)
        {
            return null;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract"))
        {
            if (FindNonFinite(property.GetValue(value), depth + 1) is { } inner)
            {
                return $".{property.Name}{inner}";
            }
        }

        return null;
    }

    /// <summary>Answers every request with the same status, content type and bytes.</summary>
    private sealed class FixedResponseHandler(int status, string? contentType, byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            return Task.FromResult(new HttpResponseMessage((HttpStatusCode)status) { Content = content, RequestMessage = request });
        }
    }

    private sealed class FuzzReport(int seed, int cases)
    {
        private readonly Dictionary<string, int> _kinds = new(StringComparer.Ordinal);

        public List<string> Failures { get; } = [];

        public int Parsed { get; set; }

        public int Typed { get; set; }

        public void Count(string kind) => _kinds[kind] = _kinds.GetValueOrDefault(kind) + 1;

        public void Fail(string failure) => Failures.Add(failure);

        public string Describe() =>
            $"seed {seed}: {cases} cases, {Parsed} parsed, {Typed} typed errors, {Failures.Count} failures; by mutation: " +
            string.Join(", ", _kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}")) +
            (Failures.Count == 0 ? string.Empty : Environment.NewLine + string.Join(Environment.NewLine, Failures.Take(25)));
    }
}
