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
    [Test]
    public void CaptionCat_operations_have_success_and_error_fixtures() => AssertCovered("captioncat");

    [Test]
    public void Subclip_operations_have_success_and_error_fixtures() => AssertCovered("subclip");

    [Test]
    public void TranscriptGenerate_operations_have_success_and_error_fixtures() => AssertCovered("transcriptgenerate");

    [Test]
    public void Cliptext_operations_have_success_and_error_fixtures() => AssertCovered("cliptext");

    [Test]
    public void Soscripted_operations_have_success_and_error_fixtures() => AssertCovered("soscripted");

    [Test]
    public void Spec_reader_finds_operations()
    {
        foreach (var vendor in Fixtures.Vendors)
        {
            Assert.That(Fixtures.Operations(vendor), Is.Not.Empty, vendor);
        }
    }

    internal static List<string> Missing(string vendor)
    {
        var interactions = Directory.EnumerateFiles(Path.Combine(Fixtures.Root, vendor), "*.json")
            .SelectMany(path => Cassette.Load(path).Interactions)
            .Where(i => i.Operation is not null)
            .ToList();

        // TranscriptGenerate business errors answer HTTP 200 with a non-200 "code" in the body.
        bool IsError(CassetteInteraction i) =>
            i.Response.Status is < 200 or >= 300
            || (vendor == "transcriptgenerate" && BusinessCode(i.Response.Body) is { } code && code != 200);

        var missing = new List<string>();
        foreach (var (operation, _, _) in Fixtures.Operations(vendor))
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

    private static void AssertCovered(string vendor)
    {
        var missing = Missing(vendor);
        Assert.That(missing, Is.Empty, $"{vendor} operations lacking fixtures: {string.Join(", ", missing)}");
    }
}
