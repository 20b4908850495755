namespace TranscriptKit.Subclip.Tests;

/// <summary>
/// Request and response bodies copied verbatim from the Subclip Social Media Transcript API reference
/// (vendor-docs/subclip.txt), including its placeholders ("stproj_...", "https://...") and the doubled
/// backslashes of the SRT example: the client must send and read them exactly as the vendor shows them.
/// </summary>
internal static class SubclipDocExamples
{
    /// <summary>The project id placeholder the docs use throughout.</summary>
    public const string ProjectId = "stproj_...";

    /// <summary>The status URL of the "Poll status" curl example.</summary>
    public const string PollStatusUrl = "https://www.subclip.app/api/v1/social-transcripts/jobs/stproj_...";

    // ---- API endpoints: POST /api/v1/social-transcripts/uploads ----

    /// <summary>createUploadUrl, the reference's request example.</summary>
    public const string UploadRequest = """
        {
        "fileName": "source.mp4",
        "contentType": "video/mp4",
        "fileSize": 52428800
        }
        """;

    /// <summary>createUploadUrl, the reference's response example.</summary>
    public const string UploadResponse = """
        {
        "uploadUrl": "https://...",
        "sourceObjectKey": "user_.../social-transcripts-api/sources/abc123-source.mp4",
        "expiresIn": 900
        }
        """;

    // ---- API endpoints: POST /api/v1/social-transcripts/jobs ----

    /// <summary>createJob, the reference's request example.</summary>
    public const string JobRequest = """
        {
        "url": "https://www.tiktok.com/@creator/video/...",
        "platform": "tiktok",
        "language": "en",
        "format": "srt",
        "includeWordTimestamps": true
        }
        """;

    /// <summary>createJob, the reference's response example.</summary>
    public const string JobResponse = """
        {
        "projectId": "stproj_...",
        "status": "queued",
        "runId": "run_...",
        "estimatedCredits": 9,
        "statusUrl": "/api/v1/.../jobs/stproj_...",
        "downloadUrl": "/api/v1/.../jobs/stproj_.../download"
        }
        """;

    // ---- API endpoints: GET /api/v1/social-transcripts/jobs/{projectId} ----

    /// <summary>getJob, the reference's response example (format srt; the docs double the backslashes).</summary>
    public const string StatusSrt = """
        {
        "projectId": "stproj_...",
        "status": "completed",
        "outputReady": true,
        "format": "srt",
        "output": "1\\n00:00:00,000 --> 00:00:02,000\\nHello world"
        }
        """;

    // ---- Upload source media to Subclip (worked example) ----

    /// <summary>Step 1, the curl -d body.</summary>
    public const string WorkedUploadRequest = """
        {
        "fileName": "creator-video.mp4",
        "contentType": "video/mp4",
        "fileSize": 73400320
        }
        """;

    /// <summary>Step 1, the response.</summary>
    public const string WorkedUploadResponse = """
        {
        "uploadUrl": "https://...",
        "method": "PUT",
        "sourceObjectKey": "user_.../social-transcripts-api/sources/abc123-creator-video.mp4",
        "sourceObjectName": "creator-video.mp4",
        "sourceObjectMimeType": "video/mp4",
        "expiresIn": 900
        }
        """;

    /// <summary>Step 2: the PUT's Content-Length (and, with Content-Type video/mp4, the file's size).</summary>
    public const long WorkedFileSize = 73400320;

    /// <summary>The source object key of the worked example.</summary>
    public const string WorkedSourceObjectKey = "user_.../social-transcripts-api/sources/abc123-creator-video.mp4";

    /// <summary>Step 3, the curl -d body that starts the job with sourceObjectKey.</summary>
    public const string WorkedJobRequest = """
        {
        "sourceObjectKey": "user_.../social-transcripts-api/sources/abc123-creator-video.mp4",
        "sourceObjectName": "creator-video.mp4",
        "sourceObjectMimeType": "video/mp4",
        "language": "en",
        "format": "text"
        }
        """;

    // ---- Start from a public downloadable URL ----

    /// <summary>The direct (signed S3) media URL of the public-URL example.</summary>
    public const string PublicMediaUrl = "https://your-bucket.s3.amazonaws.com/source-video.mp4?X-Amz-Signature=...";

    /// <summary>The curl -d body of the public-URL example.</summary>
    public const string PublicUrlJobRequest = """
        {
        "url": "https://your-bucket.s3.amazonaws.com/source-video.mp4?X-Amz-Signature=...",
        "platform": "public",
        "language": "en"
        }
        """;

    // ---- Poll status: Responses ----

    /// <summary>The request options fragment shown before the status responses (only format and includeWordTimestamps).</summary>
    public const string StructuredOutputOptions = """
        {
        "format": "json",
        "includeWordTimestamps": true
        }
        """;

    /// <summary>getJob, completed with format text.</summary>
    public const string StatusText = """
        {
        "projectId": "stproj_...",
        "status": "completed",
        "outputReady": true,
        "platform": "youtube",
        "format": "text",
        "durationSeconds": 126,
        "creditsUsed": 3,
        "text": "Full transcript text..."
        }
        """;

    /// <summary>getJob, completed with format json and word timestamps.</summary>
    public const string StatusJsonWithWordTimestamps = """
        {
        "projectId": "stproj_...",
        "status": "completed",
        "outputReady": true,
        "format": "json",
        "includeWordTimestamps": true,
        "transcript": {
        "text": "Full transcript text...",
        "segments": [
        {
        "start": 0,
        "end": 2.4,
        "text": "First sentence.",
        "words": [{ "word": "First", "start": 0, "end": 0.4 }]
        }
        ]
        },
        "wordTimestamps": [{ "word": "First", "start": 0, "end": 0.4 }]
        }
        """;

    // ---- Start from a social URL ----

    /// <summary>The TikTok URL placeholder of the social-URL examples.</summary>
    public const string TikTokUrl = "https://www.tiktok.com/@creator/video/...";

    /// <summary>The curl -d body of the social-URL example (no platform: Subclip infers it).</summary>
    public const string SocialUrlJobRequest = """{ "url": "https://www.tiktok.com/@creator/video/...", "language": "en" }""";

    /// <summary>The response of the social-URL example (estimatedCredits null).</summary>
    public const string SocialUrlJobResponse = """{ "projectId": "stproj_...", "status": "queued", "runId": "run_...", "platform": "tiktok", "format": "text", "estimatedCredits": null, "statusUrl": "/api/v1/social-transcripts/jobs/stproj_..." }""";

    // ---- Errors (the docs list 400, 401, 429 and 500 but show no body; the spec infers {"error": "..."}) ----

    public const string BadRequest = """{"error": "Invalid request body or unsupported parameter"}""";

    public const string Unauthorized = """{"error": "Missing, invalid, or revoked API key"}""";

    public const string RateLimited = """{"error": "Rate limit exceeded"}""";

    public const string ServerError = """{"error": "Unexpected processing error"}""";
}
