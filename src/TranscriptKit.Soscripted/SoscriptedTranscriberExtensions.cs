using System;
using TranscriptKit.Soscripted;

namespace TranscriptKit;

/// <summary>The facade over an existing Soscripted client.</summary>
public static class SoscriptedTranscriberExtensions
{
    /// <summary>The transcriber for an existing Soscripted client; the caller keeps owning (and disposes) the client.</summary>
    /// <param name="client">The client.</param>
    /// <param name="options">Polling, clock and logging; defaults when <see langword="null"/>.</param>
    /// <returns>The transcriber.</returns>
    public static ITranscriber AsTranscriber(this ISoscriptedClient client, TranscriberOptions? options = null) =>
        new SoscriptedTranscriber(client ?? throw new ArgumentNullException(nameof(client)), options);
}
