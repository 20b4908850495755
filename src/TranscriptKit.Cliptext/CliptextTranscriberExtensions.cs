using System;
using TranscriptKit.Cliptext;

namespace TranscriptKit;

/// <summary>The facade over an existing Cliptext client.</summary>
public static class CliptextTranscriberExtensions
{
    /// <summary>The transcriber for an existing Cliptext client; the caller keeps owning (and disposes) the client.</summary>
    /// <param name="client">The client.</param>
    /// <param name="options">Polling, clock and logging; defaults when <see langword="null"/>.</param>
    /// <returns>The transcriber.</returns>
    public static ITranscriber AsTranscriber(this ICliptextClient client, TranscriberOptions? options = null) =>
        new CliptextTranscriber(client ?? throw new ArgumentNullException(nameof(client)), options);
}
