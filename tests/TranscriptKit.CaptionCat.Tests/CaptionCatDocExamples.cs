namespace TranscriptKit.CaptionCat.Tests;

/// <summary>
/// Response bodies copied verbatim from the Caption Cat API reference (vendor-docs/captioncat.txt), including the
/// trailing commas some of them end objects with: the client must read them exactly as the vendor sends them.
/// </summary>
internal static class CaptionCatDocExamples
{
    /// <summary>The video id the docs use throughout.</summary>
    public const string VideoId = "cb6dc793fa1ceadb55744ba0a7b0af56";

    /// <summary>GET /balance, 200.</summary>
    public const string Balance = """
        {
          "status": "success",
          "balance": 6012
        }
        """;

    /// <summary>GET /balance/history, 200.</summary>
    public const string BalanceHistory = """
        {
          "status": "success",
          "balance_history": [
            {
              "Id": 1,
              "Transaction": 2400,
              "Balance": 2400,
              "Description": "Deposit 2400 credits",
              "DateTime": "2026-03-07 10:04:58 CET"
            },
            {
              "Id": 2,
              "Transaction": -59,
              "Balance": 2341,
              "Description": "Transcribe Video",
              "DateTime": "2026-03-07 10:22:15 CET"
            },
            {
              "Id": 3,
              "Transaction": -59,
              "Balance": 2282,
              "Description": "Render Video",
              "DateTime": "2026-03-07 10:34:23 CET"
            }
          ]
        }
        """;

    /// <summary>POST /upload, 200 (note the trailing comma).</summary>
    public const string Upload = """
        {
          "status": "success",
          "id": "cb6dc793fa1ceadb55744ba0a7b0af56",
        }
        """;

    /// <summary>POST /upload, 415 Unsupported Media Type.</summary>
    public const string UploadNotAVideo = """
        {
          "status": "error",
          "msg": "uploaded file is not a video"
        }
        """;

    /// <summary>POST /transcribe/{id}, PATCH /transcript/{id}/srt and POST /render/{id}, 200 (note the trailing comma).</summary>
    public const string StatusSuccess = """
        {
          "status": "success",
        }
        """;

    /// <summary>GET /transcribe/{id}/poll, 200 (note the trailing comma).</summary>
    public const string TranscriptionFinished = """
        {
          "status": "success",
          "transcription": "finished",
        }
        """;

    /// <summary>GET /transcript/{id}/srt, 200.</summary>
    public const string Srt = """
        {
          "status": "success",
          "srt": "1\n00:00:01,000 --> 00:00:12,720\nWelcome to Caption Cat!\n\n"
        }
        """;

    /// <summary>The SRT document inside <see cref="Srt"/>, unescaped.</summary>
    public const string SrtDocument = "1\n00:00:01,000 --> 00:00:12,720\nWelcome to Caption Cat!\n\n";

    /// <summary>GET /transcript/{id}/text, 200.</summary>
    public const string Text = """
        {
          "status": "success",
          "text": "Welcome to Caption Cat!"
        }
        """;

    /// <summary>GET /render/{id}/poll, 200.</summary>
    public const string RenderProgress75 = """
        {
          "status": "success",
          "progress": 75
        }
        """;

    /// <summary>The error table: 401.</summary>
    public const string Unauthorized = """{"error": "Invalid or missing token"}""";

    /// <summary>The error table: 404.</summary>
    public const string NotFound = """{"error": "Id Not Found"}""";

    /// <summary>The error table: 400.</summary>
    public const string BadRequest = """{"error": "Missing required field: name"}""";
}
