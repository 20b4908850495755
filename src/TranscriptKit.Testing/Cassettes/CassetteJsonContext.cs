using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace TranscriptKit.Testing;

/// <summary>Source-generated JSON metadata for the cassette file format: no reflection, trimming and AOT safe.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    IndentSize = 2,
    NewLine = "\n",
    AllowTrailingCommas = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    // Headers and interactions are get-only collections filled in place, so they keep their case-insensitive comparer.
    PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate)]
[JsonSerializable(typeof(Cassette))]
internal sealed partial class CassetteJsonContext : JsonSerializerContext
{
    private static JsonTypeInfo<Cassette>? s_cassetteInfo;

    /// <summary>
    /// The metadata for <see cref="Cassette"/>, bound to options that escape only what JSON requires: bodies are JSON
    /// themselves, and the default encoder would turn every quote in them into <c>\u0022</c>.
    /// </summary>
    // Built on first use: a static initializer here could run before the generated half sets Default.
    public static JsonTypeInfo<Cassette> CassetteInfo => s_cassetteInfo ??= CreateCassetteInfo();

    private static JsonTypeInfo<Cassette> CreateCassetteInfo()
    {
        var options = new JsonSerializerOptions(Default.Options)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly();
        return (JsonTypeInfo<Cassette>)options.GetTypeInfo(typeof(Cassette));
    }
}
