// <readme:extensions-dependency-injection>
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TranscriptKit;

// <readme:hide>
namespace TranscriptKit.Samples;

/// <summary>The TranscriptKit.Extensions.DependencyInjection README block, compiled so it cannot rot.</summary>
internal static class ExtensionsDependencyInjectionSample
{
    public static async Task RunAsync(string[] args, TranscriptionVendor myVendor)
    {
// </readme:hide>
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddTranscriptKit(builder.Configuration)   // the built-in vendors; options from TranscriptKit:Vendors:<id>
    .AddVendor(myVendor);                                    // your own, e.g. AcmeTranscriber.Registration
using var host = builder.Build();                            // validation fails here on a bad or unknown key

ITranscriber subclip = host.Services.GetRequiredKeyedService<ITranscriber>("subclip");
ITranscriber chosen = host.Services.GetRequiredService<ITranscriberFactory>().Create("captioncat");
TranscriptionRouter router = host.Services.GetRequiredService<TranscriptionRouter>();   // TranscriptKit:Routing
Transcript transcript = await router.TranscribeAsync(TranscriptionRequest.FromFile("talk.mp4"));
// <readme:hide>
    }
}
// </readme:hide>
// </readme:extensions-dependency-injection>
