using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace TranscriptKit.Generators.Tests.Json;

/// <summary>
/// Deeply nested arrays are read by one named method per level. Nested lambdas made compile time exponential in
/// the depth (12 deep 6.5 s, 16 deep 37 s); named methods keep it linear. The tests assert that structure, not time.
/// </summary>
public class ArrayNestingTests
{
    /// <summary>A spec with a model property and an operation response that are arrays nested <paramref name="depth"/> deep.</summary>
    internal static string DeepSpec(int depth)
    {
        var schema = new StringBuilder("{ type: string }");
        for (var i = 0; i < depth; i++)
        {
            schema.Insert(0, "{ type: array, items: ").Append(" }");
        }

        return $$"""
            openapi: 3.1.0
            info: { title: Deep, version: "1" }
            x-tk-client: { name: Deep, vendor: deep }
            servers:
              - url: https://api.example.com/v1
            paths:
              /grid:
                get:
                  operationId: getGrid
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {{schema}}
            components:
              schemas:
                Sheet:
                  type: object
                  properties:
                    cells: {{schema}}
            """;
    }

    [Test]
    public void A_20_deep_array_property_is_read_by_20_named_methods_without_nested_lambdas()
    {
        var outcome = GeneratedCode.AssertCompiles(DeepSpec(20));
        var json = outcome.Source("Deep.Json.g.cs");

        var readers = Regex.Matches(json, @"private static [^\n]* (ReadSheet_Cells(_\d+)?)\(ref ").Select(m => m.Groups[1].Value).ToList();
        Assert.That(readers, Is.EqualTo(new[] { "ReadSheet_Cells" }.Concat(Enumerable.Range(2, 19).Select(level => "ReadSheet_Cells_" + level))));
        AssertNoNestedLambdas(json);
    }

    [Test]
    public void A_20_deep_array_response_is_read_by_20_named_methods_without_nested_lambdas()
    {
        var outcome = GeneratedCode.AssertCompiles(DeepSpec(20));
        var client = outcome.Source("DeepClient.g.cs");

        Assert.That(Regex.Matches(client, @"private static [^\n]* ReadGetGrid_Response(_\d+)?\(ref ").Count, Is.EqualTo(20));
        AssertNoNestedLambdas(client);
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(5)]
    public void The_number_of_reader_methods_grows_with_the_depth_one_for_one(int depth)
    {
        var json = GeneratedCode.AssertCompiles(DeepSpec(depth)).Source("Deep.Json.g.cs");

        Assert.That(Regex.Matches(json, @"private static [^\n]* ReadSheet_Cells(_\d+)?\(ref ").Count, Is.EqualTo(depth));
    }

    /// <summary>
    /// The figures in docs/reliability.md: generate and compile specs 4, 8, 16 and 32 deep, print the time of each.
    /// Explicit (a measurement, run by hand); it asserts only that each depth compiles, never a duration.
    /// </summary>
    [Test]
    [Explicit("a measurement for docs/reliability.md")]
    [Category("Measure")]
    public void Compile_time_by_array_depth_is_printed()
    {
        GeneratedCode.Generate(DeepSpec(1));
        foreach (var depth in new[] { 4, 8, 16, 32 })
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var outcome = GeneratedCode.Generate(DeepSpec(depth));
            TestContext.Progress.WriteLine($"depth {depth}: generated and compiled in {watch.Elapsed.TotalSeconds:F2} s");
            Assert.That(outcome.CompilerProblems.Concat(outcome.GeneratorDiagnostics).Select(d => d.ToString()), Is.Empty, $"depth {depth}");
        }
    }

    private static void AssertNoNestedLambdas(string source)
    {
        foreach (var line in source.Split('\n'))
        {
            Assert.That(Regex.Matches(line, @"static \(ref ").Count, Is.LessThanOrEqualTo(1), line);
        }
    }
}
