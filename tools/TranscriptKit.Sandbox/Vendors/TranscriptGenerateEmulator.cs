using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TranscriptKit.TranscriptGenerate;
using TranscriptKit.Sandbox.Media;

namespace TranscriptKit.Sandbox.Vendors;

/// <summary>
/// TranscriptGenerate (<c>/transcriptgenerate/open-gateway</c>): <c>{code,msg,data}</c> envelopes with business errors
/// inside HTTP 200, tasks from a video URL polled until SUCCESS, a seconds quota and a concurrency limit (code 601).
/// </summary>
internal sealed class TranscriptGenerateEmulator() : VendorEmulator(TranscriptGenerateVendor.Definition)
{
    private const int MaxUrlLength = 2048;
    private readonly object _gate = new();
    private readonly Dictionary<string, GenerateTask> _tasks = new(StringComparer.Ordinal);
    // Seconds of media charged, to the tenth: the docs type the quota fields "Number", and a 4.5 s video uses 4.5 s.
    private decimal _usedSeconds;
    private long _nextId = 1893456789012345678;

    /// <summary>Unfinished tasks allowed at once when <see cref="SandboxOptions.ConcurrencyLimits"/> names none.</summary>
    public const int DefaultConcurrencyLimit = 2;

    /// <summary>The video-to-text quota in seconds when <see cref="SandboxOptions.QuotaSeconds"/> names none.</summary>
    public const long DefaultQuotaSeconds = 7200;

    // The documented failure: HTTP 401 with {"code":401,"msg":…}; a wrong (not missing) pair gets its own message.
    protected internal override Task WriteAuthErrorAsync(HttpContext context)
    {
        var credentials = TranscriptGenerateVendor.Definition.Credentials;
        var missing = string.IsNullOrEmpty(context.Request.Headers[credentials.KeyHeader]) || string.IsNullOrEmpty(context.Request.Headers[credentials.SecretHeader!]);
        return WriteErrorAsync(
            context,
            StatusCodes.Status401Unauthorized,
            missing
                ? "Missing API Key or Secret. Please include X-API-Key and X-API-Secret in the request headers."
                : "Invalid API Key or Secret. Please check that they are correct, not expired or disabled.");
    }

    protected internal override Task WriteErrorAsync(HttpContext context, int status, string message, string? code = null) =>
        Json.WriteAsync(context, status, new JsonObject { ["code"] = status, ["msg"] = message });

    protected internal override void Map(IEndpointRouteBuilder routes)
    {
        MapOperation(routes, "createTask", CreateAsync);
        MapOperation(routes, "queryTask", QueryAsync);
        MapOperation(routes, "getQuotaUsage", QuotaAsync);
        MapOperation(routes, "getConcurrency", ConcurrencyAsync);
    }

    /// <summary>A business answer: HTTP 200 whatever the code, as the docs show.</summary>
    private static Task EnvelopeAsync(HttpContext context, int code, string msg, JsonNode? data = null)
    {
        var body = new JsonObject { ["code"] = code, ["msg"] = msg };
        if (data is not null)
        {
            body["data"] = data;
        }

        return Json.OkAsync(context, body);
    }

