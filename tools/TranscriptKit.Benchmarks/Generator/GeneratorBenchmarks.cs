using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag;
using TranscriptKit.Benchmarks.NSwagPeer;
using TranscriptKit.Benchmarks.PerCall;

namespace TranscriptKit.Benchmarks.Generator;

/// <summary>
/// TranscriptKit's generator over all five specs in-process (CSharpGeneratorDriver): a cold run (a new driver, nothing
/// cached) and an incremental re-run after an unrelated edit; against NSwag reading the same five YAML texts and
/// writing its C# clients (the same settings as the build-time peer).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerCallConfig))]
public class GeneratorBenchmarks
{
    private ImmutableArray<AdditionalText> _specs;
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;
    private (string Path, string Yaml)[] _yaml = Array.Empty<(string, string)>();

    [GlobalSetup]
    public void Setup()
    {
        _specs = GeneratorInputs.Specs();
        _compilation = GeneratorInputs.Compilation();
        _edited = GeneratorInputs.UnrelatedEdit(_compilation);
        _warm = GeneratorInputs.Driver(_specs).RunGenerators(_compilation);
        _yaml = Resources.SpecNames.Select(name => ($"/specs/{name}.yaml", Resources.Spec(name))).ToArray();

        var result = _warm.GetRunResult();
        if (result.Diagnostics.Length > 0 || result.GeneratedTrees.Length < 5 * 5)
        {
            throw new InvalidOperationException($"The generator run is not clean: {result.Diagnostics.Length} diagnostics, {result.GeneratedTrees.Length} files.");
        }
    }

    [Benchmark(Baseline = true, Description = "TranscriptKit cold (new driver, 5 specs)")]
    public GeneratorDriver TranscriptKit_Cold() => GeneratorInputs.Driver(_specs).RunGenerators(_compilation);

    [Benchmark(Description = "TranscriptKit incremental (unrelated edit)")]
    public GeneratorDriver TranscriptKit_Incremental() => _warm.RunGenerators(_edited);

    [Benchmark(Description = "NSwag (read YAML + C# client, 5 specs)")]
    public async Task<int> NSwag_Cold()
    {
        var length = 0;
        foreach (var (path, yaml) in _yaml)
        {
            OpenApiDocument document = await NSwagClientWriter.ReadAsync(yaml, path).ConfigureAwait(false);
            length += NSwagClientWriter.Generate(document, path).Length;
        }

        return length;
    }
}
