using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Net.Http;

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
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in _fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, file) in _files)
        {
            file.Rewind();
            content.Add(new ProgressStreamContent(file, _progress), name, file.FileName);
        }

        return content;
    }
}
