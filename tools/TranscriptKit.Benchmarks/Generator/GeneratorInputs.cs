using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TranscriptKit.Generators;

namespace TranscriptKit.Benchmarks.Generator;

/// <summary>
/// What a vendor project's build hands <see cref="ClientGenerator"/>: the five specs as additional files (each with
/// its namespace, as the vendor projects' RootNamespace gives it) and a compilation against the runtime.
/// </summary>
internal static class GeneratorInputs
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static ImmutableArray<AdditionalText> Specs() =>
        Resources.SpecNames.Select(name => (AdditionalText)new InMemoryText($"/specs/{name}.yaml", Resources.Spec(name))).ToImmutableArray();

    public static CSharpCompilation Compilation()
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(TranscriptKit.Runtime.ClientPipeline).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Kiota.Abstractions.RequestInformation).Assembly.Location));
        return CSharpCompilation.Create(
            "TranscriptKit.Vendors",
            new[] { CSharpSyntaxTree.ParseText("namespace TranscriptKit.Vendors; internal static class Marker { }", ParseOptions) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static GeneratorDriver Driver(ImmutableArray<AdditionalText> specs) =>
        CSharpGeneratorDriver.Create(
            new[] { new ClientGenerator().AsSourceGenerator() },
            specs,
            ParseOptions,
            new OptionsProvider(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>An edit that has nothing to do with the specs: a new class in another file.</summary>
    public static CSharpCompilation UnrelatedEdit(CSharpCompilation compilation) =>
        compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace TranscriptKit.Vendors; internal sealed class Unrelated { }", ParseOptions));

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(ImmutableDictionary<string, string>.Empty.Add("build_property.RootNamespace", "TranscriptKit.Vendors"));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        // The per-file namespace the generator reads (build_metadata.AdditionalFiles.TranscriptKitNamespace).
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            // As <TranscriptKitSpec> declares them: the generator claims only declared specs.
            new Options(ImmutableDictionary<string, string>.Empty
                .Add("build_metadata.AdditionalFiles.TranscriptKitSpec", "true")
                .Add("build_metadata.AdditionalFiles.TranscriptKitNamespace", "TranscriptKit." + System.IO.Path.GetFileNameWithoutExtension(textFile.Path)));
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
