using Microsoft.Extensions.DependencyInjection;

// <readme:routing>
// <readme:hide>
namespace TranscriptKit.Samples;

/// <summary>The README block "routing", compiled so it cannot rot.</summary>
internal static class RoutingSample
{
    public static async Task RunAsync(VendorSettings subclip, VendorSettings captionCat, IServiceProvider services)
    {
// </readme:hide>
var router = new TranscriptionRouter([Transcribers.Create("subclip", subclip), Transcribers.Create("captioncat", captionCat)]);
RoutedTranscript routed = await router.TranscribeRoutedAsync(TranscriptionRequest.FromFile("talk.mp4"));
// routed.Transcript.Vendor == "captioncat"; routed.Attempts[0] == subclip: Skipped (does not take files)

// DI: TranscriptKit:Routing is the order (each id validated at start-up); empty means every configured vendor.
//   "TranscriptKit": { "Routing": [ "cliptext", "captioncat" ], "Vendors": { ... } }
var fromContainer = services.GetRequiredService<TranscriptionRouter>();
var inCode = services.GetRequiredService<ITranscriberFactory>().CreateRouter(["cliptext", "captioncat"]);
// <readme:hide>
    }
}
// </readme:hide>
// </readme:routing>
