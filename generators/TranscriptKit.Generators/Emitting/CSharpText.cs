using System;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace TranscriptKit.Generators.Emitting;

/// <summary>
/// The only way text from a spec reaches C#: one function per context (XML doc, <c>//</c> comment, string literal,
/// UTF-8 literal, numeric literal, identifier). A spec is hostile input: any string, including line breaks C# knows
/// and YAML does not (U+0085, U+2028, U+2029), control characters and lone surrogates, must come out as code that
/// compiles and says what the spec said.
/// </summary>
internal static class CSharpText
{
    /// <summary>What replaces a character that cannot appear in the target context.</summary>
    private const char Replacement = '\uFFFD';

    /// <summary>
    /// Text content of an XML doc element: <c>&amp; &lt; &gt;</c> escaped, characters XML 1.0 forbids (C0 controls,
    /// U+FFFE, U+FFFF, lone surrogates: CS1570) replaced by U+FFFD, and every line break C# recognises turned into
    /// <c>\n</c>, which <see cref="SourceWriter"/> continues with a new <c>///</c> line.
    /// </summary>
    public static string XmlDoc(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '\r':
                    builder.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n' or '\u0085' or '\u2028' or '\u2029':
                    builder.Append('\n');
                    break;
                case '\t':
                    builder.Append(c);
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (c < ' ' || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c))
                    {
                        builder.Append(Replacement);
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Text inside a <c>//</c> comment: one line, always. A line break would end the comment and turn the rest of the
    /// spec's text into code (<c>display-name: "Probe\nclass Injected {}"</c>); control characters and lone surrogates
    /// are replaced too.
    /// </summary>
    public static string Comment(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                builder.Append(' ');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if ((c < ' ' && c != '\t') || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c))
            {
                builder.Append(Replacement);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A quoted C# string literal with every character that is not plainly printable escaped.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    // Controls, line and paragraph separators, surrogates (paired or not), noncharacters, unusual
                    // spaces and format characters such as bidi overrides are written as \uXXXX, so the source shows them.
                    if (MustEscapeInLiteral(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// A UTF-8 literal (<c>"…"u8</c>, a <c>ReadOnlySpan&lt;byte&gt;</c>); a string with a lone surrogate has no UTF-8
    /// form (CS9026), so it stays a plain <c>string</c> literal, which the JSON APIs we call accept as well.
    /// </summary>
    public static string Utf8Literal(string value) => IsWellFormedUtf16(value) ? Literal(value) + "u8" : Literal(value);

    /// <summary>A <c>double</c> as C# source, culture-independent; non-finite values as the named constants.</summary>
    public static string Number(double value) =>
        double.IsNaN(value) ? "double.NaN" :
        double.IsPositiveInfinity(value) ? "double.PositiveInfinity" :
        double.IsNegativeInfinity(value) ? "double.NegativeInfinity" :
        value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A <c>decimal</c> literal (<c>0.5m</c>), culture-independent.</summary>
    public static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture) + "m";

    /// <summary>A whole number as C# source, culture-independent.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number for prose (<c>2,147,483,648</c>), grouped the invariant way whatever the compiler's culture.</summary>
    public static string GroupedNumber(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>
    /// An identifier the parser already chose, escaped with <c>@</c> when it is a keyword, or a contextual keyword
    /// that would mean something else in the generated code (<c>await</c> inside an async method, <c>var</c>, …).
    /// </summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;

    /// <summary>Whether <paramref name="name"/> is a plain C# identifier (no <c>@</c>, not a keyword).</summary>
    public static bool IsIdentifier(string name) =>
        SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

    /// <summary>Whether <paramref name="ns"/> is a dotted C# namespace name.</summary>
    public static bool IsNamespace(string ns)
    {
        foreach (var part in ns.Split('.'))
        {
            if (!IsIdentifier(part))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MustEscapeInLiteral(char c)
    {
        if (c < ' ' || c == '\u007F' || c is '\uFFFE' or '\uFFFF')
        {
            return true;
        }

        return c > '~' && char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.SpaceSeparator;
    }

    private static bool IsWellFormedUtf16(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
