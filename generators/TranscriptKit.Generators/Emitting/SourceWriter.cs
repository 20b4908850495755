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

    /// <summary>Writes an XML doc element, one line per source line, escaped.</summary>
    public SourceWriter Doc(string element, string? text, string? attributes = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return this;
        }

        var open = attributes is null ? $"<{element}>" : $"<{element} {attributes}>";
        var lines = Escape(text!.Trim()).Split(new[] { "\r\n", "\n" }, StringSplitOptions.None);
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

    /// <summary>A raw XML doc line (already escaped).</summary>
    public SourceWriter DocRaw(string xml) => Line("/// " + xml);

    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public override string ToString() => _builder.ToString();
}
