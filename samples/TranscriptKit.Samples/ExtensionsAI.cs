// <readme:extensions-ai>
using Microsoft.Extensions.AI;
using TranscriptKit;

// <readme:hide>
namespace TranscriptKit.Samples;

/// <summary>The TranscriptKit.Extensions.AI README block, compiled so it cannot rot.</summary>
internal static class ExtensionsAISample
{
    public static async Task RunAsync(string apiKey)
    {
// </readme:hide>
// Any ITranscriber: one vendor package's (no facade needed), Transcribers.Create(...), a TranscriptionRouter.
ITranscriber transcriber = SubclipTranscriber.Registration.Create(new VendorSettings { ApiKey = apiKey });
ISpeechToTextClient speech = transcriber.AsSpeechToTextClient();

await using var audio = File.OpenRead("memo.mp3");
SpeechToTextResponse response = await speech.GetTextAsync(audio, new SpeechToTextOptions { SpeechLanguage = "en" });
Console.WriteLine(response.Text);
// <readme:hide>
    }
}
// </readme:hide>
// </readme:extensions-ai>
