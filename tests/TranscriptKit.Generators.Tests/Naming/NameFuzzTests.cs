using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;

namespace TranscriptKit.Generators.Tests.Naming;

/// <summary>
/// A seeded mini-fuzzer of names: properties, enum values and parameters drawn from keywords, reserved names,
/// digit-led names and near-duplicates, several per spec so they collide with each other and with what the
/// generated code uses. Every mutant must compile cleanly (wire names are renamed, never refused).
/// </summary>
public class NameFuzzTests
{
    private static readonly string[] s_names =
    {
        "equals", "Equals", "get_hash_code", "to_string", "ToString", "get_type", "GetType", "memberwise_clone", "finalize",
        "reference_equals", "equality_contract", "print_members", "deconstruct", "clone", "value", "Value", "is_known",
        "IsKnown", "event_type", "job", "Job", "state", "State", "request", "response", "content", "body", "options",
        "progress", "cancellationToken", "ct", "item", "class", "namespace", "await", "var", "yield", "async", "record",
        "string", "1st", "_1st", "2", "_", "a.b", "a_b", "aB", "AB", "x", "X", "probe", "vendor_id", "dispose", "id",
    };

    private static IEnumerable<int> Seeds() => Enumerable.Range(0, int.TryParse(Environment.GetEnvironmentVariable("TK_FUZZ_MUTANTS"), out var count) ? count : 16);

    [TestCaseSource(nameof(Seeds))]
    [CancelAfter(60_000)]
    public void Colliding_wire_names_always_compile(int seed)
    {
        var random = new Random(seed);
        string[] Pick(int count) => Enumerable.Range(0, count).Select(_ => s_names[random.Next(s_names.Length)]).Distinct().ToArray();
        var properties = Pick(random.Next(1, 6)).Where(n => n != "state").ToArray();
        var values = Pick(random.Next(1, 6)).Where(n => n != "done").ToArray();
        var parameters = Pick(random.Next(0, 5)).Where(n => n != "id" && n.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.')).ToArray();
        var yaml = NameCollisionTests.Spec(
            properties: NameCollisionTests.Properties(properties),
            enumValues: string.Join(", ", new[] { "done" }.Concat(values).Select(GeneratedCode.Quote)),
            parameters: NameCollisionTests.Parameters(parameters));

        var outcome = GeneratedCode.Generate(yaml);

        Assert.That(GeneratedCode.CompilesOrIsRefused(outcome), Is.Null, $"seed {seed}: properties [{string.Join(", ", properties)}], values [{string.Join(", ", values)}], parameters [{string.Join(", ", parameters)}]");
        Assert.That(outcome.GeneratorDiagnostics.Select(d => d.ToString()), Is.Empty, "wire names are renamed, never refused");
    }

    private static readonly string[] s_schemaNames =
    {
        "System", "TranscriptKit", "Vendor", "Task", "Object", "String", "Int32", "Json", "JsonElement", "Uri", "Probe",
        "ProbeClient", "ProbeJson", "IProbeClient", "probe_client_options", "ProbeErrorReasons", "NullableJob", "NullableState",
        "Job", "job", "State", "state", "JobEvent", "Global", "global", "Nullable", "Read", "Write", "Parse", "_1", "1",
        "Equals", "ToString", "VendorId", "Dispose", "WaitForJobAsync", "CancellationToken", "IReadOnlyList", "List",
    };

    [TestCaseSource(nameof(Seeds))]
    [CancelAfter(60_000)]
    public void Schema_names_compile_or_are_refused_with_TK0009(int seed)
    {
        var random = new Random(1000 + seed);
        var names = Enumerable.Range(0, random.Next(1, 5)).Select(_ => s_schemaNames[random.Next(s_schemaNames.Length)]).Distinct().Where(n => n is not ("Job" or "State" or "state")).ToArray();
        var schemas = string.Concat(names.Select(n => $"    {GeneratedCode.Quote(n)}:\n      type: object\n      properties: {{ a: {{ type: string }}, b: {{ $ref: \"#/components/schemas/State\" }} }}\n"));
        var properties = NameCollisionTests.Properties(names);

        var outcome = GeneratedCode.Generate(NameCollisionTests.Spec(schemas: schemas, properties: properties));

        Assert.That(GeneratedCode.CompilesOrIsRefused(outcome), Is.Null, $"seed {seed}: schemas [{string.Join(", ", names)}]");
        Assert.That(outcome.GeneratorDiagnostics.Select(d => d.Id), Is.All.EqualTo("TK0009"), $"seed {seed}: schemas [{string.Join(", ", names)}]");
    }
}
