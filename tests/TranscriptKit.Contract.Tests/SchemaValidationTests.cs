using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NJsonSchema;
using NSwag;
using NUnit.Framework;
using TranscriptKit.Testing;

namespace TranscriptKit.Contract.Tests;

/// <summary>Specs load in NSwag (an independent OpenAPI reader); recorded JSON bodies validate against the specs' schemas.</summary>
[Category("Contract")]
public class SchemaValidationTests
{
    public static IEnumerable<string> Vendors() => Fixtures.Vendors;

    /// <summary>Documented disagreements between the vendors' doc examples and the specs: fixture name → reason. Kept explicit, never widened by pattern; empty since TranscriptGenerate's envelope data became a nullable $ref.</summary>
    private static readonly Dictionary<string, string> KnownDisagreements = new(StringComparer.Ordinal);

    public static IEnumerable<TestCaseData> Cassettes() =>
        Fixtures.All().Select(name =>
        {
            var data = new TestCaseData(name);
            return KnownDisagreements.TryGetValue(name, out var reason) ? data.Ignore(reason) : data;
        });

    private static readonly Dictionary<string, Task<OpenApiDocument>> Documents = new();

    private static Task<OpenApiDocument> Load(string vendor)
    {
        lock (Documents)
        {
            if (!Documents.TryGetValue(vendor, out var task))
            {
                task = OpenApiYamlDocument.FromFileAsync(Fixtures.Spec(vendor));
                Documents[vendor] = task;
            }

            return task;
        }
    }

    [TestCaseSource(nameof(Vendors))]
    public async Task Spec_loads_in_NSwag_with_every_operation(string vendor)
    {
        var document = await Load(vendor);
        var loaded = document.Operations.Select(o => o.Operation.OperationId).ToHashSet(StringComparer.Ordinal);
        var missing = Fixtures.Operations(vendor).Select(o => o.OperationId).Where(id => !loaded.Contains(id)).ToList();
        Assert.That(missing, Is.Empty, vendor + ": operationIds missing in the NSwag document");
    }

    [TestCaseSource(nameof(Cassettes))]
    public async Task Recorded_json_bodies_match_the_spec_schemas(string name)
    {
        var vendor = Fixtures.VendorOf(name);
        var scenario = Fixtures.ScenarioOf(name);
        var document = await Load(vendor);
        var cassette = Cassette.Load(Fixtures.PathOf(name));
        var failures = new List<string>();

        for (var i = 0; i < cassette.Interactions.Count; i++)
        {
            var interaction = cassette.Interactions[i];
            if (interaction.Operation is null)
            {
                continue;
            }

            var operation = document.Operations.SingleOrDefault(o => o.Operation.OperationId == interaction.Operation)?.Operation;
            if (operation is null)
            {
                failures.Add($"{name} #{i} {interaction.Operation}: operation not in the NSwag document");
                continue;
            }

            var where = $"{name} #{i} {interaction.Operation}";
            if (IsJson(interaction.Request.Headers) && !string.IsNullOrWhiteSpace(interaction.Request.Body))
            {
                var schema = operation.RequestBody?.Content.TryGetValue("application/json", out var media) == true ? media.Schema?.ActualSchema : null;
                if (schema is not null)
                {
                    Validate(schema, interaction.Request.Body!, where + " request", failures);
                }
            }

            if (IsJson(interaction.Response.Headers) && !string.IsNullOrWhiteSpace(interaction.Response.Body))
            {
                var status = interaction.Response.Status.ToString();
                if (!operation.Responses.TryGetValue(status, out var response) && !operation.Responses.TryGetValue("default", out response))
                {
                    failures.Add($"{where} response {status}: no response for this status nor default");
                    continue;
                }

                var actual = response.ActualResponse;
                var schema = actual.Content.TryGetValue("application/json", out var media) ? media.Schema?.ActualSchema : actual.Schema?.ActualSchema;
                if (schema is not null)
                {
                    Validate(schema, interaction.Response.Body!, $"{where} response {status}", failures);
                }
            }
        }

        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures));
    }

    private static bool IsJson(IDictionary<string, string> headers) =>
        headers.TryGetValue("Content-Type", out var type) && type.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static void Validate(JsonSchema schema, string body, string where, List<string> failures)
    {
        // Caption Cat's doc examples end objects with trailing commas; the clients accept them, a schema cannot describe them,
        // so the body is normalised through System.Text.Json before validation.
        string text;
        try
        {
            using var json = JsonDocument.Parse(body, new JsonDocumentOptions { AllowTrailingCommas = true });
            text = JsonSerializer.Serialize(json.RootElement);
        }
        catch (JsonException error)
        {
            failures.Add($"{where}: body is not JSON: {error.Message}");
            return;
        }

        foreach (var error in Flatten(schema.Validate(text)))
        {
            failures.Add($"{where}: {error.Path} {error.Kind} (property {error.Property})");
        }
    }

    /// <summary>The leaf errors: an ArrayItemNotValid / PropertyNotValid wraps the real ones as child errors.</summary>
    private static IEnumerable<NJsonSchema.Validation.ValidationError> Flatten(IEnumerable<NJsonSchema.Validation.ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is NJsonSchema.Validation.ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                foreach (var inner in Flatten(child.Errors.SelectMany(e => e.Value)))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return error;
            }
        }
    }
}
