using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TranscriptKit.CaptionCat;
using TranscriptKit.Cliptext;
using TranscriptKit.Soscripted;
using TranscriptKit.Subclip;
using TranscriptKit.TranscriptGenerate;
using static TranscriptKit.Reliability.Tests.ResponseFuzzing.Connections.FaultyServer;

namespace TranscriptKit.Reliability.Tests.ResponseFuzzing.Connections;

/// <summary>
/// A poll, a create and (where the vendor has one) the stream and the upload of each of the five generated clients,
/// with the well-formed answers (from the recorded fixtures) that let each flow reach the request under attack.
/// </summary>
public static class VendorCalls
{
    /// <summary>Short timeouts, so a fault ends a call in about a second; retries fast, so they run within the bound.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private static readonly RetryOptions s_retry = new() { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(50) };

    public static IReadOnlyList<VendorCall> All { get; } =
    [
        new("captioncat", "getTranscriptionStatus", CallKind.Poll, false, "GET", "/v1/transcribe/vid1/poll", async (b, ct) => await CaptionCat(b).GetTranscriptionStatusAsync("vid1", ct)),
        new("captioncat", "startTranscription", CallKind.Create, true, "POST", "/v1/transcribe/vid1", async (b, ct) => await CaptionCat(b).StartTranscriptionAsync("vid1", ct)),
        new("captioncat", "uploadVideo", CallKind.Upload, true, "POST", "/v1/upload", async (b, ct) =>
        {
            using var file = File();
            return await CaptionCat(b).UploadVideoAsync(file, cancellationToken: ct);
        }),
        new("subclip", "getJob", CallKind.Poll, false, "GET", "/api/v1/social-transcripts/jobs/stproj_1", async (b, ct) => await Subclip(b).GetJobAsync("stproj_1", ct)),
        new("subclip", "createJob", CallKind.Create, true, "POST", "/api/v1/social-transcripts/jobs", async (b, ct) =>
            await Subclip(b).CreateJobAsync(new CreateJobRequest { Url = "https://www.tiktok.com/@creator/video/7212345678901234567", Language = LanguageCode.En }, ct)),
        new("subclip", "uploadSource", CallKind.Upload, false, "PUT", "/storage/subclip/clip.mp4", async (b, ct) =>
        {
            using var file = File();
            return await Subclip(b).UploadSourceAsync(file, cancellationToken: ct);
        }),
        new("transcriptgenerate", "queryTask", CallKind.Poll, false, "GET", "/open-gateway/transcript-api/v1/task/query", async (b, ct) => await TranscriptGenerate(b).QueryTaskAsync("1893456789012345678", ct), TimeSpan.FromSeconds(30)),
        new("transcriptgenerate", "createTask", CallKind.Create, true, "POST", "/open-gateway/transcript-api/v1/task/create", async (b, ct) =>
            await TranscriptGenerate(b).CreateTaskAsync(new CreateTaskRequest { WorkUrl = "https://v.douyin.com/xxxxxx" }, ct), TimeSpan.FromSeconds(30)),
        new("cliptext", "getTranscription", CallKind.Poll, false, "GET", "/v1/transcriptions/txn_1", async (b, ct) => await Cliptext(b).GetTranscriptionAsync("txn_1", ct)),
        new("cliptext", "createTranscription", CallKind.Create, true, "POST", "/v1/transcriptions", async (b, ct) =>
            await Cliptext(b).CreateTranscriptionAsync(new CreateTranscriptionRequest { UploadId = "upl_1" }, ct)),
        new("cliptext", "uploadFile", CallKind.Upload, false, "PUT", "/storage/cliptext/talk.mp3", async (b, ct) =>
        {
            using var file = File("talk.mp3");
            return await Cliptext(b).UploadFileAsync(file, cancellationToken: ct);
        }),
        new("soscripted", "transcribe", CallKind.Create, true, "POST", "/api/public/transcribe", async (b, ct) =>
            await Soscripted(b).TranscribeAsync(new TranscribeRequest { Url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ" }, ct), TimeSpan.FromSeconds(600)),
        new("soscripted", "transcribeStream", CallKind.Stream, true, "POST", "/api/public/transcribe", async (b, ct) =>
        {
            var events = 0;
            await foreach (var _ in Soscripted(b).TranscribeStreamAsync(new TranscribeRequest { Url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ" }, ct))
            {
                events++;
            }

            return events;
        }, TimeSpan.FromSeconds(600)),
    ];

    /// <summary>The well-formed answer to every request the calls above send.</summary>
    public static Answer Route(Request request, Uri server)
    {
        var eventStream = request.Headers.TryGetValue("Accept", out var accept) && accept.Contains("text/event-stream", StringComparison.Ordinal);
        return (request.Method, request.Path) switch
        {
            ("GET", "/v1/transcribe/vid1/poll") => Answer.Json("{\"status\":\"success\",\"transcription\":\"processing\",}"),
            ("POST", "/v1/transcribe/vid1") => Answer.Json("{\"status\":\"success\",}"),
            ("POST", "/v1/upload") => Answer.Json("{\"status\":\"success\",\"id\":\"cb6dc793fa1ceadb55744ba0a7b0af56\",}"),
            ("GET", "/api/v1/social-transcripts/jobs/stproj_1") => Answer.Json("{\"projectId\":\"stproj_1\",\"status\":\"queued\",\"outputReady\":false,\"format\":\"text\"}"),
            ("POST", "/api/v1/social-transcripts/jobs") => Answer.Json("{\"projectId\":\"stproj_1\",\"status\":\"queued\",\"runId\":\"run_1\",\"format\":\"text\",\"statusUrl\":\"/api/v1/social-transcripts/jobs/stproj_1\"}"),
            ("POST", "/api/v1/social-transcripts/uploads") => Answer.Json($"{{\"uploadUrl\":\"{server}storage/subclip/clip.mp4\",\"method\":\"PUT\",\"sourceObjectKey\":\"user_1/sources/clip.mp4\",\"sourceObjectName\":\"clip.mp4\",\"sourceObjectMimeType\":\"video/mp4\",\"expiresIn\":900}}"),
            ("PUT", "/storage/subclip/clip.mp4") or ("PUT", "/storage/cliptext/talk.mp3") => Answer.Json(string.Empty),
            ("GET", "/open-gateway/transcript-api/v1/task/query") => Answer.Json("{\"code\":200,\"msg\":\"Success\",\"data\":{\"taskId\":\"1893456789012345678\",\"status\":\"WAITING\",\"errorMessage\":null,\"createTime\":\"2026-06-04 17:30:00\"}}"),
            ("POST", "/open-gateway/transcript-api/v1/task/create") => Answer.Json("{\"code\":200,\"msg\":\"Success\",\"data\":{\"taskId\":\"1893456789012345678\",\"status\":\"WAITING\"}}"),
            ("GET", "/v1/transcriptions/txn_1") => Answer.Json("{\"id\":\"txn_1\",\"status\":\"processing\",\"text\":null,\"created_at\":\"2026-01-15T10:30:00Z\"}"),
            ("POST", "/v1/transcriptions") => Answer.Json("{\"id\":\"txn_1\",\"status\":\"queued\",\"text\":null,\"created_at\":\"2026-01-15T10:30:00Z\"}", 201),
            ("POST", "/v1/uploads/presigned") => Answer.Json($"{{\"upload_id\":\"upl_1\",\"upload_url\":\"{server}storage/cliptext/talk.mp3\",\"expires_in\":3600}}"),
            ("POST", "/v1/uploads/complete") => Answer.Json("{\"upload_id\":\"upl_1\",\"status\":\"completed\"}"),
            ("POST", "/api/public/transcribe") when eventStream => Answer.Events(
                "event: progress\ndata: {\"stage\":\"downloading\",\"pct\":10}\n\n" +
                "event: progress\ndata: {\"stage\":\"transcribing\",\"pct\":50}\n\n" +
                "event: final\ndata: {\"ok\":true,\"caption\":{\"text\":\"Hello world\",\"segments\":[{\"start\":0.0,\"end\":2.5,\"text\":\"Hello world\"}]}}\n\n" +
                "event: done\ndata: {\"ok\":true}\n\n"),
            ("POST", "/api/public/transcribe") => Answer.Json("{\"ok\":true,\"caption\":{\"text\":\"Hello world\",\"segments\":[{\"start\":0.0,\"end\":2.5,\"text\":\"Hello world\"}]}}"),
            _ => Answer.Json("{\"error\":\"not routed\"}", 404),
        };
    }

    private static UploadFile File(string name = "clip.mp4") => UploadFile.FromStream(new MemoryStream(new byte[48 * 1024]), name);

    private static HttpClient Http() => new(new SocketsHttpHandler { ConnectTimeout = Timeout }) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

    private static T Short<T>(T options, Uri endpoint)
        where T : TranscriptKitClientOptions =>
        ClientLimits.Apply(options, endpoint, Timeout, Timeout, Timeout, s_retry);

    private static CaptionCatClient CaptionCat(Uri b) => new(Http(), Short(new CaptionCatClientOptions { ApiKey = "k" }, new Uri(b, "v1")));

    private static SubclipClient Subclip(Uri b) => new(Http(), Short(new SubclipClientOptions { ApiKey = "k" }, new Uri(b, "api/v1")));

    private static TranscriptGenerateClient TranscriptGenerate(Uri b) => new(Http(), Short(new TranscriptGenerateClientOptions { ApiKey = "k", ApiSecret = "s" }, new Uri(b, "open-gateway")));

    private static CliptextClient Cliptext(Uri b) => new(Http(), Short(new CliptextClientOptions { ApiKey = "k" }, new Uri(b, "v1")));

    private static SoscriptedClient Soscripted(Uri b) => new(Http(), Short(new SoscriptedClientOptions { ApiKey = "k" }, new Uri(b, "api/public")));
}
