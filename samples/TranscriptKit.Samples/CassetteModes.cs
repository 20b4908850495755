using TranscriptKit.CaptionCat;
using TranscriptKit.Testing;

// <readme:testing-modes>
// <readme:hide>
namespace TranscriptKit.Samples;

/// <summary>The README blocks "testing-modes" and "testing-paced", compiled so they cannot rot.</summary>
internal static class CassetteModesSample
{
    public static async Task RunAsync(string? key)
    {
// </readme:hide>
using var cassette = CassetteHandler.Open("fixtures/captioncat/get-balance.json", CassetteMode.RecordIfMissing);
using var http = new HttpClient(cassette);
using var client = new CaptionCatClient(http, new CaptionCatClientOptions { ApiKey = key });

var balance = await client.GetBalanceAsync();
await cassette.SaveAsync();   // writes only when something was recorded
// <readme:hide>
    }
// </readme:hide>
// </readme:testing-modes>

    // <readme:testing-paced>
    // <readme:hide>
    public static async Task PacedAsync(string path, Uri url, TimeProvider clock)
    {
// </readme:hide>
using var cassette = CassetteHandler.Open(path, CassetteMode.Replay, new CassetteOptions { Timing = ReplayTiming.Original, TimeProvider = clock });
using var http = new HttpClient(cassette);
using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
// Each event arrives at its recorded offset on `clock`: in a test, a FakeTimeProvider you advance.
// <readme:hide>
    }
}
// </readme:hide>
// </readme:testing-paced>
