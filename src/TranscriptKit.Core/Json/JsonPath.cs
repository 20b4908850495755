using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TranscriptKit.Runtime;

/// <summary>
/// Names the field a body mismatch happened at (<c>$.data.duration</c>, <c>$.segments[3].start</c>): the generated
/// readers know their type but not where they are, so the path is recovered by re-scanning the bytes up to the
/// failing token. Only runs when a read already failed, so the second pass costs nothing on the happy path.
/// </summary>
internal static class JsonPath
{
    private const int MaxDepth = 256;

    /// <summary>The path of the token starting at <paramref name="offset"/> (or of the last token before it).</summary>
    public static string At(ReadOnlySpan<byte> utf8Json, long offset)
    {
        var frames = new List<(bool Array, int Index, string? Name)>();
        var options = JsonPrimitives.ReaderOptions with { MaxDepth = MaxDepth };
        var reader = new Utf8JsonReader(utf8Json, options);
        var closing = false;
        try
        {
            while (reader.Read())
            {
                var last = reader.TokenStartIndex >= offset;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[^1] = frames[^1] with { Name = reader.GetString() };
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        NextItem(frames);
                        if (!last)
                        {
                            frames.Add((reader.TokenType == JsonTokenType.StartArray, -1, null));
                        }

                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        if (last)
                        {
                            // A check at the end of an object (a required field missing) belongs to the object itself.
                            closing = true;
                        }
                        else
                        {
                            frames.RemoveAt(frames.Count - 1);
                        }

                        break;
                    default:
                        NextItem(frames);
                        break;
                }

                if (last)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            // The bytes break off or go wrong here: the path so far is where it happened.
        }

        return Render(frames, closing ? frames.Count - 1 : frames.Count);
    }

    /// <summary>The byte offset of a line and byte position as <see cref="JsonException"/> reports them (both from 0).</summary>
    public static long Offset(ReadOnlySpan<byte> utf8Json, long line, long bytePositionInLine)
    {
        var offset = 0;
        for (var i = 0L; i < line; i++)
        {
            var next = utf8Json[offset..].IndexOf((byte)'\n');
            if (next < 0)
            {
                return utf8Json.Length;
            }

            offset += next + 1;
        }

        return Math.Min(offset + bytePositionInLine, utf8Json.Length);
    }

    /// <summary>Joins a prefix such as <c>$.data</c> with a path relative to it (<c>$.duration</c>).</summary>
    public static string Under(string prefix, string? relative) =>
        string.IsNullOrEmpty(relative) || relative == "$" ? prefix : prefix + relative[1..];

    private static void NextItem(List<(bool Array, int Index, string? Name)> frames)
    {
        if (frames.Count > 0 && frames[^1].Array)
        {
            frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
        }
    }

    private static string Render(List<(bool Array, int Index, string? Name)> frames, int count)
    {
        var builder = new StringBuilder("$");
        for (var i = 0; i < count && i < frames.Count; i++)
        {
            var (array, index, name) = frames[i];
            if (array)
            {
                if (index >= 0)
                {
                    builder.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
                }
            }
            else if (name is not null)
            {
                if (IsPlain(name))
                {
                    builder.Append('.').Append(name);
                }
                else
                {
                    var shown = name.Length > 64 ? name[..64] + "…" : name;
                    builder.Append("['").Append(shown.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
                }
            }
        }

        return builder.ToString();
    }

    private static bool IsPlain(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
