using System;
using System.Text;

namespace TranscriptKit.Generators.Emitting;

/// <summary>A small indent-aware writer, so emitters read as the code they write.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length == 0)
        {
            _builder.Append('\n');
            return this;
        }

        _builder.Append(' ', _indent * 4).Append(text).Append('\n');
        return this;
    }

    public SourceWriter Open(string text)
    {
        if (text.Length > 0)
        {
            Line(text);
        }

        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>Writes an XML doc element holding spec text, escaped by <see cref="CSharpText.XmlDoc"/>, one line per source line.</summary>
    public SourceWriter Doc(string element, string? text, string? attributes = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return this;
        }

        var open = attributes is null ? $"<{element}>" : $"<{element} {attributes}>";
        var lines = CSharpText.XmlDoc(text!.Trim()).Split('\n');
        if (lines.Length == 1)
        {
            return Line($"/// {open}{lines[0]}</{element}>");
        }

        Line($"/// {open}");
        foreach (var line in lines)
        {
            Line("/// " + line);
        }

        return Line($"/// </{element}>");
    }

    /// <summary>
    /// XML doc lines whose spec parts were escaped by <see cref="CSharpText.XmlDoc"/>: each <c>\n</c> it left
    /// continues on a new <c>///</c> line, so no spec text ever leaves the comment.
    /// </summary>
    public SourceWriter DocRaw(string xml)
    {
        foreach (var line in xml.Split('\n'))
        {
            Line("/// " + line);
        }

        return this;
    }

    public override string ToString() => _builder.ToString();
}
