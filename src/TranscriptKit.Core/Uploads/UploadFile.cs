using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace TranscriptKit;

/// <summary>
/// A file to upload, streamed from disk or from any <see cref="Stream"/>: the SDK never holds the whole file in
/// memory. A seekable stream gives the request a known length and lets a refused attempt (429) be sent again.
/// </summary>
/// <remarks>
/// Whoever creates an <see cref="UploadFile"/> owns it and disposes it (<c>await using</c>): the upload methods only
/// read it and never dispose it, because a refused attempt is sent again from the same stream and a caller may reuse it.
/// </remarks>
public sealed class UploadFile : IDisposable, IAsyncDisposable
{
    private static readonly Dictionary<string, string> s_contentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".mp4"] = "video/mp4",
        [".m4v"] = "video/x-m4v",
        [".mkv"] = "video/x-matroska",
        [".avi"] = "video/x-msvideo",
        [".mov"] = "video/quicktime",
        [".qt"] = "video/quicktime",
        [".wmv"] = "video/x-ms-wmv",
        [".flv"] = "video/x-flv",
        [".webm"] = "video/webm",
        [".mpeg"] = "video/mpeg",
        [".mpg"] = "video/mpeg",
        [".mp3"] = "audio/mpeg",
        [".m4a"] = "audio/mp4",
        [".wav"] = "audio/wav",
        [".ogg"] = "audio/ogg",
        [".flac"] = "audio/flac",
    };

    private readonly bool _ownsStream;
    private readonly long _startPosition;

    private UploadFile(Stream content, string fileName, string? contentType, bool ownsStream)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (!content.CanRead)
        {
            throw new ArgumentException("The upload stream cannot be read.", nameof(content));
        }

        Content = content;
        FileName = Path.GetFileName(fileName);
        ContentType = contentType ?? GuessContentType(fileName);
        _ownsStream = ownsStream;
        _startPosition = content.CanSeek ? content.Position : 0;
    }

    /// <summary>The bytes to send.</summary>
    public Stream Content { get; }

    /// <summary>The file name sent to the vendor (no directories).</summary>
    public string FileName { get; }

    /// <summary>The media type sent to the vendor; guessed from the extension when not given.</summary>
    public string ContentType { get; }

    /// <summary>The number of bytes to send when the stream knows it, else <see langword="null"/> (sent chunked).</summary>
    public long? Length => Content.CanSeek ? Content.Length - _startPosition : null;

    /// <summary>Whether the bytes can be sent a second time.</summary>
    public bool CanReplay => Content.CanSeek;

    /// <summary>Opens a file for a streaming upload; the <see cref="UploadFile"/> owns and closes it.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="contentType">The media type; guessed from the extension when <see langword="null"/>.</param>
    public static UploadFile FromPath(string path, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The file to upload does not exist: {path}", path);
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return new UploadFile(stream, path, contentType, ownsStream: true);
    }

    /// <summary>Wraps a stream; the caller keeps ownership unless <paramref name="leaveOpen"/> is false.</summary>
    /// <param name="content">The bytes, read from the current position.</param>
    /// <param name="fileName">The file name to send.</param>
    /// <param name="contentType">The media type; guessed from <paramref name="fileName"/> when <see langword="null"/>.</param>
    /// <param name="leaveOpen">Whether disposing the <see cref="UploadFile"/> leaves <paramref name="content"/> open.</param>
    public static UploadFile FromStream(Stream content, string fileName, string? contentType = null, bool leaveOpen = true) =>
        new(content, fileName, contentType, ownsStream: !leaveOpen);

    /// <summary>Moves a seekable stream back to where the upload started, before another attempt.</summary>
    internal void Rewind()
    {
        if (Content.CanSeek)
        {
            Content.Position = _startPosition;
        }
    }

    /// <summary>Guesses a media type from a file name's extension (<c>application/octet-stream</c> when unknown).</summary>
    /// <param name="fileName">A file name or path.</param>
    public static string GuessContentType(string fileName) =>
        s_contentTypes.TryGetValue(Path.GetExtension(fileName), out var type) ? type : "application/octet-stream";

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsStream)
        {
            Content.Dispose();
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _ownsStream ? Content.DisposeAsync() : ValueTask.CompletedTask;
}
