// <readme:vendor-clients>
using TranscriptKit;
using TranscriptKit.CaptionCat;

// <readme:hide>
namespace TranscriptKit.Samples;

/// <summary>The README block "vendor-clients", compiled so it cannot rot.</summary>
internal static class VendorClientsSample
{
    public static async Task RunAsync(CancellationToken ct)
    {
// </readme:hide>
using var client = new CaptionCatClient(new CaptionCatClientOptions
{
    ApiKey = Environment.GetEnvironmentVariable("CAPTIONCAT_API_KEY"),
});

await using var video = UploadFile.FromPath("talk.mp4");                   // streamed, never buffered
var upload = await client.UploadVideoAsync(video, new Progress<UploadProgress>(p => Console.Write(p.Percent is { } pct ? $"\r{pct:0}%" : $"\r{p.BytesSent} bytes")));
await client.StartTranscriptionAsync(upload.Id);                          // a paid job: never re-sent after a 5xx

var operation = client.GetTranscriptionOperation(upload.Id);              // save operation.Token.ToString() to resume after a restart
await operation.WaitForCompletionAsync(ct);                               // polls 5 s → ×1.5 → 30 s cap, 60 min timeout
// Later, in any process: client.GetTranscriptionOperation(JobToken.Parse(saved)); WaitForTranscriptionAsync works too.
var srt = await client.GetSrtAsync(upload.Id, ct);
Console.WriteLine(srt.Srt);
// <readme:hide>
    }
}
// </readme:hide>
// </readme:vendor-clients>
