namespace TranscriptKit.TranscriptGenerate.Tests;

/// <summary>
/// Request and response bodies copied verbatim from the TranscriptGenerate API documentation
/// (vendor-docs/transcriptgenerate.txt), plus the documented error messages of its error tables.
/// </summary>
internal static class TranscriptGenerateDocExamples
{
    /// <summary>The example API key of the docs' authentication table.</summary>
    public const string ApiKey = "ak_1a2b3c4d5e";

    /// <summary>The example API secret of the docs' authentication table.</summary>
    public const string ApiSecret = "sk_9f8e7d6c5b";

    /// <summary>The task id the docs use throughout.</summary>
    public const string TaskId = "1893456789012345678";

    /// <summary>The video URL the docs submit.</summary>
    public const string WorkUrl = "https://v.douyin.com/xxxxxx";

    /// <summary>Authentication Failure Response (HTTP 401).</summary>
    public const string AuthenticationFailure = """
        {
        "code": 401,
        "msg": "Missing API Key or Secret. Please include X-API-Key and X-API-Secret in the request headers."
        }
        """;

    /// <summary>The msg of <see cref="AuthenticationFailure"/>.</summary>
    public const string AuthenticationFailureMessage = "Missing API Key or Secret. Please include X-API-Key and X-API-Secret in the request headers.";

    /// <summary>POST /transcript-api/v1/task/create, the body of the curl request example.</summary>
    public const string CreateTaskRequest = """{"workUrl": "https://v.douyin.com/xxxxxx"}""";

    /// <summary>POST /transcript-api/v1/task/create, Success Response.</summary>
    public const string CreateTaskSuccess = """
        {
        "code": 200,
        "msg": "Task submitted",
        "data": {
        "taskId": "1893456789012345678",
        "status": "WAITING",
        "message": "Task submitted, processing in progress"
        }
        }
        """;

    /// <summary>GET /transcript-api/v1/task/query, Processing Response.</summary>
    public const string QueryProcessing = """
        {
        "code": 200,
        "msg": "Success",
        "data": {
        "taskId": "1893456789012345678",
        "status": "WAITING",
        "errorMessage": null,
        "createTime": "2026-06-04 17:30:00"
        }
        }
        """;

    /// <summary>GET /transcript-api/v1/task/query, Completed Response.</summary>
    public const string QueryCompleted = """
        {
        "code": 200,
        "msg": "Success",
        "data": {
        "taskId": "1893456789012345678",
        "status": "SUCCESS",
        "errorMessage": "Video processing succeeded!",
        "textContent": "Full transcript extracted from the video...",
        "title": "Video Title",
        "platform": "DOUYIN",
        "duration": 60.5,
        "videoUrl": "https://example.com/video.mp4",
        "workUrl": "https://v.douyin.com/xxxxxx",
        "cover": "https://example.com/cover.jpg",
        "createTime": "2026-06-04 17:30:00"
        }
        }
        """;

    /// <summary>GET /transcript-api/v1/task/query, Task Failure Response.</summary>
    public const string QueryFailure = """
        {
        "code": 200,
        "msg": "Success",
        "data": {
        "taskId": "1893456789012345678",
        "status": "FAILURE",
        "errorMessage": "Video processing failed!",
        "createTime": "2026-06-04 17:30:00"
        }
        }
        """;

    /// <summary>GET /transcript-api/v1/quota/usage, Limited Quota Response.</summary>
    public const string QuotaLimited = """
        {
        "code": 200,
        "msg": "Success",
        "data": {
        "unlimited": false,
        "availableSeconds": 3600,
        "availableMinutes": "60.0",
        "totalSeconds": 7200,
        "totalMinutes": "120.0",
        "usedSeconds": 3600,
        "usedMinutes": "60.0",
        "deductionType": "monthly"
        }
        }
        """;

    /// <summary>GET /transcript-api/v1/quota/usage, Unlimited Quota Response.</summary>
    public const string QuotaUnlimited = """
        {
        "code": 200,
        "msg": "Success",
        "data": {
        "unlimited": true,
        "availableSeconds": -1,
        "availableMinutes": -1,
        "totalSeconds": -1,
        "usedSeconds": 0
        }
        }
        """;

    /// <summary>GET /transcript-api/v1/quota/concurrency, Success Response.</summary>
    public const string Concurrency = """
        {
        "code": 200,
        "msg": "Success",
        "data": {
        "currentConcurrency": 1,
        "maxConcurrency": 2,
        "availableConcurrency": 1,
        "canAddTask": true
        }
        }
        """;

    // Create Task, Error Responses table (code, msg).
    public const string VideoUrlEmpty = "Video URL cannot be empty";
    public const string UnrecognizedUrl = "Failed to extract a valid platform URL from the input";
    public const string UnsupportedPlatform = "This platform is not supported. Please try a different URL.";
    public const string UrlTooLong = "The URL is too long. Please check and try again.";
    public const string MembersOnly = "API access is available for Professional members only. Please upgrade your plan.";
    public const string ConcurrencyLimit = "Concurrency limit reached. Please wait for existing tasks to complete.";
    public const string InsufficientQuota = "Insufficient quota remaining. Please upgrade your plan.";
    public const string TranslationMembersOnly = "Multi-language translation is available for members only. Please upgrade your plan.";

    // Query Task, Error Responses table (all code 500).
    public const string TaskIdEmpty = "Task ID cannot be empty";
    public const string TaskNotFound = "Task not found";
    public const string NoPermission = "You do not have permission to access this task";

    /// <summary>A business error body as the docs describe it: <c>{"code": …, "msg": …, "data": null}</c>.</summary>
    public static string BusinessError(int code, string message) =>
        $$"""{"code": {{code}}, "msg": "{{message}}", "data": null}""";
}
