using System;
using System.IO;
using System.Text.Json;

namespace TranscriptKit.Benchmarks;

/// <summary>The specs and the recorded exchanges (tests/fixtures), embedded so out-of-process benchmark runs find them.</summary>
internal static class Resources
{
    public static readonly string[] SpecNames = { "captioncat", "cliptext", "soscripted", "subclip", "transcriptgenerate" };

    public static string Spec(string vendor) => ReadText($"specs/{vendor}.yaml");

    /// <summary>One interaction of a cassette, <c>tests/fixtures/&lt;vendor&gt;/&lt;scenario&gt;.json</c>.</summary>
    public static Exchange Cassette(string vendor, string scenario, int interaction = 0)
    {
        using var document = JsonDocument.Parse(ReadText($"fixtures/{vendor}/{scenario}.json"));
        var item = document.RootElement.GetProperty("interactions")[interaction];
        var request = item.GetProperty("request");
        var response = item.GetProperty("response");
        return new Exchange(
            request.GetProperty("method").GetString()!,
            request.GetProperty("path").GetString()!,
            request.GetProperty("body").GetString(),
            response.GetProperty("status").GetInt32(),
            response.GetProperty("headers").TryGetProperty("Content-Type", out var type) ? type.GetString() : null,
            response.GetProperty("body").GetString());
    }

    private static string ReadText(string name)
    {
        using var stream = typeof(Resources).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>A recorded request (what the client must send) and response (what the handler answers).</summary>
internal sealed record Exchange(string Method, string Path, string? RequestBody, int Status, string? ContentType, string? ResponseBody);
