using TranscriptKit.Sandbox;
using TranscriptKit.CaptionCat;

// <readme:sandbox-pending>
// <readme:hide>
namespace TranscriptKit.Samples;

/// <summary>The README block "sandbox-pending", compiled so it cannot rot.</summary>
internal static class SandboxPendingSample
{
    public static async Task RunAsync()
    {
// </readme:hide>
await using var sandbox = await VendorSandbox.StartAsync(new SandboxOptions { PendingPolls = 2 });
var client = new CaptionCatClient(new CaptionCatClientOptions { ApiKey = sandbox.ApiKey, Endpoint = sandbox.GetEndpoint("captioncat") });
// <readme:hide>
    }
}
// </readme:hide>
// </readme:sandbox-pending>
