using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using TranscriptKit.Generators.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace TranscriptKit.Generators.Parsing;

/// <summary>
/// Checks on the raw YAML before and after YamlDotNet builds its node tree: nesting depth, keys that are not
/// scalars, duplicate keys and unknown x-tk-* keys. Each becomes a located diagnostic.
/// </summary>
internal sealed partial class SpecParser
{
    /// <summary>
    /// Deeper than any real spec (ours reach ~12) yet far below what YamlDotNet's recursive node loader survives
    /// on a compiler thread; the schema limit (<see cref="MaxSchemaDepth"/>) needs about twice its depth.
    /// </summary>
    private const int MaxYamlDepth = 200;

    private sealed class Frame
    {
        public Frame(bool isMapping) => IsMapping = isMapping;

        public bool IsMapping { get; }

        public bool ExpectKey { get; set; } = true;

        public HashSet<string> Keys { get; } = new();
    }

    /// <summary>Walks the event stream (iteratively, so depth costs no stack); false when the document must not be loaded.</summary>
    private bool Prescan(string text)
    {
        var frames = new Stack<Frame>();
        var anchors = new HashSet<string>();
        var events = 0;
        var lastEnd = Mark.Empty;
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                if ((++events & 0xFFF) == 0)
                {
                    ThrowIfCancelled();
                }

                var current = parser.Current!;
                lastEnd = current.End;
                if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
                {
                    anchors.Add(anchored.Anchor.Value);
                }

                var atKey = frames.Count > 0 && frames.Peek() is { IsMapping: true, ExpectKey: true };
                switch (current)
                {
                    case MappingStart or SequenceStart:
                        if (atKey)
                        {
                            ReportAt(Diagnostics.UnsupportedConstruct, current, "a mapping key must be a scalar, not a mapping or a sequence");
                            return false;
                        }

                        if (frames.Count >= MaxYamlDepth)
                        {
                            ReportAt(Diagnostics.TooDeep, current, "The YAML document", MaxYamlDepth.ToString(System.Globalization.CultureInfo.InvariantCulture));
                            return false;
                        }

                        frames.Push(new Frame(current is MappingStart));
                        break;
                    case MappingEnd or SequenceEnd:
                        frames.Pop();
                        Completed(frames);
                        break;
                    case Scalar scalar:
                        if (atKey && !frames.Peek().Keys.Add(scalar.Value))
                        {
                            ReportAt(Diagnostics.MalformedYaml, current, $"the key '{Flatten(Shorten(scalar.Value))}' appears twice in the same mapping");
                            return false;
                        }

                        Completed(frames);
                        break;
                    case AnchorAlias alias:
                        // YamlDotNet's loader reports an undefined anchor without a position.
                        if (!anchors.Contains(alias.Value.Value))
                        {
                            ReportAt(Diagnostics.MalformedYaml, current, $"the anchor '{Flatten(Shorten(alias.Value.Value))}' (*{Flatten(Shorten(alias.Value.Value))}) is not defined before this alias");
                            return false;
                        }

                        if (atKey)
                        {
                            // An alias key can name a whole mapping: YamlDotNet would hash it recursively.
                            ReportAt(Diagnostics.UnsupportedConstruct, current, "a mapping key must be a plain scalar, not an alias");
                            return false;
                        }

                        Completed(frames);
                        break;
                }
            }
        }
        catch (YamlException ex) when (ex.Start.Index == 0 && ex.End.Index == 0 && lastEnd.Index > 0)
        {
            // Some scanner errors (a tab in indentation) come without a position: point at the damage after
            // the last event that parsed — the first tab-indented line if that is the complaint.
            var index = ex.Message.IndexOf("tab", System.StringComparison.OrdinalIgnoreCase) >= 0 ? TabIndentation(text, (int)lastEnd.Index) : (int)lastEnd.Index;
            _diagnostics.Add(new DiagnosticInfo(Diagnostics.MalformedYaml, LocationAt(text, index), new[] { Flatten(ex.Message) }.ToEquatableArray()));
            return false;
        }
        catch (YamlException ex)
        {
            ReportYaml(ex);
            return false;
        }
        catch (System.Exception ex) when (ex is System.InvalidOperationException or System.ArgumentException or System.IndexOutOfRangeException)
        {
            // YamlDotNet's scanner sometimes fails without a YamlException (a NEL after "items:" in a flow
            // mapping gives a bare InvalidOperationException): the damage is just after the last good event.
            _diagnostics.Add(new DiagnosticInfo(Diagnostics.MalformedYaml, LocationAt(text, (int)lastEnd.Index), new[] { "YAML could not be read past this point (" + Flatten(ex.Message) + ")" }.ToEquatableArray()));
            return false;
        }

        return true;
    }

    /// <summary>The index of the first tab in the indentation of a line after <paramref name="from"/>, else <paramref name="from"/>.</summary>
    private static int TabIndentation(string text, int from)
    {
        for (var lineStart = text.IndexOf('\n', from) + 1; lineStart > 0 && lineStart < text.Length; lineStart = text.IndexOf('\n', lineStart) + 1)
        {
            for (var i = lineStart; i < text.Length && text[i] is ' ' or '\t'; i++)
            {
                if (text[i] == '\t')
                {
                    return i;
                }
            }
        }

        return from;
    }

    private SourceLocation LocationAt(string text, int index)
    {
        index = System.Math.Min(index, text.Length);
        int line = 0, lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var length = index < text.Length ? 1 : 0;
        return new SourceLocation(_path, index, length, line, index - lineStart, line, index - lineStart + length);
    }

    private static void Completed(Stack<Frame> frames)
    {
        if (frames.Count > 0 && frames.Peek() is { IsMapping: true } frame)
        {
            frame.ExpectKey = !frame.ExpectKey;
        }
    }

    /// <summary>Walks the loaded tree once (iteratively; aliases can make it a graph): non-scalar keys and unknown x-tk-* keys.</summary>
    private bool CheckTree(YamlNode root)
    {
        var ok = true;
        var seen = new HashSet<YamlNode>(ReferenceComparer.Instance);
        var pending = new Stack<YamlNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (!seen.Add(node))
            {
                continue;
            }

            if ((seen.Count & 0xFFF) == 0)
            {
                ThrowIfCancelled();
            }

            switch (node)
            {
                case YamlMappingNode map:
                    foreach (var entry in map.Children)
                    {
                        if (entry.Key is not YamlScalarNode key)
                        {
                            Report(Diagnostics.UnsupportedConstruct, entry.Key, "a mapping key must be a scalar, not a mapping or a sequence");
                            ok = false;
                            continue;
                        }

                        if (key.Value is { } name && KnownExtensions.IsUnknown(name))
                        {
                            var nearest = KnownExtensions.Nearest(name);
                            Report(Diagnostics.UnknownExtension, key, Flatten(Shorten(name)), nearest is null ? string.Empty : $" (did you mean '{nearest}'?)");
                        }

                        pending.Push(entry.Value);
                    }

                    break;
                case YamlSequenceNode sequence:
                    foreach (var child in sequence.Children)
                    {
                        pending.Push(child);
                    }

                    break;
            }
        }

        return ok;
    }

    private void ReportYaml(YamlException ex)
    {
        // YamlDotNet wraps the cause ("While parsing a block mapping, did not find expected key") around the marks.
        _diagnostics.Add(new DiagnosticInfo(Diagnostics.MalformedYaml, Location(ex.Start, ex.End), new[] { Flatten(ex.Message) }.ToEquatableArray()));
    }

    private void ReportAt(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, ParsingEvent at, params string[] arguments) =>
        _diagnostics.Add(new DiagnosticInfo(descriptor, Location(at.Start, at.End), arguments.ToEquatableArray()));

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";

    private sealed class ReferenceComparer : IEqualityComparer<YamlNode>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(YamlNode obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
