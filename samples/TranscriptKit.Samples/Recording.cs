using TranscriptKit.CaptionCat;
using TranscriptKit.Testing;

// <readme:testing-record>
// <readme:hide>
namespace TranscriptKit.Samples;

/// <summary>The README block "testing-record", compiled so it cannot rot.</summary>
internal static class RecordingSample
{
    public static async Task RunAsync()
    {
// </readme:hide>
using var recorder = new RecordingHandler(new SocketsHttpHandler(), "captioncat", "get-balance");
recorder.Cassette.Description = "GET /balance on a fresh account";
recorder.Cassette.Source = "recorded 2026-03-01 against api.captioncat.net";

using var http = new HttpClient(recorder) { Timeout = Timeout.InfiniteTimeSpan };
using var client = new CaptionCatClient(http, new CaptionCatClientOptions
{
    ApiKey = Environment.GetEnvironmentVariable("CAPTIONCAT_API_KEY"),
});

var balance = await client.GetBalanceAsync();
await recorder.SaveAsync("fixtures/captioncat/get-balance.json");
// <readme:hide>
    }
}
// </readme:hide>
// </readme:testing-record>
