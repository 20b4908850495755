using System;
using System.Net.Http;
using Microsoft.Extensions.Time.Testing;

namespace TranscriptKit.Cliptext.Tests;

/// <summary>Builds clients on the in-memory transport and a fake clock.</summary>
internal static class TestClients
{
    public const string ApiKey = "test-key";

    public static readonly Uri Endpoint = new("https://api.cliptext.ai/v1");

    /// <summary>Retries off, so a test about something else never waits on a backoff.</summary>
    public static readonly RetryOptions NoRetries = new() { MaxRetries = 0 };

    public static CliptextClientOptions Options(FakeTimeProvider time, RetryOptions? retry = null, Uri? endpoint = null) => new()
    {
        ApiKey = ApiKey,
        Endpoint = endpoint ?? Endpoint,
        TimeProvider = time,
        Retry = retry ?? NoRetries,
    };

    public static CliptextClient Create(HttpMessageHandler handler, FakeTimeProvider time, RetryOptions? retry = null, Uri? endpoint = null) =>
        new(new HttpClient(handler), Options(time, retry, endpoint));
}

/// <summary>Cliptext bodies for canned answers.</summary>
internal static class Responses
{
    /// <summary>A Transcription in the documented generic shape, with the given status (text only once completed).</summary>
    public static string Transcription(string status, string id = CliptextDocExamples.TranscriptionId) =>
        $$"""{ "id": "{{id}}", "status": "{{status}}", "text": null, "duration": 45.2, "created_at": "2026-01-15T10:30:00Z"}""";
}