    private async Task CreateAsync(HttpContext context)
    {
        var body = await Json.ReadObjectAsync(context.Request).ConfigureAwait(false) ?? [];
        var workUrl = Json.String(body, "workUrl")?.Trim();
        if (string.IsNullOrEmpty(workUrl))
        {
            await EnvelopeAsync(context, 500, "Video URL cannot be empty").ConfigureAwait(false);
            return;
        }

        if (workUrl.Length > MaxUrlLength)
        {
            await EnvelopeAsync(context, 500, "The URL is too long. Please check and try again.").ConfigureAwait(false);
            return;
        }

        // The vendor pulls the URL out of pasted share text; the sandbox takes the first http(s) token.
        var url = workUrl.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(t => t.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || t.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            await EnvelopeAsync(context, 500, "Failed to extract a valid platform URL from the input").ConfigureAwait(false);
            return;
        }

        var platform = PlatformOf(uri, context);
        if (platform is null)
        {
            await EnvelopeAsync(context, 500, "This platform is not supported. Please try a different URL.").ConfigureAwait(false);
            return;
        }

        var entry = Media.FindByUrl(url);
        var transcript = entry?.Transcript ?? Media.Simulated();
        var seconds = Math.Round((decimal)transcript.Duration, 1);
        GenerateTask? task = null;
        string? refusal = null;
        lock (_gate)
        {
            var running = _tasks.Values.Count(t => !t.IsFinished(Options));
            if (running >= Options.ConcurrencyLimitFor(Id, DefaultConcurrencyLimit))
            {
                refusal = "Concurrency limit reached. Please wait for existing tasks to complete.";
            }
            else if (Options.QuotaSecondsFor(Id, DefaultQuotaSeconds) is var quota && quota >= 0 && quota - _usedSeconds < seconds)
            {
                refusal = "Insufficient quota remaining. Please upgrade your plan.";
            }
            else
            {
                _usedSeconds += seconds;
                task = new GenerateTask(
                    (_nextId++).ToString(CultureInfo.InvariantCulture),
                    workUrl,
                    platform,
                    transcript,
                    entry is null ? null : $"{Origin(context)}/media/{Uri.EscapeDataString(entry.FileName)}",
                    entry?.FileName,
                    Options.TimeProvider.GetUtcNow());
                task.Fails = TakeJobFailure();
                _tasks[task.TaskId] = task;
            }
        }

        // targetLanguage is accepted (the sandbox account is a member) but nothing is translated.
        await (task is null
            ? EnvelopeAsync(context, 601, refusal!)
            : EnvelopeAsync(context, 200, "Task submitted", new JsonObject
            {
                ["taskId"] = task.TaskId,
                ["status"] = "WAITING",
                ["message"] = "Task submitted, processing in progress",
            })).ConfigureAwait(false);
    }

    private async Task QueryAsync(HttpContext context)
    {
        var taskId = context.Request.Query["taskId"].ToString();
        if (string.IsNullOrWhiteSpace(taskId))
        {
            await EnvelopeAsync(context, 500, "Task ID cannot be empty").ConfigureAwait(false);
            return;
        }

        GenerateTask? task;
        bool finished;
        lock (_gate)
        {
            task = _tasks.GetValueOrDefault(taskId);
            if (task is not null)
            {
                task.Polls++;
            }

            finished = task?.IsFinished(Options) ?? false;
        }

        if (task is null)
        {
            await EnvelopeAsync(context, 500, "Task not found").ConfigureAwait(false);
            return;
        }

        var data = new JsonObject { ["taskId"] = task.TaskId };
        if (!finished)
        {
            data["status"] = "WAITING";
            data["errorMessage"] = null;
            data["createTime"] = task.CreateTime;
            await EnvelopeAsync(context, 200, "Success", data).ConfigureAwait(false);
            return;
        }

        if (task.Fails)
        {
            data["status"] = "FAILURE";
            data["errorMessage"] = "Video processing failed!";
            data["createTime"] = task.CreateTime;
            await EnvelopeAsync(context, 200, "Success", data).ConfigureAwait(false);
            return;
        }

        data["status"] = "SUCCESS";
        data["errorMessage"] = "Video processing succeeded!";
        data["textContent"] = task.Transcript.Text;
        data["title"] = task.Title ?? (task.Transcript.IsSimulated ? "Simulated video (no sidecar transcript)" : "Sandbox video");
        data["platform"] = task.Platform;
        data["duration"] = Seconds(task.Transcript.Duration);
        if (task.VideoUrl is not null)
        {
            data["videoUrl"] = task.VideoUrl;
        }

        data["workUrl"] = task.WorkUrl;
        data["createTime"] = task.CreateTime;
        await EnvelopeAsync(context, 200, "Success", data).ConfigureAwait(false);
    }

