namespace TranscriptKit.Cliptext.Tests;

/// <summary>
/// Bodies for the Cliptext tests. The first two are the only request/response bodies the vendor documents
/// (vendor-docs/cliptext.txt, "Response Format" and "Error Responses"), copied byte for byte including their odd
/// spacing. Everything under "Inferred" follows the spec's own assumptions (x-tk-inferred) and is not from the docs.
/// </summary>
internal static class CliptextDocExamples
{
    /// <summary>The transcription id the docs use.</summary>
    public const string TranscriptionId = "txn_abc123";

    /// <summary>"Response Format": the generic response, verbatim.</summary>
    public const string GenericResponse = """{ "id": "txn_abc123", "status": "completed", "text": "Hello, this is a transcription...", "duration": 45.2, "created_at": "2026-01-15T10:30:00Z"}""";

    /// <summary>"Error Responses": the error envelope, verbatim.</summary>
    public const string ErrorEnvelope = """{ "error": { "code": "VALIDATION_ERROR", "message": "Invalid file format", "details": { "field": "file", "allowed": ["mp3", "wav", "mp4"] } }}""";

    // ---- Inferred (x-tk-inferred in specs/cliptext.yaml; not shown in the vendor's docs) ----

    /// <summary>Inferred: GET /transcriptions page (data, has_more, next_cursor) holding the documented generic response.</summary>
    public const string TranscriptionPage = """
        {
          "data": [
            { "id": "txn_abc123", "status": "completed", "text": "Hello, this is a transcription...", "duration": 45.2, "created_at": "2026-01-15T10:30:00Z"},
            { "id": "txn_def456", "status": "processing", "text": null, "created_at": "2026-01-15T10:31:00Z" }
          ],
          "has_more": true,
          "next_cursor": "cur_2"
        }
        """;

    /// <summary>Inferred: the last page of GET /transcriptions.</summary>
    public const string LastTranscriptionPage = """{"data": [], "has_more": false, "next_cursor": null}""";

    /// <summary>Inferred: DELETE /transcriptions/{id}, 200.</summary>
    public const string Deleted = """{"id": "txn_abc123", "deleted": true}""";

    /// <summary>Inferred: POST /uploads/presigned, 200.</summary>
    public const string PresignedUpload = """
        {
          "upload_id": "upl_789",
          "upload_url": "https://uploads.cliptext.ai/upl_789?X-Signature=abc%2Fdef&Expires=1768473000",
          "expires_in": 3600
        }
        """;

    /// <summary>The upload id in <see cref="PresignedUpload"/>.</summary>
    public const string UploadId = "upl_789";

    /// <summary>The signed URL in <see cref="PresignedUpload"/>.</summary>
    public const string UploadUrl = "https://uploads.cliptext.ai/upl_789?X-Signature=abc%2Fdef&Expires=1768473000";

    /// <summary>Inferred: POST /uploads/complete, 200.</summary>
    public const string CompletedUpload = """{"upload_id": "upl_789", "status": "completed"}""";

    /// <summary>Inferred: GET /orgs, 200.</summary>
    public const string Organizations = """
        {
          "data": [
            { "id": "org_1", "name": "Acme Media", "created_at": "2025-11-02T08:00:00Z" },
            { "id": "org_2", "name": "Side Project", "created_at": "2026-01-03T12:15:00Z" }
          ]
        }
        """;

    /// <summary>Inferred: GET /orgs/{id}, 200.</summary>
    public const string Organization = """{ "id": "org_1", "name": "Acme Media", "created_at": "2025-11-02T08:00:00Z" }""";

    /// <summary>Inferred: POST /orgs/{id}/members, 201.</summary>
    public const string Member = """{ "id": "mem_42", "email": "ana@example.com", "role": "admin", "created_at": "2026-01-15T11:00:00Z" }""";

    /// <summary>Inferred: an envelope-shaped 401 (the envelope is documented; this status and code are not).</summary>
    public const string Unauthorized = """{"error": {"code": "UNAUTHORIZED", "message": "Invalid API key"}}""";

    /// <summary>Inferred: an envelope-shaped 404.</summary>
    public const string NotFound = """{"error": {"code": "NOT_FOUND", "message": "Transcription not found"}}""";

    /// <summary>Inferred: an envelope-shaped 429.</summary>
    public const string RateLimited = """{"error": {"code": "RATE_LIMIT_EXCEEDED", "message": "Rate limit exceeded: 10 requests/minute on the Free plan"}}""";

    /// <summary>Inferred: an envelope-shaped 500.</summary>
    public const string ServerError = """{"error": {"code": "INTERNAL_ERROR", "message": "Something went wrong"}}""";
}
