namespace TranscriptKit.Soscripted.Tests;

/// <summary>
/// Request and response bodies copied verbatim from the Soscripted API documentation (vendor-docs/soscripted.txt):
/// the client must send and read them exactly as the vendor shows them.
/// </summary>
internal static class SoscriptedDocExamples
{
    /// <summary>The video URL every example of the docs transcribes.</summary>
    public const string VideoUrl = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";

    /// <summary>The key placeholder of the docs' Authentication section and code examples.</summary>
    public const string ApiKey = "sk_your_api_key_here";

    /// <summary>The Authentication section's header line.</summary>
    public const string AuthorizationHeader = "Authorization: Bearer sk_your_api_key_here";

    /// <summary>POST /transcribe, "Example Request" body.</summary>
    public const string TranscribeRequest = """
        {
          "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
        }
        """;

    /// <summary>The Python example's body, <c>json={"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"}</c>, as requests serializes it.</summary>
    public const string TranscribeRequestPython = """{"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"}""";

    /// <summary>POST /transcribe, "Success Response (200)".</summary>
    public const string SuccessResponse = """
        {
          "ok": true,
          "caption": {
            "text": "Full transcript text here...",
            "segments": [
              { "start": 0.0, "end": 2.5, "text": "Hello world" },
              { "start": 2.5, "end": 5.0, "text": "This is a transcript" }
            ]
          }
        }
        """;

    /// <summary>POST /transcribe, "Error Response (4xx/5xx)".</summary>
    public const string ErrorResponse = """
        {
          "error": "Error description"
        }
        """;

    /// <summary>The vendor message inside <see cref="ErrorResponse"/>.</summary>
    public const string ErrorDescription = "Error description";

    /// <summary>
    /// "Response (SSE Streaming)", "SSE Events" verbatim (lines joined with LF, each event closed by a blank line).
    /// Note the <c>final</c> event's <c>"segments":[...]</c>: an elision in the docs, not valid JSON.
    /// </summary>
    public const string SseEvents = """
        event: progress
        data: {"stage":"downloading","pct":10}

        event: progress
        data: {"stage":"transcribing","pct":50}

        event: final
        data: {"ok":true,"caption":{"text":"...","segments":[...]}}

        event: done
        data: {"ok":true}


        """;

    /// <summary>The first progress event of <see cref="SseEvents"/>, as one event block.</summary>
    public const string SseProgressDownloading = "event: progress\ndata: {\"stage\":\"downloading\",\"pct\":10}\n\n";

    /// <summary>The second progress event of <see cref="SseEvents"/>, as one event block.</summary>
    public const string SseProgressTranscribing = "event: progress\ndata: {\"stage\":\"transcribing\",\"pct\":50}\n\n";

    /// <summary>The done event of <see cref="SseEvents"/>, as one event block.</summary>
    public const string SseDone = "event: done\ndata: {\"ok\":true}\n\n";

    /// <summary>
    /// A realistic <c>final</c> event: the docs' final event with its <c>[...]</c> elision filled in with the segments of
    /// <see cref="SuccessResponse"/> (the spec says the final event has the same shape as the JSON response).
    /// </summary>
    public const string SseFinalWithSegments =
        "event: final\ndata: {\"ok\":true,\"caption\":{\"text\":\"Full transcript text here...\",\"segments\":[{\"start\":0.0,\"end\":2.5,\"text\":\"Hello world\"},{\"start\":2.5,\"end\":5.0,\"text\":\"This is a transcript\"}]}}\n\n";

    /// <summary>The docs' event sequence with a realistic final event: what a real stream looks like.</summary>
    public const string SseRealisticStream = SseProgressDownloading + SseProgressTranscribing + SseFinalWithSegments + SseDone;
}
