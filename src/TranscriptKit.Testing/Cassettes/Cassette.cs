using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Testing;

/// <summary>
/// A recorded conversation with one vendor: the requests a client sent, in order, and the responses it got. Stored as
/// an indented UTF-8 JSON file (see the package README for the format) that <see cref="ReplayingHandler"/> serves
/// back in tests.
/// </summary>
public sealed class Cassette
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Creates an empty cassette; set <see cref="Vendor"/> and <see cref="Scenario"/> before saving it.</summary>
    public Cassette()
    {
    }

    /// <summary>Creates an empty cassette for a vendor and scenario.</summary>
    /// <param name="vendor">The vendor id, for example <c>captioncat</c>.</param>
    /// <param name="scenario">A short name for what the exchanges show, for example <c>get-balance</c>.</param>
    public Cassette(string vendor, string scenario)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vendor);
        ArgumentException.ThrowIfNullOrWhiteSpace(scenario);
        Vendor = vendor;
        Scenario = scenario;
    }

    /// <summary>The vendor id, for example <c>captioncat</c>.</summary>
    [JsonPropertyName("vendor")]
    public string Vendor { get; set; } = string.Empty;

    /// <summary>A short name for what the exchanges show, for example <c>get-balance</c>.</summary>
    [JsonPropertyName("scenario")]
    public string Scenario { get; set; } = string.Empty;

    /// <summary>What the cassette shows, for people.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>Where the exchanges come from: a vendor doc and section, or a recording session.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; set; }

    /// <summary>The recorded exchanges, in the order the client made them.</summary>
    [JsonPropertyName("interactions")]
    public IList<CassetteInteraction> Interactions { get; } = new List<CassetteInteraction>();

    /// <summary>Reads a cassette file.</summary>
    /// <param name="path">The file's path.</param>
    /// <exception cref="InvalidDataException">The file is not a valid cassette.</exception>
    public static Cassette Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ParseFile(File.ReadAllText(path, s_utf8), path);
    }

    /// <summary>Reads a cassette file asynchronously.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="InvalidDataException">The file is not a valid cassette.</exception>
    public static async Task<Cassette> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ParseFile(await File.ReadAllTextAsync(path, s_utf8, cancellationToken).ConfigureAwait(false), path);
    }

    /// <summary>Reads a cassette from its JSON text. Comments and trailing commas are accepted.</summary>
    /// <param name="json">The cassette's JSON.</param>
    /// <exception cref="InvalidDataException">The text is not a valid cassette.</exception>
    public static Cassette Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ParseFile(json, "The JSON");
    }

    /// <summary>Writes the cassette as indented UTF-8 JSON with <c>\n</c> line endings, creating the folder if needed.</summary>
    /// <param name="path">The file's path.</param>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Write(path, ToJson());
    }

    /// <summary>Writes the cassette as indented UTF-8 JSON with <c>\n</c> line endings, creating the folder if needed.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task SaveAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        await WriteAsync(path, ToJson(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The cassette's file text: indented JSON, properties in a fixed order, <c>\n</c> line endings and a final newline,
    /// so saving an unchanged cassette gives the same bytes.
    /// </summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, CassetteJsonContext.CassetteInfo) + "\n";

    /// <summary>The cassette's name as messages show it.</summary>
    /// <returns><c>vendor/scenario</c>.</returns>
    public override string ToString() => Vendor + "/" + Scenario;

    private static Cassette ParseFile(string json, string what)
    {
        Cassette? cassette;
        try
        {
            cassette = JsonSerializer.Deserialize(json, CassetteJsonContext.CassetteInfo);
        }
        catch (JsonException ex) when (ex.Path?.EndsWith(".bodyMatch", StringComparison.Ordinal) == true)
        {
            throw new InvalidDataException($"{what} is not a valid cassette: {ex.Path} must be \"json\", \"form\", \"exact\" or \"ignore\" (line {ex.LineNumber + 1}).", ex);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{what} is not a valid cassette: {ex.Message}", ex);
        }

        if (cassette is null)
        {
            throw new InvalidDataException($"{what} is not a valid cassette: it is JSON null.");
        }

        var problems = cassette.Check();
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{what} is not a valid cassette: {string.Join("; ", problems)}.");
        }

        return cassette;
    }

    private List<string> Check()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Vendor))
        {
            problems.Add("\"vendor\" is missing");
        }

        if (string.IsNullOrWhiteSpace(Scenario))
        {
            problems.Add("\"scenario\" is missing");
        }

        for (var i = 0; i < Interactions.Count; i++)
        {
            var interaction = Interactions[i];
            // A literal null in the file gets past the serializer; name the interaction rather than fail later on replay.
            if (interaction is null)
            {
                problems.Add($"interaction {i + 1} is null");
            }
            else if (interaction.Request is null || interaction.Response is null)
            {
                problems.Add($"interaction {i + 1} needs both \"request\" and \"response\"");
            }
            else if (string.IsNullOrWhiteSpace(interaction.Request.Method) || string.IsNullOrEmpty(interaction.Request.Path))
            {
                problems.Add($"interaction {i + 1} needs a request \"method\" and \"path\"");
            }
            else if (interaction.Response.Status is < 100 or > 999)
            {
                problems.Add($"interaction {i + 1} has response status {interaction.Response.Status}, not an HTTP status");
            }
        }

        return problems;
    }

    /// <summary>Writes cassette text as UTF-8 without a byte order mark, creating the folder if needed.</summary>
    internal static void Write(string path, string json)
    {
        CreateFolderFor(path);
        File.WriteAllText(path, json, s_utf8);
    }

    /// <summary>Writes cassette text as UTF-8 without a byte order mark, creating the folder if needed.</summary>
    internal static async Task WriteAsync(string path, string json, CancellationToken cancellationToken)
    {
        CreateFolderFor(path);
        await File.WriteAllTextAsync(path, json, s_utf8, cancellationToken).ConfigureAwait(false);
    }

    private static void CreateFolderFor(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
