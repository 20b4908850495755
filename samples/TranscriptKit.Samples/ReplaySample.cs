using NUnit.Framework;
using TranscriptKit.CaptionCat;
using TranscriptKit.Testing;

// <readme:testing-replay>
// <readme:hide>
namespace TranscriptKit.Samples;

/// <summary>The README block "testing-replay", compiled so it cannot rot (never run: samples are not a test project).</summary>
public sealed class ReplaySample
{
// </readme:hide>
[Test]
public async Task GetBalance_reads_the_documented_example()
{
    var replayer = new ReplayingHandler(Cassette.Load("fixtures/captioncat/get-balance.json"));
    using var client = new CaptionCatClient(new HttpClient(replayer), new CaptionCatClientOptions { ApiKey = "test-key" });

    var balance = await client.GetBalanceAsync();

    Assert.That(balance.Balance, Is.EqualTo(6012));
    replayer.AssertAllPlayed();
}
// <readme:hide>
}
// </readme:hide>
// </readme:testing-replay>
