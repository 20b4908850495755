using TranscriptKit.Sandbox;

// <readme:sandbox-options>
// <readme:hide>
namespace TranscriptKit.Samples;

/// <summary>The README block "sandbox-options", compiled so it cannot rot.</summary>
internal static class SandboxOptionsSample
{
    public static async Task RunAsync()
    {
// </readme:hide>
var options = new SandboxOptions { PendingPolls = 0 };
options.InitialCredits["subclip"] = 1;             // opening balance (Caption Cat, Subclip, Soscripted)
options.ConcurrencyLimits["transcriptgenerate"] = 3; // unfinished tasks at once
options.QuotaSeconds["transcriptgenerate"] = -1;     // unlimited
// <readme:hide>
    }
}
// </readme:hide>
// </readme:sandbox-options>
