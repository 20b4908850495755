using TranscriptKit.Sandbox;

// <readme:sandbox>
// <readme:hide>
namespace TranscriptKit.Samples;

/// <summary>The README block "sandbox", compiled so it cannot rot.</summary>
internal static class SandboxSample
{
    public static async Task RunAsync()
    {
// </readme:hide>
await using var sandbox = await VendorSandbox.StartAsync();          // tools/TranscriptKit.Sandbox, 127.0.0.1, ephemeral port
var transcriber = Transcribers.Create("cliptext", new VendorSettings { ApiKey = sandbox.ApiKey, Endpoint = sandbox.GetEndpoint("cliptext") });
sandbox.Faults.For("cliptext").FailNext(1, 429, retryAfter: TimeSpan.FromSeconds(1));
// <readme:hide>
    }
}
// </readme:hide>
// </readme:sandbox>
