using Microsoft.Extensions.AI;

namespace TranscriptKit;

/// <summary>Adapts transcribers to Microsoft.Extensions.AI.</summary>
public static class SpeechToTextClientExtensions
{
    /// <summary>
    /// The transcriber as an <see cref="ISpeechToTextClient"/>: <c>GetTextAsync</c> returns the transcript's text (the
    /// <see cref="Transcript"/> is the response's <c>RawRepresentation</c>); <c>GetStreamingTextAsync</c> yields
    /// progress updates (<c>TextUpdating</c>, with <c>stage</c>/<c>percent</c>/<c>vendorState</c> properties), then the text
    /// (<c>TextUpdated</c>). <see cref="SpeechToTextOptions.SpeechLanguage"/> becomes the request's language; set the
    /// <c>fileName</c> additional property to name the upload (some vendors check its extension).
    /// </summary>
    /// <param name="transcriber">A vendor that takes audio or video bytes (<see cref="TranscriberCapabilities.AcceptsFiles"/>).</param>
    /// <exception cref="TranscriptionNotSupportedException">The vendor takes URLs only.</exception>
    public static ISpeechToTextClient AsSpeechToTextClient(this ITranscriber transcriber)
    {
        System.ArgumentNullException.ThrowIfNull(transcriber);
        return new TranscriberSpeechToTextClient(transcriber);
    }
}
