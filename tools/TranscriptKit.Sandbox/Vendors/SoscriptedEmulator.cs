using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using TranscriptKit.Soscripted;
using TranscriptKit.Sandbox.Media;

namespace TranscriptKit.Sandbox.Vendors;

/// <summary>
/// Soscripted (<c>/soscripted/api/public</c>): one blocking <c>POST /transcribe</c>, or with
/// <c>Accept: text/event-stream</c> the progress / final / done events, each flushed on its own after a real delay.
/// </summary>
internal sealed class SoscriptedEmulator() : VendorEmulator(SoscriptedVendor.Definition)
{
    private static readonly (string Stage, int Pct)[] Stages = [("downloading", 10), ("transcribing", 50), ("transcribing", 90)];
    private readonly object _gate = new();
    private long _spent;

    /// <summary>The opening balance when <see cref="SandboxOptions.InitialCredits"/> names none; each transcription costs one.</summary>
    public const long DefaultInitialCredits = 100;

    protected internal override Task WriteAuthErrorAsync(HttpContext context) =>
        WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized: missing or invalid API key");

    protected internal override Task WriteErrorAsync(HttpContext context, int status, string message, string? code = null) =>
        Json.WriteAsync(context, status, new JsonObject { ["error"] = message });

    protected internal override void Map(IEndpointRouteBuilder routes) => MapOperation(routes, "transcribe", TranscribeAsync);

    private async Task TranscribeAsync(HttpContext context)
    {
        var body = await Json.ReadObjectAsync(context.Request).ConfigureAwait(false);
        var url = body is null ? null : Json.String(body, "url");
        if (string.IsNullOrWhiteSpace(url))
        {
            await WriteErrorAsync(context, 400, "Missing URL").ConfigureAwait(false);
            return;
        }

        if (!IsSupported(url, context))
        {
            await WriteErrorAsync(context, 400, "Unsupported platform: use a YouTube, TikTok, Instagram, Facebook, Twitter/X, LinkedIn or Pinterest URL").ConfigureAwait(false);
            return;
        }

        bool paid;
        lock (_gate)
        {
            paid = _spent < Options.InitialCreditsFor(Id, DefaultInitialCredits);
            if (paid)
            {
                _spent++;
            }
        }

        if (!paid)
        {
            await WriteErrorAsync(context, 402, "Insufficient credits").ConfigureAwait(false);
            return;
        }

        var transcript = Media.TranscriptForUrl(url);
        var fails = TakeJobFailure();
        var accept = context.Request.Headers.Accept.ToString();
        if (accept.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            await StreamAsync(context, transcript, fails).ConfigureAwait(false);
            return;
        }

        if (fails)
        {
            await WriteErrorAsync(context, 500, "Transcription failed").ConfigureAwait(false);
            return;
        }

        // "Blocks until transcription completes": the sandbox has nothing to wait for, so it answers at once.
        await Json.OkAsync(context, Result(transcript)).ConfigureAwait(false);
    }

    private async Task StreamAsync(HttpContext context, SandboxTranscript transcript, bool fails)
    {
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var (silent, keepAlive) = Faults.For(Id).TakeStreamSilence();
        if (silent)
        {
            VendorSandbox.MarkFault(context, "silent-stream");
        }

        foreach (var (stage, pct) in Stages)
        {
            await EventAsync(context, "progress", new JsonObject { ["stage"] = stage, ["pct"] = pct }).ConfigureAwait(false);
            if (silent)
            {
                await SilenceAsync(context, keepAlive).ConfigureAwait(false);
            }

            await Delays.WaitAsync(context, Options.StreamEventDelay).ConfigureAwait(false);
        }

        if (fails)
        {
            // Inferred like the spec's error-event: a failure after the stream started.
            await EventAsync(context, "error", new JsonObject { ["error"] = "Transcription failed" }).ConfigureAwait(false);
            return;
        }

        // The docs' example "segments":[...] is not JSON; the sandbox sends the real thing.
        await EventAsync(context, "final", Result(transcript)).ConfigureAwait(false);
        await Delays.WaitAsync(context, Options.StreamEventDelay).ConfigureAwait(false);
        await EventAsync(context, "done", new JsonObject { ["ok"] = true }).ConfigureAwait(false);
    }

    /// <summary>The fault: no further event until the client leaves, only keep-alive comments when an interval is given.</summary>
    private static async Task SilenceAsync(HttpContext context, TimeSpan? keepAlive)
    {
        if (keepAlive is not { } interval)
        {
            await Delays.UntilClientLeavesAsync(context).ConfigureAwait(false);
            return;
        }

        while (true)
        {
            await Delays.WaitAsync(context, interval).ConfigureAwait(false);
            await context.Response.WriteAsync(": keep-alive\n\n", context.RequestAborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task EventAsync(HttpContext context, string name, JsonNode data)
    {
        await context.Response.WriteAsync($"event: {name}\ndata: {data.ToJsonString()}\n\n", context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static JsonObject Result(SandboxTranscript transcript) => new()
    {
        ["ok"] = true,
        ["caption"] = new JsonObject
        {
            ["text"] = transcript.Text,
            ["segments"] = Json.Array(transcript.Segments.Select(s => (JsonNode)new JsonObject { ["start"] = s.Start, ["end"] = s.End, ["text"] = s.Text })),
        },
    };

    /// <summary>The documented platforms, plus the sandbox's own <c>/media/</c> URLs.</summary>
    private static bool IsSupported(string url, HttpContext context)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        // The spec's url-hosts: the same platforms the client checks before it sends.
        var host = uri.Host.ToLowerInvariant();
        return SoscriptedVendor.Definition.Limits.UrlHosts.Any(d => host == d || host.EndsWith("." + d, StringComparison.Ordinal))
            || (uri.IsLoopback && uri.Port == context.Request.Host.Port && uri.AbsolutePath.StartsWith("/media/", StringComparison.Ordinal));
    }
}
