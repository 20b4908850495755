using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace TranscriptKit.Core.Tests.Uploads;

/// <summary>
/// An offline stand-in for a validating proxy's multipart parser: checks a <c>multipart/form-data</c> body against
/// RFC 7578 (over RFC 2046's body grammar and RFC 6266/5987's Content-Disposition), in the strict profile that
/// Prism and curl agree on — <c>name</c> and <c>filename</c> are quoted-strings.
/// </summary>
internal static class FormDataGrammar
{
    /// <summary>One part as a strict parser reads it.</summary>
    public sealed record Part(string Disposition, string Name, string? FileName, string? FileNameStar, IReadOnlyDictionary<string, string> Headers, byte[] Body);

    /// <summary>Parses <paramref name="body"/>; every grammar violation is added to <paramref name="errors"/>.</summary>
    public static IReadOnlyList<Part> Parse(byte[] body, string contentType, List<string> errors)
    {
        var boundary = BoundaryOf(contentType, errors);
        var parts = new List<Part>();
        if (boundary is null)
        {
            return parts;
        }

        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var text = body;
        var at = IndexOf(text, delimiter, 0);
        if (at != 0)
        {
            errors.Add("the body must start with the dash-boundary (no preamble is written)");
            return parts;
        }

        var position = delimiter.Length;
        while (true)
        {
            if (Matches(text, position, "--"))
            {
                if (position + 2 != text.Length && !(position + 4 == text.Length && Matches(text, position + 2, "\r\n")))
                {
                    errors.Add("bytes after the close-delimiter");
                }

                return parts;
            }

            if (!Matches(text, position, "\r\n"))
            {
                errors.Add($"a delimiter must be followed by CRLF at byte {position}");
                return parts;
            }

            var next = IndexOf(text, Encoding.ASCII.GetBytes("\r\n--" + boundary), position);
            if (next < 0)
            {
                errors.Add("a part is not closed by a delimiter");
                return parts;
            }

            if (ReadPart(text[(position + 2)..next], errors) is { } part)
            {
                parts.Add(part);
            }

            position = next + 2 + delimiter.Length;
        }
    }

    private static string? BoundaryOf(string contentType, List<string> errors)
    {
        var pieces = contentType.Split(';').Select(p => p.Trim()).ToList();
        if (!pieces[0].Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("the media type must be multipart/form-data, was " + pieces[0]);
        }

        var boundary = pieces.Skip(1).Select(p => p.Split('=', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("boundary", StringComparison.OrdinalIgnoreCase)).Select(p => p[1].Trim()).FirstOrDefault();
        if (boundary is null)
        {
            errors.Add("Content-Type has no boundary parameter");
            return null;
        }

        boundary = boundary.Length >= 2 && boundary[0] == '"' && boundary[^1] == '"' ? boundary[1..^1] : boundary;
        // RFC 2046 §5.1.1: 1*70 bchars, not ending in a space.
        const string bchars = "'()+_,-./:=? ";
        if (boundary.Length is 0 or > 70 || boundary.EndsWith(' ') || !boundary.All(c => char.IsAsciiLetterOrDigit(c) || bchars.Contains(c, StringComparison.Ordinal)))
        {
            errors.Add("boundary is not RFC 2046 bchars: " + boundary);
        }

        return boundary;
    }

    private static Part? ReadPart(byte[] raw, List<string> errors)
    {
        var end = IndexOf(raw, "\r\n\r\n"u8.ToArray(), 0);
        if (end < 0)
        {
            errors.Add("a part's headers are not ended by an empty line");
            return null;
        }

        var headerBytes = raw[..end];
        if (headerBytes.Any(b => b >= 0x80))
        {
            errors.Add("a part header holds a non-ASCII byte (RFC 7578 §5.1.1 asks for percent-encoding or filename*)");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in Encoding.Latin1.GetString(headerBytes).Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !line[..colon].All(IsTokenChar))
            {
                errors.Add("malformed header line: " + line);
                continue;
            }

            headers[line[..colon]] = line[(colon + 1)..].Trim(' ', '\t');
        }

        if (!headers.TryGetValue("Content-Disposition", out var disposition))
        {
            errors.Add("a part has no Content-Disposition (RFC 7578 §4.2)");
            return null;
        }

        var (type, parameters) = ReadDisposition(disposition, errors);
        if (type != "form-data")
        {
            errors.Add("Content-Disposition type must be form-data, was " + type);
        }

        if (!parameters.TryGetValue("name", out var name))
        {
            errors.Add("Content-Disposition has no name parameter (RFC 7578 §4.2)");
            return null;
        }

        parameters.TryGetValue("filename", out var fileName);
        parameters.TryGetValue("filename*", out var fileNameStar);
        return new Part(disposition, name, fileName, fileNameStar, headers, raw[(end + 4)..]);
    }

