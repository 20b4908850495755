using System;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace TranscriptKit.Generators.Tests.Definitions;

/// <summary>A small spec exercising every part of a vendor definition, and a way to load the definition it generates.</summary>
internal static class DefinitionSpec
{
    /// <summary>The probe's root and components (lines 1–14 with <see cref="Schemas"/>); <c>x-tk-limits</c> starts on line 15, the paths follow it.</summary>
    public const string Head = """
        openapi: 3.1.0
        info: { title: Probe, version: "1" }
        x-tk-client: { name: Probe, vendor: probe, display-name: Probe Co }
        servers:
          - url: https://api.example.com/v1
        security:
          - bearer: []
        components:
          securitySchemes:
            bearer: { type: http, scheme: bearer }
          schemas:
        """;

    public const string Schemas = """
            JobRequest: { type: object, required: [url], properties: { url: { type: string } } }
            Job: { type: object, required: [id, status], properties: { id: { type: string }, status: { type: string }, level: { $ref: "#/components/schemas/Level" } } }
            Level: { type: string, enum: [low, high] }
        """;

    public const string Paths = """
        paths:
          /jobs:
            post:
              operationId: createJob
              requestBody: { required: true, content: { application/json: { schema: { $ref: "#/components/schemas/JobRequest" } } } }
              responses: { "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Job" } } } } }
            get:
              operationId: listJobs
              x-tk-timeout: 5s
              parameters:
                - { name: limit, in: query, required: false, schema: { type: integer } }
                - { name: verbose, in: query, required: false, schema: { type: boolean } }
                - { name: level, in: query, required: false, schema: { $ref: "#/components/schemas/Level" } }
              responses: { "200": { description: ok, content: { application/json: { schema: { type: array, items: { $ref: "#/components/schemas/Job" } } } } } }
          /jobs/{jobId}:
            get:
              operationId: getJob
              parameters: [{ name: jobId, in: path, required: true, schema: { type: string } }]
              x-tk-poll:
                name: Job
                start: createJob
                succeeded-when: { field: status, equals: [done] }
                interval: 2s
                max-interval: 20s
                timeout: 10m
              responses: { "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Job" } } } } }
          /jobs/{jobId}/text:
            get:
              operationId: getText
              parameters: [{ name: jobId, in: path, required: true, schema: { type: string } }]
              responses: { "200": { description: ok, content: { text/plain: { schema: { type: string } } } } }
          /charges/{jobId}:
            put:
              operationId: charge
              x-tk-paid: true
              parameters: [{ name: jobId, in: path, required: true, schema: { type: string } }]
              responses: { "204": { description: charged } }
        """;

    /// <summary>The whole spec, with <paramref name="limits"/> (the <c>x-tk-limits</c> block, unindented) on line 15.</summary>
    public static string With(string? limits = null, string? paths = null) =>
        string.Join("\n", Head.Replace("\r\n", "\n"), Schemas.Replace("\r\n", "\n"), (limits ?? "x-tk-limits: {}").Replace("\r\n", "\n"), (paths ?? Paths).Replace("\r\n", "\n")) + "\n";

    /// <summary>Compiles the generated code and returns its <c>ProbeVendor.Definition</c>.</summary>
    public static VendorDefinition Load(string yaml)
    {
        var outcome = GeneratedCode.AssertCompiles(yaml);
        var compilation = GeneratorHarness.CreateCompilation(outcome.Sources.Select(s => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(s.Text, GeneratorHarness.ParseOptions)).ToArray());
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.That(emitted.Success, Is.True, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;

        // A collectible context per spec; TranscriptKit.Core resolves to the test's own copy, so the types are the same.
        var assembly = new AssemblyLoadContext("probe-" + Guid.NewGuid().ToString("N"), isCollectible: true).LoadFromStream(image);
        var vendor = assembly.GetType("TranscriptKit.Vendor.ProbeVendor", throwOnError: true)!;
        return (VendorDefinition)vendor.GetProperty("Definition")!.GetValue(null)!;
    }
}
