using System;
using TranscriptKit.CaptionCat;

namespace TranscriptKit;

/// <summary>The facade over an existing Caption Cat client.</summary>
public static class CaptionCatTranscriberExtensions
{
    /// <summary>The transcriber for an existing Caption Cat client; the caller keeps owning (and disposes) the client.</summary>
    /// <param name="client">The client.</param>
    /// <param name="options">Polling, clock and logging; defaults when <see langword="null"/>.</param>
    /// <returns>The transcriber.</returns>
    public static ITranscriber AsTranscriber(this ICaptionCatClient client, TranscriberOptions? options = null) =>
        new CaptionCatTranscriber(client ?? throw new ArgumentNullException(nameof(client)), options);
}
