// <readme:usage>
// <readme:hide>
namespace TranscriptKit.Samples;

/// <summary>The README block "usage", compiled so it cannot rot.</summary>
internal static class UsageSample
{
    public static async Task RunAsync(ITranscriber transcriber, CancellationToken ct)
    {
// </readme:hide>
var request = TranscriptionRequest.FromFile("talk.mp4") with { Language = "en" };
TranscriptionEstimate estimate = await transcriber.EstimateAsync(request, ct);    // reads the file's headers; sends nothing
Console.WriteLine(estimate.Explanation);  // Subclip: About 3 credits (1 credits per started minute, rounding inferred; 2:06 of media).
if (estimate.Charge is null or > 10) return;                                      // unknown (a URL's length, no documented price) or too dear

Transcript transcript = await transcriber.TranscribeAsync(request, progress: null, ct);
TranscriptUsage usage = transcript.Usage;  // { MediaDuration = 00:02:06, Charge = 3, Unit = "credits", Basis = Reported }
// <readme:hide>
        _ = usage;
    }
}
// </readme:hide>
// </readme:usage>
