using TranscriptKit.Sandbox;

// <readme:sandbox-requests>
// <readme:hide>
namespace TranscriptKit.Samples;

/// <summary>The README block "sandbox-requests", compiled so it cannot rot.</summary>
internal static class SandboxRequestsSample
{
    public static async Task RunAsync(VendorSandbox sandbox)
    {
// </readme:hide>
var submissions = sandbox.Requests.Count(r => r.Vendor == "subclip" && r.Operation == "createJob");
// <readme:hide>
    }
}
// </readme:hide>
// </readme:sandbox-requests>
