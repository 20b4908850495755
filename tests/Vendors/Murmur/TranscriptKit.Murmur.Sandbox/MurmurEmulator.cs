using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TranscriptKit.Sandbox;

namespace TranscriptKit.Murmur.Sandbox;

/// <summary>
/// Murmur in the sandbox, built from <see cref="MurmurVendor.Definition"/>: <c>listen</c> answers at once, a job stays
/// <c>running</c> for <see cref="SandboxOptions.PendingPolls"/> polls, then is <c>done</c> (or <c>failed</c> when
/// <see cref="VendorFaults.FailNextJobs"/> is armed); every paid call spends one of
/// <see cref="SandboxOptions.InitialCredits"/>["murmur"] (default <see cref="DefaultInitialCredits"/>).
/// It never recognises speech: the text names the recording and says it is simulated.
/// </summary>
public sealed class MurmurEmulator() : VendorEmulator(MurmurVendor.Definition)
{
    /// <summary>The opening balance when <see cref="SandboxOptions.InitialCredits"/> names none.</summary>
    public const long DefaultInitialCredits = 50;

    private readonly ConcurrentDictionary<string, JobState> _jobs = new(StringComparer.Ordinal);
    private long _spent;
    private int _nextJob;

    /// <inheritdoc/>
    protected override Task WriteErrorAsync(HttpContext context, int status, string message, string? code = null) =>
        WriteAsync(context, status, new JsonObject { ["error"] = new JsonObject { ["code"] = code ?? CodeFor(status), ["message"] = message } });

    /// <inheritdoc/>
    protected override void Map(IEndpointRouteBuilder routes)
    {
        MapOperation(routes, "listen", ListenAsync);
        MapOperation(routes, "createJob", CreateJobAsync);
        MapOperation(routes, "getJob", GetJobAsync);
    }

    /// <summary>The transcript the emulator gives a recording: one simulated segment naming it.</summary>
    /// <param name="url">The recording's URL.</param>
    /// <param name="language">The requested language.</param>
    /// <returns>The text of that transcript.</returns>
    public static string SimulatedText(string url, string language) =>
        $"[simulated murmur transcript of {new Uri(url).Segments.Last()} in {language}]";

    private async Task ListenAsync(HttpContext context)
    {
        if (await ReadRequestAsync(context).ConfigureAwait(false) is not { } audio || !await ChargeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        await WriteAsync(context, StatusCodes.Status200OK, TranscriptJson(audio.Url, audio.Language)).ConfigureAwait(false);
    }

    private async Task CreateJobAsync(HttpContext context)
    {
        if (await ReadRequestAsync(context).ConfigureAwait(false) is not { } audio || !await ChargeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        var id = "mj_" + Interlocked.Increment(ref _nextJob).ToString(CultureInfo.InvariantCulture);
        var job = new JobState(audio.Url, audio.Language, TakeJobFailure());
        _jobs[id] = job;
        await WriteAsync(context, StatusCodes.Status202Accepted, new JsonObject { ["id"] = id, ["status"] = "queued" }).ConfigureAwait(false);
    }

    private async Task GetJobAsync(HttpContext context)
    {
        var id = context.Request.RouteValues["jobId"]?.ToString() ?? string.Empty;
        if (!_jobs.TryGetValue(id, out var job))
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, $"No job {id}.").ConfigureAwait(false);
            return;
        }

        var polls = job.Poll();
        var answer = new JsonObject { ["id"] = id };
        if (polls <= Options.PendingPolls)
        {
            answer["status"] = "running";
            answer["progress"] = Options.PendingPolls == 0 ? 0 : Math.Round(100.0 * (polls - 1) / Options.PendingPolls, 1);
        }
        else if (job.Fails)
        {
            answer["status"] = "failed";
            answer["failure"] = "The recording could not be decoded.";
        }
        else
        {
            answer["status"] = "done";
            answer["progress"] = 100;
            answer["transcript"] = TranscriptJson(job.Url, job.Language);
        }

        await WriteAsync(context, StatusCodes.Status200OK, answer).ConfigureAwait(false);
    }

    private async Task<(string Url, string Language)?> ReadRequestAsync(HttpContext context)
    {
        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            body = null;
        }

        var url = body?["url"] is JsonValue u && u.TryGetValue(out string? text) ? text : null;
        var language = body?["language"] is JsonValue l && l.TryGetValue(out string? code) ? code : null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "url must be an absolute http(s) URL.", "invalid_request").ConfigureAwait(false);
            return null;
        }

        // The spec's own language list, so the emulator and the definition cannot disagree.
        if (language is null || Definition!.Limits.Languages is { } languages && !languages.Contains(language, StringComparer.OrdinalIgnoreCase))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, $"language must be one of {string.Join(", ", Definition!.Limits.Languages ?? [])}.", "invalid_request").ConfigureAwait(false);
            return null;
        }

        return (url!, language);
    }

    private async Task<bool> ChargeAsync(HttpContext context)
    {
        var spent = Interlocked.Increment(ref _spent);
        if (spent <= Options.InitialCreditsFor(Id, DefaultInitialCredits))
        {
            return true;
        }

        Interlocked.Decrement(ref _spent);
        await WriteErrorAsync(context, StatusCodes.Status402PaymentRequired, "No credits left.", "insufficient_credits").ConfigureAwait(false);
        return false;
    }

    private JsonObject TranscriptJson(string url, string language)
    {
        var seconds = Options.SimulatedDurationSeconds;
        var text = SimulatedText(url, language);
        return new JsonObject
        {
            ["text"] = text,
            ["duration"] = seconds,
            ["segments"] = new JsonArray(new JsonObject { ["start"] = 0.0, ["end"] = seconds, ["text"] = text }),
        };
    }

    private static string CodeFor(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "unauthorized",
        StatusCodes.Status402PaymentRequired => "insufficient_credits",
        StatusCodes.Status404NotFound => "not_found",
        StatusCodes.Status429TooManyRequests => "rate_limited",
        >= 500 => "server_error",
        _ => "invalid_request",
    };

    private static Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private sealed class JobState(string url, string language, bool fails)
    {
        private int _polls;

        public string Url { get; } = url;

        public string Language { get; } = language;

        public bool Fails { get; } = fails;

        public int Poll() => Interlocked.Increment(ref _polls);
    }
}
