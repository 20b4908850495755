using System;
using System.IO;

namespace TranscriptKit;

/// <summary>
/// What to transcribe (a local file, a stream or a URL) and what the caller wants back. Create one with
/// <see cref="FromFile(string)"/>, <see cref="FromStream"/> or <see cref="FromUrl(Uri)"/>.
/// </summary>
public sealed record TranscriptionRequest
{
    private TranscriptionRequest(TranscriptionSourceKind kind, string? filePath, Stream? content, string? fileName, Uri? url)
    {
        Kind = kind;
        FilePath = filePath;
        Content = content;
        FileName = fileName;
        Url = url;
    }

    /// <summary>Whether this is a file, a stream or a URL.</summary>
    public TranscriptionSourceKind Kind { get; }

    /// <summary>The full path of the local file, for <see cref="TranscriptionSourceKind.File"/>.</summary>
    public string? FilePath { get; }

    /// <summary>The caller's stream, for <see cref="TranscriptionSourceKind.Stream"/>. The caller keeps ownership; a seekable stream can be re-sent after a transient failure.</summary>
    public Stream? Content { get; }

    /// <summary>The file name sent to the vendor, for files and streams.</summary>
    public string? FileName { get; }

    /// <summary>The media URL, for <see cref="TranscriptionSourceKind.Url"/>.</summary>
    public Uri? Url { get; }

    /// <summary>The spoken language as an ISO 639-1 code (<c>en</c>, <c>fr</c>), for vendors that take one; <see langword="null"/> lets the vendor detect it.</summary>
    public string? Language { get; init; }

    /// <summary>The timings the caller needs; a vendor that cannot give them is refused before any call.</summary>
    public TimestampGranularity Timestamps { get; init; } = TimestampGranularity.None;

    /// <summary>Transcribes a local file; it is streamed, never read into memory.</summary>
    /// <param name="path">The file's path.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ArgumentException">The path is a folder, a named pipe, a socket or a device, or the file is empty (0 bytes): nothing is uploaded or paid for.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public static TranscriptionRequest FromFile(string path) => FromFile(path, LocalMediaFile.OpenForRead);

    internal static TranscriptionRequest FromFile(string path, LocalMediaFile.Opener open)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        LocalMediaFile.Check(fullPath, path, open);
        return new TranscriptionRequest(TranscriptionSourceKind.File, fullPath, null, Path.GetFileName(fullPath), null);
    }

    /// <summary>Transcribes the contents of <paramref name="stream"/>, read from its current position. The caller keeps ownership of the stream.</summary>
    /// <param name="stream">The media bytes.</param>
    /// <param name="fileName">The file name to send, with an extension the vendor recognises (for example <c>talk.mp4</c>).</param>
    public static TranscriptionRequest FromStream(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream must be readable.", nameof(stream));
        }

        return new TranscriptionRequest(TranscriptionSourceKind.Stream, null, stream, Path.GetFileName(fileName), null);
    }

    /// <summary>Transcribes media the vendor downloads itself (a social post or a public media URL).</summary>
    /// <param name="url">An absolute http or https URL.</param>
    public static TranscriptionRequest FromUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{url}' is not an absolute http(s) URL.", nameof(url));
        }

        return new TranscriptionRequest(TranscriptionSourceKind.Url, null, null, null, url);
    }

    /// <summary>Transcribes media the vendor downloads itself; see <see cref="FromUrl(Uri)"/>.</summary>
    /// <param name="url">An absolute http or https URL.</param>
    public static TranscriptionRequest FromUrl(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? FromUrl(uri)
            : throw new ArgumentException($"'{url}' is not an absolute http(s) URL.", nameof(url));
    }

    /// <summary>The source for logs and messages: the file name, or the URL without its query (signed URLs carry secrets there).</summary>
    public string Describe() => Kind switch
    {
        TranscriptionSourceKind.Url => Url!.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped),
        _ => FileName!,
    };

    /// <summary>Opens the file or wraps the stream for an upload.</summary>
    internal UploadFile OpenUpload() => Kind switch
    {
        TranscriptionSourceKind.File => UploadFile.FromPath(FilePath!),
        TranscriptionSourceKind.Stream => UploadFile.FromStream(Content!, FileName!, leaveOpen: true),
        _ => throw new InvalidOperationException("A URL request has no bytes to upload."),
    };

    /// <summary>Never shows a URL's query.</summary>
    public override string ToString() => $"TranscriptionRequest {{ {Kind} = {Describe()}, Language = {Language ?? "auto"}, Timestamps = {Timestamps} }}";
}
