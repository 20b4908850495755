using TranscriptKit.Cliptext;
using TranscriptKit.Soscripted;
using TranscriptKit.Subclip;
using TranscriptKit.TranscriptGenerate;

// <readme:other-vendors>
// <readme:hide>
namespace TranscriptKit.Samples;

/// <summary>The README block "other-vendors", compiled so it cannot rot.</summary>
internal static class OtherVendorsSample
{
    public static async Task RunAsync(string key, string secret)
    {
// </readme:hide>
// Subclip: signed upload (2 GB max, checked first) or a social URL → job → poll until outputReady.
using var subclip = new SubclipClient(new SubclipClientOptions { ApiKey = key });
await using var clip = UploadFile.FromPath("clip.mp4");                // the caller owns (and disposes) an UploadFile
var sourceKey = await subclip.UploadSourceAsync(clip);
var job = await subclip.CreateJobAsync(new CreateJobRequest { SourceObjectKey = sourceKey, Language = LanguageCode.En, Format = TranscriptFormat.Srt });
var done = await subclip.WaitForJobAsync(job.ProjectId);               // done.Output holds the SRT

// TranscriptGenerate: {code, msg, data} envelopes unwrapped; business errors are typed.
using var tg = new TranscriptGenerateClient(new TranscriptGenerateClientOptions { ApiKey = key, ApiSecret = secret });
try
{
    var task = await tg.CreateTaskAsync(new CreateTaskRequest { WorkUrl = "https://v.douyin.com/xxxxxx" });
    var result = await tg.WaitForTaskAsync(task.TaskId);               // 2 s → 5 s, as the docs recommend
}
catch (TranscriptKitException e) when (e.Reason == TranscriptGenerateErrorReasons.ConcurrencyLimit) { /* wait for a slot */ }

// Cliptext: presigned upload + complete in one call, then a transcription to poll.
using var cliptext = new CliptextClient(new CliptextClientOptions { ApiKey = key });
await using var memo = UploadFile.FromPath("talk.mp3");
var upload = await cliptext.UploadFileAsync(memo);

// Soscripted: the blocking call (600 s timeout, from the spec) or its event stream.
using var soscripted = new SoscriptedClient(new SoscriptedClientOptions { ApiKey = key });
await foreach (var e in soscripted.TranscribeStreamAsync(new TranscribeRequest { Url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ" }))
{
    if (e.Progress is { } p) Console.WriteLine($"{p.Stage} {p.Pct}%");
    if (e.Final?.Caption is { } caption) Console.WriteLine(caption.Text);
}
// <readme:hide>
    }
}
// </readme:hide>
// </readme:other-vendors>