    private Task QuotaAsync(HttpContext context)
    {
        decimal used;
        lock (_gate)
        {
            used = _usedSeconds;
        }

        // The total is written as an integral float (7200.0) and the rest as fractions (4.5, 7195.5): both shapes a
        // "Number" field takes, so the clients' readers meet them here and not first at the real vendor.
        var total = Options.QuotaSecondsFor(Id, DefaultQuotaSeconds) + 0.0m;
        var data = total < 0
            ? new JsonObject { ["unlimited"] = true, ["availableSeconds"] = -1, ["availableMinutes"] = -1, ["totalSeconds"] = -1, ["usedSeconds"] = used }
            : new JsonObject
            {
                ["unlimited"] = false,
                ["availableSeconds"] = total - used,
                ["availableMinutes"] = Minutes(total - used),
                ["totalSeconds"] = total,
                ["totalMinutes"] = Minutes(total),
                ["usedSeconds"] = used,
                ["usedMinutes"] = Minutes(used),
                ["deductionType"] = "monthly",
            };
        return EnvelopeAsync(context, 200, "Success", data);
    }

    private Task ConcurrencyAsync(HttpContext context)
    {
        int running;
        lock (_gate)
        {
            running = _tasks.Values.Count(t => !t.IsFinished(Options));
        }

        var max = Options.ConcurrencyLimitFor(Id, DefaultConcurrencyLimit);
        return EnvelopeAsync(context, 200, "Success", new JsonObject
        {
            ["currentConcurrency"] = running,
            ["maxConcurrency"] = max,
            ["availableConcurrency"] = Math.Max(0, max - running),
            ["canAddTask"] = running < max,
        });
    }

    // The docs show minutes as decimal strings with one place: "60.0".
    private static string Minutes(decimal seconds) => (seconds / 60m).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>
    /// Douyin, Xiaohongshu and Kuaishou as documented; the sandbox's own <c>/media/</c> URLs answer as Douyin, because a
    /// platform value the spec does not list ("SANDBOX" until the drift check saw it) is drift the sandbox itself would
    /// put into every drift report.
    /// </summary>
    private static string? PlatformOf(Uri uri, HttpContext context)
    {
        var host = uri.Host.ToLowerInvariant();
        bool Is(string domain) => host == domain || host.EndsWith("." + domain, StringComparison.Ordinal);
        if (Is("douyin.com") || Is("iesdouyin.com"))
        {
            return "DOUYIN";
        }

        if (Is("xiaohongshu.com") || Is("xhslink.com"))
        {
            return "XHS";
        }

        if (Is("kuaishou.com") || Is("kuaishouapp.com"))
        {
            return "KUAISHOU";
        }

        var sandbox = context.Request.Host;
        return uri.IsLoopback && uri.Port == sandbox.Port && uri.AbsolutePath.StartsWith("/media/", StringComparison.Ordinal) ? "DOUYIN" : null;
    }

    private sealed class GenerateTask(string taskId, string workUrl, string platform, SandboxTranscript transcript, string? videoUrl, string? title, DateTimeOffset created)
    {
        public string TaskId { get; } = taskId;

        public string WorkUrl { get; } = workUrl;

        public string Platform { get; } = platform;

        public SandboxTranscript Transcript { get; } = transcript;

        public string? VideoUrl { get; } = videoUrl;

        public string? Title { get; } = title;

        public DateTimeOffset Created { get; } = created;

        public string CreateTime { get; } = created.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        public int Polls { get; set; }

        public bool Fails { get; set; }

        public bool IsFinished(SandboxOptions options) =>
            options.JobDuration is { } duration ? options.TimeProvider.GetUtcNow() - Created >= duration : Polls > options.PendingPolls;
    }
}
