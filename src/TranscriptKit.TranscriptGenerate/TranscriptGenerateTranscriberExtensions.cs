using System;
using TranscriptKit.TranscriptGenerate;

namespace TranscriptKit;

/// <summary>The facade over an existing TranscriptGenerate client.</summary>
public static class TranscriptGenerateTranscriberExtensions
{
    /// <summary>The transcriber for an existing TranscriptGenerate client; the caller keeps owning (and disposes) the client.</summary>
    /// <param name="client">The client.</param>
    /// <param name="options">Polling, clock and logging; defaults when <see langword="null"/>.</param>
    /// <returns>The transcriber.</returns>
    public static ITranscriber AsTranscriber(this ITranscriptGenerateClient client, TranscriberOptions? options = null) =>
        new TranscriptGenerateTranscriber(client ?? throw new ArgumentNullException(nameof(client)), options);
}
