using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace TranscriptKit.Generators.Tests;

/// <summary>Runs <see cref="ClientGenerator"/> in-process over specs given as additional files.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static string SpecsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "specs");

    public static string SpecPath(string fileName) => Path.Combine(SpecsDirectory, fileName);

    public static IEnumerable<string> AllSpecFiles() =>
        Directory.EnumerateFiles(SpecsDirectory, "*.yaml").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal)!;

    public static CSharpCompilation CreateCompilation(params SyntaxTree[] trees)
    {
        // The generated code is checked against the real runtime and the framework it targets.
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(TranscriptKit.Runtime.ClientPipeline).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Kiota.Abstractions.RequestInformation).Assembly.Location));
        return CSharpCompilation.Create(
            "TranscriptKit.Vendor",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> specs, string rootNamespace = "TranscriptKit.Vendor") =>
        CSharpGeneratorDriver.Create(
            new[] { new ClientGenerator().AsSourceGenerator() },
            specs,
            ParseOptions,
            new OptionsProvider(rootNamespace),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static (GeneratorDriverRunResult Result, Compilation Output) Run(params AdditionalText[] specs)
    {
        var driver = CreateDriver(specs).RunGeneratorsAndUpdateCompilation(CreateCompilation(), out var output, out _);
        return (driver.GetRunResult(), output);
    }

    /// <summary>A spec as build/TranscriptKit.Generators.targets hands it over: declared, optionally with its own namespace.</summary>
    public static AdditionalText Spec(string path, string text, string? @namespace = null)
    {
        var metadata = ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.TranscriptKitSpec", "true");
        return new InMemoryText(path, text, @namespace is null ? metadata : metadata.Add("build_metadata.AdditionalFiles.TranscriptKitNamespace", @namespace));
    }

    /// <summary>An AdditionalFiles item nobody declared as a spec (some other tool's YAML).</summary>
    public static AdditionalText UndeclaredFile(string path, string text) => new InMemoryText(path, text, ImmutableDictionary<string, string>.Empty);

    public static AdditionalText SpecFile(string fileName) => Spec(SpecPath(fileName), File.ReadAllText(SpecPath(fileName)));

    private sealed class InMemoryText(string path, string text, ImmutableDictionary<string, string> metadata) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public Options Metadata { get; } = new(metadata);

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider(string rootNamespace) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(ImmutableDictionary<string, string>.Empty.Add("build_property.RootNamespace", rootNamespace));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile is InMemoryText known ? known.Metadata : Options.Empty;
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
