using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;
using TranscriptKit.Testing;

namespace TranscriptKit.Contract.Tests;

/// <summary>Every operation of every spec has a fixture with a 2xx response and one with an error response.</summary>
[Category("Contract")]
public class OperationCoverageTests
{
    public static IEnumerable<VendorDefinition> All() => Definitions.All;

    [TestCaseSource(nameof(All))]
    public void Every_operation_has_success_and_error_fixtures(VendorDefinition definition)
    {
        var missing = Missing(definition);
        Assert.That(missing, Is.Empty, $"{definition.Id} operations lacking fixtures: {string.Join(", ", missing)}");
    }

    [Test]
    public void Spec_reader_finds_operations()
    {
        foreach (var vendor in Fixtures.Vendors)
        {
            Assert.That(Fixtures.Operations(vendor), Is.Not.Empty, vendor);
        }
    }

    internal static List<string> Missing(VendorDefinition definition)
    {
        var interactions = Directory.EnumerateFiles(Fixtures.Folder(definition.Id), "*.json")
            .SelectMany(path => Cassette.Load(path).Interactions)
            .Where(i => i.Operation is not null)
            .ToList();

        // An enveloped vendor's business error answers HTTP 200 with a non-200 numeric "code" at the body's top level
        // (TranscriptGenerate); no other vendor's success body has a numeric top-level code.
        bool IsError(CassetteInteraction i) =>
            i.Response.Status is < 200 or >= 300
            || (BusinessCode(i.Response.Body) is { } code && code != 200);

        var missing = new List<string>();
        foreach (var operation in definition.Operations.Select(o => o.OperationId))
        {
            var mine = interactions.Where(i => i.Operation == operation).ToList();
            if (!mine.Any(i => !IsError(i)))
            {
                missing.Add(operation + " (no 2xx)");
            }

            if (!mine.Any(IsError))
            {
                missing.Add(operation + " (no error)");
            }
        }

        return missing;
    }

    private static int? BusinessCode(string? body)
    {
        if (body is null)
        {
            return null;
        }

        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(body, new System.Text.Json.JsonDocumentOptions { AllowTrailingCommas = true });
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && doc.RootElement.TryGetProperty("code", out var code)
                && code.ValueKind == System.Text.Json.JsonValueKind.Number ? code.GetInt32() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
