// <readme:one-interface>
using TranscriptKit;

// <readme:hide>
namespace TranscriptKit.Samples;

/// <summary>The README block "one-interface", compiled so it cannot rot.</summary>
internal static class OneInterfaceSample
{
    public static async Task RunAsync(string key, CancellationToken ct)
    {
// </readme:hide>
ITranscriber transcriber = Transcribers.Create("subclip", new VendorSettings { ApiKey = key });

var request = TranscriptionRequest.FromFile("talk.mp4") with { Language = "en", Timestamps = TimestampGranularity.Segment };
var progress = new Progress<TranscriptionProgress>(p => Console.WriteLine(p.Percent is { } pct ? $"{p.Stage} {pct:0}%" : $"{p.Stage}"));
Transcript transcript = await transcriber.TranscribeAsync(request, progress, ct);
File.WriteAllText("talk.srt", transcript.ToSrt());        // or ToWebVtt(), Text, Segments (with Words where given)
// <readme:hide>
    }
}
// </readme:hide>
// </readme:one-interface>
