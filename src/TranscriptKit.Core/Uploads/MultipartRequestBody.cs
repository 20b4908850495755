using System;
using System.Collections.Generic;
using System.Globalization;
using System.ComponentModel;
using System.Linq;
using System.Net.Http;
using System.Text;

namespace TranscriptKit.Runtime;

/// <summary>A <c>multipart/form-data</c> body whose file parts stream (no whole-file buffer).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MultipartRequestBody : RequestBody
{
    private readonly List<(string Name, string Value)> _fields = [];
    private readonly List<(string Name, UploadFile File)> _files = [];
    private readonly IProgress<UploadProgress>? _progress;

    /// <summary>Creates an empty body.</summary>
    /// <param name="progress">Receives bytes sent for the file parts.</param>
    public MultipartRequestBody(IProgress<UploadProgress>? progress) => _progress = progress;

    /// <summary>Adds a text field; a null value is left out.</summary>
    public MultipartRequestBody AddField(string name, string? value)
    {
        if (value is not null)
        {
            _fields.Add((name, value));
        }

        return this;
    }

    /// <summary>Adds a file part.</summary>
    public MultipartRequestBody AddFile(string name, UploadFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        _files.Add((name, file));
        return this;
    }

    /// <inheritdoc />
    public override bool IsReplayable => _files.All(f => f.File.CanReplay);

    /// <inheritdoc />
    public override bool IsStreaming => _files.Count > 0;

    /// <inheritdoc />
    public override HttpContent CreateContent()
    {
        // Part headers are ASCII by construction (see FormDataDisposition); UTF-8 keeps a stray one intact rather than '?'.
        var content = new MultipartFormDataContent { HeaderEncodingSelector = (_, _) => Encoding.UTF8 };
        foreach (var (name, value) in _fields)
        {
            var part = new StringContent(value);
            part.Headers.TryAddWithoutValidation("Content-Disposition", FormDataDisposition(name, fileName: null));
            content.Add(part);
        }

        foreach (var (name, file) in _files)
        {
            file.Rewind();
            var part = new ProgressStreamContent(file, _progress);
            part.Headers.TryAddWithoutValidation("Content-Disposition", FormDataDisposition(name, file.FileName));
            content.Add(part);
        }

        return content;
    }

    /// <summary>
    /// The part's <c>Content-Disposition</c> as RFC 7578 and curl write it: <c>form-data; name="video"; filename="clip.mp4"</c>.
    /// .NET's own (<c>name=video; filename=clip.mp4; filename*=utf-8''clip.mp4</c>, unquoted) crashes strict parsers
    /// such as Prism's, so <c>filename*</c> (RFC 5987) is added only when the name is not ASCII, after an ASCII fallback.
    /// </summary>
    /// <param name="name">The form field's name.</param>
    /// <param name="fileName">The file part's name, or null for a text field.</param>
    internal static string FormDataDisposition(string name, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(name);
        var header = new StringBuilder("form-data; name=").Append(Quoted(name));
        if (fileName is null)
        {
            return header.ToString();
        }

        header.Append("; filename=").Append(Quoted(fileName));
        if (!Ascii.IsValid(fileName))
        {
            header.Append("; filename*=utf-8''").Append(ExtendedValue(fileName));
        }

        return header.ToString();
    }

    /// <summary>
    /// A quoted-string parameter value. Escaped as browsers do (WHATWG: <c>"</c> → %22, CR → %0D, LF → %0A), plus
    /// <c>\</c> → %5C, because a strict parser reads a backslash as a quoted-pair and a trailing one would open the quote;
    /// a non-ASCII character becomes <c>_</c> (the real name then travels in <c>filename*</c>).
    /// </summary>
    private static string Quoted(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            _ = rune.Value switch
            {
                '"' => quoted.Append("%22"),
                '\\' => quoted.Append("%5C"),
                '\r' => quoted.Append("%0D"),
                '\n' => quoted.Append("%0A"),
                < 0x20 or 0x7F => quoted.Append('_'),
                < 0x80 => quoted.Append((char)rune.Value),
                _ => quoted.Append('_'),
            };
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>RFC 5987 <c>value-chars</c>: UTF-8 bytes, percent-encoded except <c>attr-char</c>.</summary>
    private static string ExtendedValue(string value)
    {
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "!#$&+-.^_`|~".Contains(c, StringComparison.Ordinal))
            {
                encoded.Append(c);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
