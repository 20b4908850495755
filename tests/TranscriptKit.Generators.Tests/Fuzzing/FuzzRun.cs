using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TranscriptKit.Generators.Tests.Fuzzing;

/// <summary>
/// One fuzz run: the mutants' seeds are derived from one master seed, each mutant goes through the generator and
/// (when no TK error refuses it) the compiler, and the oracle's findings are tallied for docs/reliability.md.
/// </summary>
internal sealed class FuzzRun
{
    private readonly List<string> _failures = new();

    public int Mutants { get; private set; }

    public int Refused { get; private set; }

    public int Compiled { get; private set; }

    public int Crashes { get; private set; }

    public int NotCompiling { get; private set; }

    public int InternalErrors { get; private set; }

    public int Diagnostics { get; private set; }

    public int Unlocated { get; private set; }

    public IReadOnlyList<string> Failures => _failures;

    public static string[] Bases { get; } = GeneratorHarness.AllSpecFiles().Select(f => System.IO.File.ReadAllText(GeneratorHarness.SpecPath(f)).Replace("\r\n", "\n")).Concat(InlineSpecs.All).ToArray();

    /// <summary>The seed of mutant <paramref name="index"/> of a run: printed with any failure so it replays alone.</summary>
    public static int MutantSeed(int masterSeed, int index) => unchecked((masterSeed * 1_000_003) ^ (index * 7_919) ^ 0x5EED);

    public void RunMany(int masterSeed, int count)
    {
        for (var i = 0; i < count; i++)
        {
            RunOne(MutantSeed(masterSeed, i));
        }
    }

    /// <summary>The mutant a seed gives (the replay test prints it).</summary>
    public static string MutantOf(int seed) => new SpecMutator(seed).Mutate(Bases[(int)((uint)seed % (uint)Bases.Length)]);

    public void RunOne(int seed)
    {
        var mutator = new SpecMutator(seed);
        var baseIndex = (int)((uint)seed % (uint)Bases.Length);
        var yaml = mutator.Mutate(Bases[baseIndex]);
        Mutants++;
        GeneratedCode.Outcome outcome;
        try
        {
            outcome = GeneratedCode.Generate(yaml);
        }
        catch (Exception ex)
        {
            Fail(seed, mutator, "the driver threw " + ex.GetType().Name + ": " + ex.Message);
            Crashes++;
            return;
        }

        var tk = outcome.GeneratorDiagnostics.Where(d => d.Id.StartsWith("TK", StringComparison.Ordinal)).ToList();
        var foreign = outcome.GeneratorDiagnostics.Except(tk).ToList();
        if (outcome.Exception is not null || foreign.Count > 0)
        {
            // CS8785 (generator threw), AD0001 (analyzer threw): the compiler saw an exception.
            Crashes++;
            Fail(seed, mutator, "generator crash: " + (outcome.Exception?.ToString() ?? string.Join("; ", foreign)));
            return;
        }

        Diagnostics += tk.Count;
        if (tk.Any(d => d.Id == "TK0008"))
        {
            InternalErrors++;
            Fail(seed, mutator, "TK0008: " + tk.First(d => d.Id == "TK0008"));
        }

        foreach (var diagnostic in tk.Where(d => !IsLocated(d, yaml)))
        {
            Unlocated++;
            _failures.Add($"seed {seed}: unlocated {diagnostic}");
        }

        if (tk.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            Refused++;
            return;
        }

        var errors = outcome.CompilerProblems.Where(d => d.Severity == DiagnosticSeverity.Error || d.Id.StartsWith("CS", StringComparison.Ordinal)).ToList();
        if (errors.Count > 0)
        {
            NotCompiling++;
            Fail(seed, mutator, "generated code does not compile: " + string.Join("\n  ", errors.Take(3)));
            return;
        }

        Compiled++;
    }

    /// <summary>
    /// A diagnostic is located when it points into the spec: a span at 1:1 of length 0 (the file start) or
    /// Location.None counts as unlocated, unless the document really is empty there.
    /// </summary>
    private static bool IsLocated(Diagnostic diagnostic, string yaml)
    {
        if (!diagnostic.Location.IsInSource && diagnostic.Location.Kind != LocationKind.ExternalFile)
        {
            return false;
        }

        var span = diagnostic.Location.SourceSpan;
        return span.Length > 0 || span.Start > 0 || yaml.Trim().Length == 0;
    }

    private void Fail(int seed, SpecMutator mutator, string what) =>
        _failures.Add($"seed {seed} [{string.Join("; ", mutator.Log)}]: {what}\n  replay: TK_FUZZ_SEED={seed} dotnet test tests/TranscriptKit.Generators.Tests --filter Name=Replay_one_mutant_from_TK_FUZZ_SEED");

    public string Summary =>
        $"{Mutants} mutants: {Compiled} generated and compiled, {Refused} refused with a TK error, {Crashes} crashes, {NotCompiling} non-compiling outputs, {InternalErrors} with TK0008, {Unlocated} of {Diagnostics} diagnostics unlocated";
}
