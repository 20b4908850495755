using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Tests.Usage;

/// <summary>
/// Answers each request with the last recorded answer to the same method and path (query included) in the given
/// cassettes of tests/fixtures, so a flow's final poll answers at once and no clock has to move. Request bodies are
/// not checked here: the contract tests do that.
/// </summary>
internal sealed class RecordedAnswers : HttpMessageHandler
{
    private readonly Dictionary<string, (int Status, string? ContentType, string? Body)> _answers = new(StringComparer.Ordinal);

    public RecordedAnswers(string vendor, params string[] scenarios)
    {
        foreach (var scenario in scenarios)
        {
            using var cassette = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", vendor, scenario + ".json")));
            foreach (var interaction in cassette.RootElement.GetProperty("interactions").EnumerateArray())
            {
                var request = interaction.GetProperty("request");
                var response = interaction.GetProperty("response");
                var type = response.GetProperty("headers").TryGetProperty("Content-Type", out var t) ? t.GetString() : null;
                var body = response.GetProperty("body").ValueKind == JsonValueKind.Null ? null : response.GetProperty("body").GetString();
                _answers[Key(request.GetProperty("method").GetString()!, request.GetProperty("path").GetString()!)] = (response.GetProperty("status").GetInt32(), type, body);
            }
        }
    }

    public List<string> Requests { get; } = [];

    /// <summary>The recorded answer's body to <paramref name="method"/> <paramref name="path"/>.</summary>
    public string Body(string method, string path) => _answers[Key(method, path)].Body!;

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with a constructed response instead.</summary>
    public void Answer(string method, string path, string contentType, string body) => _answers[Key(method, path)] = (200, contentType, body);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Recorded signed URLs carry [REDACTED] in their query; the upload helper sends the URL it was given verbatim.
        var key = Key(request.Method.Method, Uri.UnescapeDataString(request.RequestUri!.PathAndQuery));
        lock (Requests)
        {
            Requests.Add(key);
        }

        if (!_answers.TryGetValue(key, out var answer))
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotImplemented) { Content = new StringContent("no recorded answer to " + key) });
        }

        var message = new HttpResponseMessage((HttpStatusCode)answer.Status) { Content = new StringContent(answer.Body ?? "", Encoding.UTF8) };
        message.Content.Headers.ContentType = answer.ContentType is { } type ? MediaTypeHeaderValue.Parse(type) : null;
        return Task.FromResult(message);
    }

    private static string Key(string method, string path) => method + " " + Uri.UnescapeDataString(path);
}
