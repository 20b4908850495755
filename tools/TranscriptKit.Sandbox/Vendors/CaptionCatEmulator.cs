using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using TranscriptKit.CaptionCat;
using TranscriptKit.Sandbox.Media;

namespace TranscriptKit.Sandbox.Vendors;

/// <summary>
/// Caption Cat (<c>/captioncat/v1</c>): multipart upload with a magic-byte check, paid transcription polled until
/// "finished", SRT/text, form-encoded SRT edits, paid render polled by percent, balance and history.
/// </summary>
internal sealed class CaptionCatEmulator() : VendorEmulator(CaptionCatVendor.Definition)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Video> _videos = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _history = [];
    private long _balance;

    /// <summary>The opening balance when <see cref="SandboxOptions.InitialCredits"/> names none.</summary>
    public const long DefaultInitialCredits = 2400;

    protected internal override Task WriteAuthErrorAsync(HttpContext context) =>
        WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Invalid or missing token");

    // The status-code table's shape; the 415 uses {"status":"error","msg":…} and is written where it happens.
    protected internal override Task WriteErrorAsync(HttpContext context, int status, string message, string? code = null) =>
        Json.WriteAsync(context, status, new JsonObject { ["error"] = message });

    protected internal override void Map(IEndpointRouteBuilder routes)
    {
        lock (_gate)
        {
            _balance = 0;
            var credits = Options.InitialCreditsFor(Id, DefaultInitialCredits);
            Charge(-credits, $"Deposit {credits} credits");
        }

        MapOperation(routes, "getBalance", BalanceAsync);
        MapOperation(routes, "getBalanceHistory", HistoryAsync);
        MapOperation(routes, "uploadVideo", UploadAsync, upload: true);
        MapOperation(routes, "startTranscription", StartTranscriptionAsync);
        MapOperation(routes, "getTranscriptionStatus", PollTranscriptionAsync);
        MapOperation(routes, "getSrt", GetSrtAsync);
        MapOperation(routes, "updateSrt", UpdateSrtAsync);
        MapOperation(routes, "getText", GetTextAsync);
        MapOperation(routes, "startRender", StartRenderAsync);
        MapOperation(routes, "getRenderProgress", PollRenderAsync);
    }

    private Task BalanceAsync(HttpContext context)
    {
        lock (_gate)
        {
            return Json.OkAsync(context, new JsonObject { ["status"] = "success", ["balance"] = _balance });
        }
    }

    private Task HistoryAsync(HttpContext context)
    {
        lock (_gate)
        {
            var items = Json.Array(_history.Select(h => h.DeepClone()));
            return Json.OkAsync(context, new JsonObject { ["status"] = "success", ["balance_history"] = items });
        }
    }

    private async Task UploadAsync(HttpContext context)
    {
        ReceivedMedia? received = null;
        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            && HeaderUtilities.RemoveQuotes(type.Boundary).Value is { Length: > 0 } boundary)
        {
            // Streamed section by section: a multi-gigabyte upload is hashed, never held.
            var reader = new MultipartReader(boundary, context.Request.Body) { BodyLengthLimit = null };
            while (await reader.ReadNextSectionAsync(context.RequestAborted).ConfigureAwait(false) is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    && string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, "video", StringComparison.Ordinal))
                {
                    received = await HashingReader.ReadAsync(section.Body, context.RequestAborted).ConfigureAwait(false);
                }
                else
                {
                    await section.Body.DrainAsync(context.RequestAborted).ConfigureAwait(false);
                }
            }
        }

        if (received is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Missing required field: video").ConfigureAwait(false);
            return;
        }

        if (!MagicBytes.IsVideo(received.Header))
        {
            await Json.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, new JsonObject { ["status"] = "error", ["msg"] = "uploaded file is not a video" }).ConfigureAwait(false);
            return;
        }

        var video = new Video(NewId(), Media.TranscriptForHash(received.Sha256));
        lock (_gate)
        {
            _videos[video.Id] = video;
        }

        await Json.OkAsync(context, new JsonObject { ["status"] = "success", ["id"] = video.Id }).ConfigureAwait(false);
    }

    private async Task StartTranscriptionAsync(HttpContext context)
    {
        var (video, error) = Find(context);
        if (video is null)
        {
            await error!.ConfigureAwait(false);
            return;
        }

        lock (_gate)
        {
            var cost = Cost(video);
            if (_balance < cost)
            {
                error = InsufficientAsync(context, cost);
            }
            else
            {
                Charge(cost, "Transcribe Video");
                video.TranscriptionPolls = 0;
                video.TranscriptionStarted = true;
                video.Fails = TakeJobFailure();
                video.Srt = null; // A new transcription replaces edits.
            }
        }

        await (error ?? Json.OkAsync(context, new JsonObject { ["status"] = "success" })).ConfigureAwait(false);
    }

    private async Task PollTranscriptionAsync(HttpContext context)
    {
        var (video, error) = Find(context);
        if (video is null)
        {
            await error!.ConfigureAwait(false);
            return;
        }

        string state;
        lock (_gate)
        {
            if (!video.TranscriptionStarted)
            {
                error = WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Transcription not started: POST /transcribe/{id} first");
                state = string.Empty;
            }
            else
            {
                video.TranscriptionPolls++;
                state = video.TranscriptionPolls <= Options.PendingPolls ? "processing" : video.Fails ? "failed" : "finished";
            }
        }

        await (error ?? Json.OkAsync(context, new JsonObject { ["status"] = "success", ["transcription"] = state })).ConfigureAwait(false);
    }

    private Task GetSrtAsync(HttpContext context) => WithFinishedAsync(context, v => new JsonObject { ["status"] = "success", ["srt"] = v.Srt ?? v.Transcript.ToSrt() });

    private Task GetTextAsync(HttpContext context) => WithFinishedAsync(context, v => new JsonObject
    {
        ["status"] = "success",
        ["text"] = v.Srt is null ? v.Transcript.Text : string.Join(" ", SandboxTranscript.ParseSrt(v.Srt).Select(s => s.Text)),
    });

    private async Task UpdateSrtAsync(HttpContext context)
    {
        string? srt = null;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            srt = form["srt"].FirstOrDefault();
        }

        if (string.IsNullOrEmpty(srt))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Missing required field: srt").ConfigureAwait(false);
            return;
        }

        await WithFinishedAsync(context, v =>
        {
            v.Srt = srt;
            return new JsonObject { ["status"] = "success" };
        }).ConfigureAwait(false);
    }

    private async Task StartRenderAsync(HttpContext context)
    {
        var (video, error) = Find(context);
        if (video is null)
        {
            await error!.ConfigureAwait(false);
            return;
        }

        lock (_gate)
        {
            var cost = Cost(video);
            if (!video.TranscriptionFinished(Options.PendingPolls))
            {
                error = WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Transcription not finished: nothing to render yet");
            }
            else if (_balance < cost)
            {
                error = InsufficientAsync(context, cost);
            }
            else
            {
                Charge(cost, "Render Video");
                video.RenderStarted = true;
                video.RenderPolls = 0;
            }
        }

        await (error ?? Json.OkAsync(context, new JsonObject { ["status"] = "success" })).ConfigureAwait(false);
    }

    private async Task PollRenderAsync(HttpContext context)
    {
        var (video, error) = Find(context);
        if (video is null)
        {
            await error!.ConfigureAwait(false);
            return;
        }

        int progress = 0;
        lock (_gate)
        {
            if (!video.RenderStarted)
            {
                error = WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Render not started: POST /render/{id} first");
            }
            else
            {
                // Climbs evenly over PendingPolls polls, then reports 100.
                video.RenderPolls++;
                progress = video.RenderPolls > Options.PendingPolls ? 100 : video.RenderPolls * 100 / (Options.PendingPolls + 1);
            }
        }

        await (error ?? Json.OkAsync(context, new JsonObject { ["status"] = "success", ["progress"] = progress })).ConfigureAwait(false);
    }

    private async Task WithFinishedAsync(HttpContext context, Func<Video, JsonObject> answer)
    {
        var (video, error) = Find(context);
        if (video is null)
        {
            await error!.ConfigureAwait(false);
            return;
        }

        JsonObject? body = null;
        lock (_gate)
        {
            if (video.TranscriptionFinished(Options.PendingPolls))
            {
                body = answer(video);
            }
        }

        await (body is null
            ? WriteErrorAsync(context, StatusCodes.Status404NotFound, "Transcript Not Found: the transcription has not finished")
            : Json.OkAsync(context, body)).ConfigureAwait(false);
    }

    private (Video? Video, Task? Error) Find(HttpContext context)
    {
        lock (_gate)
        {
            return _videos.TryGetValue(Route(context, "id"), out var video)
                ? (video, null)
                : (null, WriteErrorAsync(context, StatusCodes.Status404NotFound, "Id Not Found"));
        }
    }

    // Not documented: the docs show no insufficient-balance answer. 402 in the status-table shape is our guess.
    private Task InsufficientAsync(HttpContext context, long cost) =>
        WriteErrorAsync(context, StatusCodes.Status402PaymentRequired, $"Insufficient balance: {cost} credits needed, {_balance} available");

    // The docs' history charges 59 credits for a video; 1 credit per started second of video is our reading.
    private long Cost(Video video) => Math.Max(1, (long)Math.Ceiling(video.Transcript.Duration > 0 ? video.Transcript.Duration : Options.SimulatedDurationSeconds));

    private void Charge(long cost, string description)
    {
        _balance -= cost;
        _history.Add(new JsonObject
        {
            ["Id"] = _history.Count + 1,
            ["Transaction"] = -cost,
            ["Balance"] = _balance,
            ["Description"] = description,
            ["DateTime"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC",
        });
    }

    private sealed class Video(string id, SandboxTranscript transcript)
    {
        public string Id { get; } = id;

        public SandboxTranscript Transcript { get; } = transcript;

        public string? Srt { get; set; }

        public bool TranscriptionStarted { get; set; }

        public int TranscriptionPolls { get; set; }

        public bool RenderStarted { get; set; }

        public int RenderPolls { get; set; }

        public bool Fails { get; set; }

        public bool TranscriptionFinished(int pendingPolls) => TranscriptionStarted && !Fails && TranscriptionPolls > pendingPolls;
    }
}
