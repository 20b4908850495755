using System;
using TranscriptKit.Subclip;

namespace TranscriptKit;

/// <summary>The facade over an existing Subclip client.</summary>
public static class SubclipTranscriberExtensions
{
    /// <summary>The transcriber for an existing Subclip client; the caller keeps owning (and disposes) the client.</summary>
    /// <param name="client">The client.</param>
    /// <param name="options">Polling, clock and logging; defaults when <see langword="null"/>.</param>
    /// <returns>The transcriber.</returns>
    public static ITranscriber AsTranscriber(this ISubclipClient client, TranscriberOptions? options = null) =>
        new SubclipTranscriber(client ?? throw new ArgumentNullException(nameof(client)), options);
}
