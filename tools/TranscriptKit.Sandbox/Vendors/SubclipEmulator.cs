using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TranscriptKit.Subclip;
using TranscriptKit.Sandbox.Media;

namespace TranscriptKit.Sandbox.Vendors;

/// <summary>
/// Subclip (<c>/subclip/api/v1</c>): signed upload URL into the sandbox's own storage, jobs from a social/public URL
/// or an uploaded object key, polled until <c>outputReady</c>, output as text, SRT or JSON with word timestamps.
/// </summary>
internal sealed class SubclipEmulator() : VendorEmulator(SubclipVendor.Definition)
{
    // The upload limit and the language list are the spec's (x-tk-limits), not re-typed here.
    private static readonly long MaxUploadBytes = SubclipVendor.Definition.Limits.MaxUploadBytes
        ?? throw new InvalidOperationException("Subclip's spec states its 2 GB upload limit; the emulator enforces it.");

    private static readonly HashSet<string> Languages = new(SubclipVendor.Definition.Limits.Languages, StringComparer.Ordinal);

    private static readonly string[] Platforms = ["instagram", "facebook", "youtube", "x", "tiktok", "public"];
    private static readonly string[] Formats = ["text", "srt", "json"];

    private readonly object _gate = new();
    private readonly Dictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredObject> _objectsByKey = new(StringComparer.Ordinal);
    private SignedStorage _storage = null!;
    private long _credits;

    /// <summary>The opening balance when <see cref="SandboxOptions.InitialCredits"/> names none.</summary>
    public const long DefaultInitialCredits = 600;

    private protected override void OnAttached()
    {
        _storage = new SignedStorage(Signer, Prefix);
        _credits = Options.InitialCreditsFor(Id, DefaultInitialCredits);
    }

    protected internal override bool IsStoragePath(string pathWithoutPrefix) => pathWithoutPrefix.StartsWith("/storage/", StringComparison.Ordinal);

    protected internal override Task WriteAuthErrorAsync(HttpContext context) =>
        WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Missing, invalid, or revoked API key");

    // The docs show no error body; {"error": …} is the spec's inferred shape.
    protected internal override Task WriteErrorAsync(HttpContext context, int status, string message, string? code = null) =>
        Json.WriteAsync(context, status, new JsonObject { ["error"] = message });

    protected internal override void Map(IEndpointRouteBuilder routes)
    {
        MapOperation(routes, "createUploadUrl", CreateUploadAsync);
        MapPut(routes, "/storage/{token}", VendorFaults.SignedUploadOperation, _storage.HandlePutAsync, upload: true);
        MapOperation(routes, "createJob", CreateJobAsync);
        MapOperation(routes, "getJob", GetJobAsync);
    }

    private async Task CreateUploadAsync(HttpContext context)
    {
        var body = await Json.ReadObjectAsync(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            await WriteErrorAsync(context, 400, "Request body must be a JSON object").ConfigureAwait(false);
            return;
        }

        var fileName = Json.String(body, "fileName");
        var fileSize = Json.Number(body, "fileSize");
        var error = string.IsNullOrWhiteSpace(fileName) ? "fileName is required"
            : fileSize is null ? "fileSize is required"
            : fileSize <= 0 || fileSize > MaxUploadBytes ? "fileSize must be between 1 byte and 2GB"
            : null;
        if (error is not null)
        {
            await WriteErrorAsync(context, 400, error).ConfigureAwait(false);
            return;
        }

        var contentType = Json.String(body, "contentType") ?? "application/octet-stream";
        var token = NewId();
        var key = $"user_sandbox/social-transcripts-api/sources/{token[..12]}-{fileName}";
        var slot = _storage.Create(token, fileName!, contentType, (long)fileSize!.Value);
        lock (_gate)
        {
            _objectsByKey[key] = slot;
        }

        await Json.OkAsync(context, new JsonObject
        {
            ["uploadUrl"] = _storage.UploadUrl(Origin(context), token),
            ["method"] = "PUT",
            ["sourceObjectKey"] = key,
            ["sourceObjectName"] = fileName,
            ["sourceObjectMimeType"] = contentType,
            ["expiresIn"] = 900,
        }).ConfigureAwait(false);
    }

    private async Task CreateJobAsync(HttpContext context)
    {
        var body = await Json.ReadObjectAsync(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            await WriteErrorAsync(context, 400, "Request body must be a JSON object").ConfigureAwait(false);
            return;
        }

        var url = Json.String(body, "url");
        var key = Json.String(body, "sourceObjectKey");
        var language = Json.String(body, "language");
        var format = Json.String(body, "format") ?? "text";
        var platform = Json.String(body, "platform");
        var words = Json.Bool(body, "includeWordTimestamps") ?? false;

        string? error = null;
        SandboxTranscript? transcript = null;
        if (string.IsNullOrEmpty(url) == string.IsNullOrEmpty(key))
        {
            error = "Send exactly one of url and sourceObjectKey";
        }
        else if (string.IsNullOrEmpty(language))
        {
            error = "language is required";
        }
        else if (!Languages.Contains(language))
        {
            error = $"Unsupported language: {language}";
        }
        else if (!Formats.Contains(format))
        {
            error = $"Unsupported format: {format} (use text, srt or json)";
        }
        else if (platform is not null && !Platforms.Contains(platform))
        {
            error = $"Unsupported platform: {platform}";
        }
        else if (url is not null)
        {
            var inferred = InferPlatform(url);
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                error = "url must be an absolute http(s) URL";
            }
            else if (platform is null && inferred is null)
            {
                // Documented: "Without it, the request fails" for direct downloadable URLs.
                error = "Direct downloadable media URLs must set platform to public";
            }
            else
            {
                platform ??= inferred;
                transcript = Media.TranscriptForUrl(url);
            }
        }
        else
        {
            StoredObject? slot;
            lock (_gate)
            {
                slot = _objectsByKey.GetValueOrDefault(key!);
            }

            if (slot?.Content is null)
            {
                error = slot is null ? "Unknown sourceObjectKey" : "sourceObjectKey has not been uploaded yet";
            }
            else
            {
                platform ??= "public";
                transcript = Media.TranscriptForHash(slot.Content.Sha256);
            }
        }

