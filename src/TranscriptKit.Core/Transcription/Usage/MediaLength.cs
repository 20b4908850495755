using System;
using System.IO;

namespace TranscriptKit;

/// <summary>A request's media length, read locally before anything is sent.</summary>
internal static class MediaLength
{
    /// <summary>The file's or seekable stream's length from its headers; <see langword="null"/> for URLs and for what cannot be read.</summary>
    public static TimeSpan? Of(TranscriptionRequest request)
    {
        try
        {
            return request.Kind switch
            {
                TranscriptionSourceKind.File => MediaDuration.TryRead(request.FilePath!),
                TranscriptionSourceKind.Stream => MediaDuration.TryRead(request.Content!),
                _ => null,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // The length only informs usage and estimates; the upload reports a file it cannot read on its own terms.
            return null;
        }
    }
}
