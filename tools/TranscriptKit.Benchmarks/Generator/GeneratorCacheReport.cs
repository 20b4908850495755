using System;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using TranscriptKit.Generators;

namespace TranscriptKit.Benchmarks.Generator;

/// <summary>
/// <c>generator</c>: the first generator run of a fresh process (JIT included, as a build without a warm compiler server
/// pays it), and how many tracked steps an unrelated edit leaves Cached/Unchanged. Deterministic apart from the time.
/// </summary>
public static class GeneratorCacheReport
{
    public static int Run()
    {
        var specs = GeneratorInputs.Specs();
        var compilation = GeneratorInputs.Compilation();
        var edited = GeneratorInputs.UnrelatedEdit(compilation);

        var clock = Stopwatch.StartNew();
        var driver = GeneratorInputs.Driver(specs).RunGenerators(compilation);
        var first = clock.Elapsed;
        var files = driver.GetRunResult().GeneratedTrees.Length;
        if (files == 0)
        {
            // A run that generated nothing measures nothing (the specs were not claimed, or every one was refused).
            Console.Error.WriteLine($"The generator wrote no file for {specs.Length} specs: {string.Join("; ", driver.GetRunResult().Diagnostics)}");
            return 1;
        }

        clock.Restart();
        driver = driver.RunGenerators(edited);
        var incremental = clock.Elapsed;

        var run = driver.GetRunResult().Results.Single();
        Console.WriteLine($"First run in a fresh process (JIT included): {first.TotalMilliseconds:0} ms for {specs.Length} specs, {files} files");
        Console.WriteLine($"Incremental run after an unrelated edit (second run of the process): {incremental.TotalMilliseconds:0.0} ms");
        Console.WriteLine();
        Console.WriteLine("| step | outputs | Cached | Unchanged | Modified/New/Removed |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        int all = 0, cached = 0;
        foreach (var (name, steps) in run.TrackedSteps.Where(s => s.Key is ClientGenerator.Steps.SpecFiles or ClientGenerator.Steps.ParsedSpecs)
                     .Concat(run.TrackedOutputSteps.Select(s => new System.Collections.Generic.KeyValuePair<string, System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep>>("(output) " + s.Key, s.Value))))
        {
            var reasons = steps.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            var c = reasons.Count(r => r == IncrementalStepRunReason.Cached);
            var u = reasons.Count(r => r == IncrementalStepRunReason.Unchanged);
            Console.WriteLine($"| {name} | {reasons.Count} | {c} | {u} | {reasons.Count - c - u} |");
            all += reasons.Count;
            cached += c + u;
        }

        Console.WriteLine();
        Console.WriteLine($"Cached or Unchanged: {cached}/{all} ({(all == 0 ? 0 : 100.0 * cached / all):0.#} %)");
        return cached == all ? 0 : 1;
    }
}
