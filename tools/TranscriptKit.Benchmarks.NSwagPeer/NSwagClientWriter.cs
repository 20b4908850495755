using System;
using System.IO;
using System.Threading.Tasks;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;

namespace TranscriptKit.Benchmarks.NSwagPeer;

/// <summary>
/// NSwag's C# client generation for one spec, with the settings the benchmarks compare against: System.Text.Json,
/// one client class per spec. Shared by the build-time tool and the generator benchmark, so both measure the same thing.
/// </summary>
public static class NSwagClientWriter
{
    /// <summary>The vendor's client-class stem from its file name: <c>subclip.yaml</c> → <c>Subclip</c>.</summary>
    public static string ClassStem(string specPath)
    {
        var name = Path.GetFileNameWithoutExtension(specPath);
        return name switch
        {
            "captioncat" => "CaptionCat",
            "transcriptgenerate" => "TranscriptGenerate",
            _ => char.ToUpperInvariant(name[0]) + name[1..],
        };
    }

    /// <summary>Reads a spec's YAML text as NSwag does (the same file TranscriptKit's generator reads, unchanged).</summary>
    public static Task<OpenApiDocument> ReadAsync(string yaml, string specPath) => OpenApiYamlDocument.FromYamlAsync(yaml, specPath);

    /// <summary>Generates the C# client and DTOs for one spec.</summary>
    public static string Generate(OpenApiDocument document, string specPath)
    {
        var stem = ClassStem(specPath);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = stem + "NSwagClient",
            OperationNameGenerator = new NSwag.CodeGeneration.OperationNameGenerators.SingleClientFromOperationIdOperationNameGenerator(),
            GenerateClientInterfaces = false,
            UseBaseUrl = true,
            GenerateBaseUrlProperty = true,
            InjectHttpClient = true,
            DisposeHttpClient = false,
            CSharpGeneratorSettings =
            {
                Namespace = "NSwagGenerated." + stem,
                JsonLibrary = CSharpJsonLibrary.SystemTextJson,
                GenerateNullableReferenceTypes = false,
                ClassStyle = CSharpClassStyle.Poco,
            },
        };

        return new CSharpClientGenerator(document, settings).GenerateFile();
    }
}
