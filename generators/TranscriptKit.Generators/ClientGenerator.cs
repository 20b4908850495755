using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using TranscriptKit.Generators.Emitting;
using TranscriptKit.Generators.Model;
using TranscriptKit.Generators.Parsing;

namespace TranscriptKit.Generators;

/// <summary>
/// Turns each OpenAPI spec declared as <c>&lt;TranscriptKitSpec Include="…" /&gt;</c> (an <c>AdditionalFiles</c> item
/// marked by build/TranscriptKit.Generators.targets) into a typed client, its models,
/// reflection-free JSON and polling helpers. Parsing → Model → Emitting; only equatable data flows between steps.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ClientGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, asserted by the incremental-caching tests.</summary>
    public static class Steps
    {
        public const string SpecFiles = nameof(SpecFiles);
        public const string ParsedSpecs = nameof(ParsedSpecs);
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Only files the build declared with <TranscriptKitSpec> are claimed: a project's other YAML
        // (CI config, OpenAPI documents of other tools) must not turn into clients or TK errors.
        var specs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => IsDeclaredSpec(pair.Right.GetOptions(pair.Left)))
            .Select(static (pair, cancellationToken) =>
            {
                var (text, options) = pair;
                var fileOptions = options.GetOptions(text);
                var ns = fileOptions.TryGetValue(SpecMetadata.Namespace, out var fileNamespace) && !string.IsNullOrWhiteSpace(fileNamespace)
                    ? fileNamespace.Trim()
                    : options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var rootNamespace) && !string.IsNullOrWhiteSpace(rootNamespace)
                        ? rootNamespace.Trim()
                        : "TranscriptKit.Generated";
                return new SpecInput(text.Path, text.GetText(cancellationToken)?.ToString() ?? string.Empty, ns);
            })
            .WithTrackingName(Steps.SpecFiles);

        // Two specs in one namespace would emit colliding helper types and definitions; say so at the
        // second spec instead of leaving the user with a wall of CS0101 duplicates.
        var namespaceClashes = specs
            .Select(static (input, _) => new SpecNamespace(input.Path, input.Namespace))
            .Collect()
            .Select(static (all, _) => NamespaceClashes.Find(all));
        context.RegisterSourceOutput(namespaceClashes, static (output, clashes) =>
        {
            foreach (var clash in clashes)
            {
                output.ReportDiagnostic(Diagnostic.Create(Diagnostics.NamespaceClash, Location.Create(clash.Path, default, default), clash.Namespace, clash.OtherPath));
            }
        });

        var parsed = specs
            .Select(static (input, cancellationToken) => SpecParser.Parse(input, cancellationToken))
            .WithTrackingName(Steps.ParsedSpecs);

        context.RegisterSourceOutput(parsed, static (output, result) => Emit(output, result));
    }

    private static bool IsDeclaredSpec(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions fileOptions) =>
        fileOptions.TryGetValue(SpecMetadata.Declared, out var declared) && string.Equals(declared?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static void Emit(SourceProductionContext output, ParseResult result)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            output.ReportDiagnostic(Diagnostic.Create(diagnostic.Descriptor, diagnostic.Location?.ToLocation() ?? Location.None, diagnostic.Arguments.Cast<object>().ToArray()));
        }

        if ((result.Spec ?? result.Recovered) is not { } spec)
        {
            return;
        }

        try
        {
            output.AddSource($"{spec.ClientName}.Models.g.cs", ModelEmitter.Emit(spec));
            output.AddSource($"{spec.ClientName}.Json.g.cs", JsonEmitter.Emit(spec));
            output.AddSource($"{GeneratedNames.Options(spec.ClientName)}.g.cs", ClientEmitter.EmitOptions(spec));
            output.AddSource($"{GeneratedNames.Interface(spec.ClientName)}.g.cs", ClientEmitter.EmitInterface(spec));
            output.AddSource($"{GeneratedNames.Client(spec.ClientName)}.g.cs", ClientEmitter.EmitClient(spec));
            output.AddSource($"{GeneratedNames.ResponseSchema(spec.ClientName)}.g.cs", ResponseSchemaEmitter.Emit(spec));
            if (VendorDefinitionEmitter.HasDefinition(spec))
            {
                output.AddSource($"{GeneratedNames.Vendor(spec.ClientName)}.g.cs", VendorDefinitionEmitter.Emit(spec));
            }

            if (spec.Polls.Count > 0)
            {
                output.AddSource($"{GeneratedNames.Client(spec.ClientName)}.Polling.g.cs", PollEmitter.Emit(spec));
            }

            if (spec.Envelope is not null)
            {
                output.AddSource($"{GeneratedNames.ErrorReasons(spec.ClientName)}.g.cs", ExtensionEmitter.EmitErrorReasons(spec));
            }

            if (spec.Uploads.Count > 0)
            {
                output.AddSource($"{GeneratedNames.Client(spec.ClientName)}.Uploads.g.cs", ExtensionEmitter.EmitUploads(spec));
            }

            if (spec.Streams.Count > 0)
            {
                output.AddSource($"{GeneratedNames.Client(spec.ClientName)}.Streaming.g.cs", ExtensionEmitter.EmitStreams(spec));
            }
        }
        catch (Exception ex)
        {
            // Never throw into the compiler (CS8785): say what failed at the spec instead.
            output.ReportDiagnostic(Diagnostic.Create(Diagnostics.InternalError, Location.Create(result.Path, default, default), ex.GetType().Name + ": " + ex.Message));
        }
    }
}