        if (error is not null)
        {
            await WriteErrorAsync(context, 400, error).ConfigureAwait(false);
            return;
        }

        var duration = transcript!.Duration;
        var credits = Math.Max(1, (long)Math.Ceiling(duration / 60));
        Job? job = null;
        lock (_gate)
        {
            if (_credits >= credits)
            {
                _credits -= credits;
                job = new Job(NewId("stproj_"), NewId("run_"), platform!, format, words, transcript, credits) { Fails = TakeJobFailure() };
                _jobs[job.ProjectId] = job;
            }
        }

        if (job is null)
        {
            // Not in the docs' status list; 402 is what the client maps to insufficient credits.
            await WriteErrorAsync(context, 402, $"Insufficient credits: {credits} needed").ConfigureAwait(false);
            return;
        }

        await Json.OkAsync(context, new JsonObject
        {
            ["projectId"] = job.ProjectId,
            ["status"] = "queued",
            ["runId"] = job.RunId,
            ["platform"] = job.Platform,
            ["format"] = job.Format,
            ["estimatedCredits"] = credits,
            ["statusUrl"] = $"/api/v1/social-transcripts/jobs/{job.ProjectId}",
        }).ConfigureAwait(false);
    }

    private async Task GetJobAsync(HttpContext context)
    {
        Job? job;
        int polls;
        lock (_gate)
        {
            job = _jobs.GetValueOrDefault(Route(context, "projectId"));
            polls = job is null ? 0 : ++job.Polls;
        }

        if (job is null)
        {
            await WriteErrorAsync(context, 404, "Job not found").ConfigureAwait(false);
            return;
        }

        var result = new JsonObject { ["projectId"] = job.ProjectId };
        if (polls <= Options.PendingPolls)
        {
            result["status"] = polls == 1 ? "queued" : "processing";
            result["outputReady"] = false;
            result["platform"] = job.Platform;
            result["format"] = job.Format;
            await Json.OkAsync(context, result).ConfigureAwait(false);
            return;
        }

        if (job.Fails)
        {
            // Failure values are inferred in the spec ("failed"); no error field is documented.
            result["status"] = "failed";
            result["outputReady"] = false;
            result["platform"] = job.Platform;
            result["format"] = job.Format;
            await Json.OkAsync(context, result).ConfigureAwait(false);
            return;
        }

        var transcript = job.Transcript;
        result["status"] = "completed";
        result["outputReady"] = true;
        result["platform"] = job.Platform;
        result["format"] = job.Format;
        result["includeWordTimestamps"] = job.IncludeWords;
        result["durationSeconds"] = Seconds(transcript.Duration);
        result["creditsUsed"] = job.Credits;
        switch (job.Format)
        {
            case "srt":
                result["output"] = transcript.ToSrt();
                break;
            case "json":
                result["transcript"] = new JsonObject
                {
                    ["text"] = transcript.Text,
                    ["segments"] = Json.Array(transcript.Segments.Select(s =>
                    {
                        var segment = new JsonObject { ["start"] = s.Start, ["end"] = s.End, ["text"] = s.Text };
                        if (job.IncludeWords)
                        {
                            segment["words"] = WordsJson(transcript.WordsOf(s));
                        }

                        return (JsonNode)segment;
                    })),
                };
                break;
            default:
                result["text"] = transcript.Text;
                break;
        }

        if (job.IncludeWords)
        {
            result["wordTimestamps"] = WordsJson(transcript.Words());
        }

        await Json.OkAsync(context, result).ConfigureAwait(false);
    }

    private static JsonArray WordsJson(IEnumerable<SandboxWord> words) =>
        Json.Array(words.Select(w => (JsonNode)new JsonObject { ["word"] = w.Word, ["start"] = w.Start, ["end"] = w.End }));

    /// <summary>The social platforms Subclip infers from the host; null for anything else (a direct media URL).</summary>
    private static string? InferPlatform(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        bool Is(string domain) => host == domain || host.EndsWith("." + domain, StringComparison.Ordinal);
        return Is("youtube.com") || Is("youtu.be") ? "youtube"
            : Is("instagram.com") ? "instagram"
            : Is("facebook.com") || Is("fb.watch") ? "facebook"
            : Is("x.com") || Is("twitter.com") ? "x"
            : Is("tiktok.com") ? "tiktok"
            : null;
    }

    private sealed class Job(string projectId, string runId, string platform, string format, bool includeWords, SandboxTranscript transcript, long credits)
    {
        public string ProjectId { get; } = projectId;

        public string RunId { get; } = runId;

        public string Platform { get; } = platform;

        public string Format { get; } = format;

        public bool IncludeWords { get; } = includeWords;

        public SandboxTranscript Transcript { get; } = transcript;

        public long Credits { get; } = credits;

        public int Polls { get; set; }

        public bool Fails { get; init; }
    }
}