    /// <summary>disposition-type *( OWS ";" OWS disp-ext-parm ); name and filename must be quoted-strings, filename* an ext-value.</summary>
    private static (string Type, Dictionary<string, string> Parameters) ReadDisposition(string value, List<string> errors)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        var type = Token(value, ref i);
        while (i < value.Length)
        {
            SkipSpace(value, ref i);
            if (i >= value.Length || value[i] != ';')
            {
                errors.Add($"expected ';' at {i} in: {value}");
                break;
            }

            i++;
            SkipSpace(value, ref i);
            var key = Token(value, ref i).ToLowerInvariant();
            if (i >= value.Length || value[i] != '=')
            {
                errors.Add($"parameter '{key}' has no '=' in: {value}");
                break;
            }

            i++;
            string? parsed;
            if (key == "filename*")
            {
                parsed = Token(value, ref i);
                if (!IsExtValue(parsed))
                {
                    errors.Add("filename* is not an RFC 5987 ext-value: " + parsed);
                }
            }
            else if (i < value.Length && value[i] == '"')
            {
                parsed = QuotedString(value, ref i, errors);
            }
            else
            {
                parsed = Token(value, ref i);
                if (key is "name" or "filename")
                {
                    // What made Prism answer '"clip.mp4" is not valid JSON'.
                    errors.Add($"{key} is not a quoted-string: {parsed}");
                }
            }

            if (parsed is not null && !parameters.TryAdd(key, parsed))
            {
                errors.Add($"parameter '{key}' written twice");
            }
        }

        return (type.ToLowerInvariant(), parameters);
    }

    private static string? QuotedString(string value, ref int i, List<string> errors)
    {
        var result = new StringBuilder();
        for (i++; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '"')
            {
                i++;
                return result.ToString();
            }

            if (c == '\\')
            {
                errors.Add("a quoted-pair in a quoted-string (parsers disagree on it; percent-encode instead): " + value);
                i++;
                if (i < value.Length)
                {
                    result.Append(value[i]);
                }

                continue;
            }

            // qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text
            if (!(c is '\t' or ' ' or '!' || (c >= 0x23 && c <= 0x7E)))
            {
                errors.Add($"character U+{(int)c:X4} is not qdtext in: {value}");
            }

            result.Append(c);
        }

        errors.Add("unterminated quoted-string: " + value);
        return null;
    }

    private static bool IsExtValue(string value)
    {
        // ext-value = charset "'" [ language ] "'" value-chars; value-chars = *( pct-encoded / attr-char )
        var pieces = value.Split('\'');
        if (pieces.Length != 3 || !pieces[0].Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var chars = pieces[2];
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '%')
            {
                if (i + 2 >= chars.Length || !Uri.IsHexDigit(chars[i + 1]) || !Uri.IsHexDigit(chars[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!(char.IsAsciiLetterOrDigit(chars[i]) || "!#$&+-.^_`|~".Contains(chars[i], StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Decodes an ext-value's percent-encoded UTF-8.</summary>
    public static string DecodeExtValue(string value) => Uri.UnescapeDataString(value.Split('\'')[2]);

    private static string Token(string value, ref int i)
    {
        var start = i;
        while (i < value.Length && IsTokenChar(value[i]))
        {
            i++;
        }

        return value[start..i];
    }

    // RFC 9110 tchar (the '*' of filename* is one).
    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);

    private static void SkipSpace(string value, ref int i)
    {
        while (i < value.Length && value[i] is ' ' or '\t')
        {
            i++;
        }
    }

    private static bool Matches(byte[] text, int at, string ascii) =>
        at + ascii.Length <= text.Length && Encoding.ASCII.GetString(text, at, ascii.Length) == ascii;

    private static int IndexOf(byte[] text, byte[] pattern, int from) => text.AsSpan(from).IndexOf(pattern) is var i and >= 0 ? from + i : -1;
}
