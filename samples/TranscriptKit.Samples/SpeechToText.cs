// <readme:speech-to-text>
using Microsoft.Extensions.AI;
using TranscriptKit;

// <readme:hide>
namespace TranscriptKit.Samples;

/// <summary>The README block "speech-to-text", compiled so it cannot rot.</summary>
internal static class SpeechToTextSample
{
    public static async Task RunAsync(ITranscriber transcriber, Stream stream)
    {
// </readme:hide>
ISpeechToTextClient speech = transcriber.AsSpeechToTextClient();       // vendors that take audio/video bytes
var response = await speech.GetTextAsync(File.OpenRead("memo.mp3"), new SpeechToTextOptions { SpeechLanguage = "en" });
await foreach (var update in speech.GetStreamingTextAsync(stream)) { /* progress updates, then the text */ }
// <readme:hide>
    }
}
// </readme:hide>
// </readme:speech-to-text>
