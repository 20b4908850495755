using Microsoft.Extensions.AI;

namespace TranscriptKit;

/// <summary>Adapts transcribers to Microsoft.Extensions.AI.</summary>
public static class SpeechToTextClientExtensions
{
    /// <summary>The <see cref="UsageDetails.AdditionalCounts"/> key for the media's length in milliseconds (<see cref="TranscriptUsage.MediaDuration"/>).</summary>
    public const string MediaMillisecondsCount = "transcriptkit.media.milliseconds";

    /// <summary>
    /// The <see cref="UsageDetails.AdditionalCounts"/> key prefix for the vendor's charge, followed by its unit
    /// (<c>transcriptkit.charge.credits</c>). Counts are whole numbers, so a fractional charge (TranscriptGenerate's
    /// 60.5 quota seconds) is left out there; <see cref="Transcript.Usage"/> on the response's <c>RawRepresentation</c> has it exactly.
    /// </summary>
    public const string ChargeCountPrefix = "transcriptkit.charge.";

    /// <summary>
    /// The transcriber as an <see cref="ISpeechToTextClient"/>: <c>GetTextAsync</c> returns the transcript's text (the
    /// <see cref="Transcript"/> is the response's <c>RawRepresentation</c>); <c>GetStreamingTextAsync</c> yields
    /// progress updates (<c>TextUpdating</c>, with <c>stage</c>/<c>percent</c>/<c>vendorState</c> properties), then the text
    /// (<c>TextUpdated</c>, carrying a <see cref="UsageContent"/> when usage is known). <see cref="SpeechToTextResponse.Usage"/>
    /// holds what <see cref="Transcript.Usage"/> knows: no tokens (vendors bill media, not tokens), the media's length
    /// under <see cref="MediaMillisecondsCount"/> and a whole-number charge under <see cref="ChargeCountPrefix"/> + unit.
    /// <see cref="SpeechToTextOptions.SpeechLanguage"/> becomes the request's language; set the
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
