using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace TranscriptKit.Reliability.Tests.ResponseFuzzing.Content;

/// <summary>
/// Seeded mutations of a documented response body: the shapes a broken vendor, proxy or network hands a client.
/// Each mutation is a pure function of the seed and the <see cref="Random"/>, so a case replays from its seed alone.
/// </summary>
internal static class ContentMutator
{
    public static readonly string[] Kinds =
    [
        "empty", "truncate", "truncate-at-boundary", "html", "wrong-type", "deep-nesting", "huge-string", "unknown-field",
        "invalid-utf8", "bom", "number-overflow", "null-value", "duplicate-key", "echo-key", "byte-flip", "sse-framing", "as-is",
    ];

    public static byte[] Mutate(string kind, byte[] seed, Random random, IReadOnlyList<string> secrets) => kind switch
    {
        "empty" => [],
        "truncate" => seed.Length == 0 ? seed : seed[..random.Next(seed.Length)],
        "truncate-at-boundary" => TruncateAtBoundary(seed, random),
        "html" => "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>"u8.ToArray(),
        "wrong-type" => ReplaceValue(seed, random, Pick(random, "\"text\"", "12", "true", "{}", "[]", "null", "-0.5", "[1,2]", "{\"a\":1}")),
        "deep-nesting" => ReplaceValue(seed, random, new string('[', 10_000) + new string(']', 10_000)),
        "huge-string" => ReplaceValue(seed, random, "\"" + new string('x', 1 << random.Next(10, 20)) + "\""),
        "unknown-field" => InsertField(seed, "\"zz_unknown_" + random.Next(1000) + "\"", Pick(random, "\"" + new string('y', 200_000) + "\"", "{\"a\":[1,{\"b\":null}]}", "1e400")),
        "invalid-utf8" => InsertInString(seed, random, Pick<byte[]>(random, [0xC3, 0x28], [0xFF, 0xFE], [0xED, 0xA0, 0x80], [0xF0, 0x28, 0x8C, 0x28], [0x80])),
        "bom" => [0xEF, 0xBB, 0xBF, .. seed],
        "number-overflow" => ReplaceNumber(seed, random, Pick(random, "1e400", "-1e400", "99999999999999999999999999999", "-99999999999999999999999999999", "1.7976931348623157e309", "4294967296")),
        "null-value" => ReplaceValue(seed, random, "null"),
        "duplicate-key" => DuplicateKey(seed, random),
        "echo-key" => EchoKey(seed, random, secrets),
        "byte-flip" => FlipBytes(seed, random),
        "sse-framing" => BreakSse(seed, random),
        _ => seed,
    };

    private static T Pick<T>(Random random, params T[] choices) => choices[random.Next(choices.Length)];

    private static byte[] TruncateAtBoundary(byte[] seed, Random random)
    {
        var boundaries = Enumerable.Range(0, seed.Length).Where(i => seed[i] is (byte)'{' or (byte)'[' or (byte)',' or (byte)':' or (byte)'"' or (byte)'\n' or (byte)'}').ToList();
        if (boundaries.Count == 0)
        {
            return seed;
        }

        var at = boundaries[random.Next(boundaries.Count)];
        return seed[..(at + random.Next(2))];
    }

    /// <summary>The spans of every value in a JSON body (scalars and containers), found with the reader the runtime uses.</summary>
    private static List<(int Start, int End, JsonTokenType Type)> Values(byte[] json)
    {
        var values = new List<(int, int, JsonTokenType)>();
        var starts = new Stack<int>();
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        starts.Push((int)reader.TokenStartIndex);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        values.Add((starts.Pop(), (int)reader.BytesConsumed, reader.TokenType));
                        break;
                    case JsonTokenType.PropertyName or JsonTokenType.Comment:
                        break;
                    default:
                        values.Add(((int)reader.TokenStartIndex, (int)reader.BytesConsumed, reader.TokenType));
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (an SSE stream, text): no values to replace.
        }

        return values;
    }

    private static byte[] Splice(byte[] seed, int start, int end, string replacement) =>
        [.. seed[..start], .. Encoding.UTF8.GetBytes(replacement), .. seed[end..]];

    private static byte[] ReplaceValue(byte[] seed, Random random, string replacement)
    {
        var values = Values(seed);
        if (values.Count == 0)
        {
            return Encoding.UTF8.GetBytes(replacement);
        }

        var (start, end, _) = values[random.Next(values.Count)];
        return Splice(seed, start, end, replacement);
    }

    private static byte[] ReplaceNumber(byte[] seed, Random random, string replacement)
    {
        var numbers = Values(seed).Where(v => v.Type == JsonTokenType.Number).ToList();
        if (numbers.Count == 0)
        {
            return ReplaceValue(seed, random, replacement);
        }

        var (start, end, _) = numbers[random.Next(numbers.Count)];
        return Splice(seed, start, end, replacement);
    }

    private static byte[] InsertField(byte[] seed, string name, string value)
    {
        var brace = Array.IndexOf(seed, (byte)'{');
        return brace < 0 ? seed : [.. seed[..(brace + 1)], .. Encoding.UTF8.GetBytes(name + ":" + value + ","), .. seed[(brace + 1)..]];
    }

    private static byte[] InsertInString(byte[] seed, Random random, byte[] bytes)
    {
        var strings = Values(seed).Where(v => v.Type == JsonTokenType.String).ToList();
        if (strings.Count == 0)
        {
            return [.. bytes, .. seed];
        }

        var (start, _, _) = strings[random.Next(strings.Count)];
        return [.. seed[..(start + 1)], .. bytes, .. seed[(start + 1)..]];
    }

    private static byte[] DuplicateKey(byte[] seed, Random random)
    {
        var text = Encoding.UTF8.GetString(seed);
        var colon = text.IndexOf("\":", StringComparison.Ordinal);
        if (colon < 0)
        {
            return seed;
        }

        var open = text.LastIndexOf('"', colon - 1);
        var name = text[open..(colon + 1)];
        return InsertField(seed, name, Pick(random, "\"dup\"", "0", "null", "{}"));
    }

    private static byte[] EchoKey(byte[] seed, Random random, IReadOnlyList<string> secrets)
    {
        var key = secrets[random.Next(secrets.Count)];
        var bytes = Encoding.UTF8.GetBytes(key);
        var echoed = random.Next(6) switch
        {
            0 => key,
            1 => Uri.EscapeDataString("key=" + key),
            2 => string.Concat(key.Select(c => $"\\u{(int)c:x4}")),
            3 => Convert.ToBase64String(bytes),
            4 => Convert.ToBase64String(Encoding.UTF8.GetBytes("Bearer " + key)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            _ => Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join(":", secrets))),
        };
        var strings = Values(seed).Where(v => v.Type == JsonTokenType.String).ToList();
        if (strings.Count == 0)
        {
            return Encoding.UTF8.GetBytes($"{{\"error\":\"invalid key {echoed}\",\"message\":\"invalid key {echoed}\",\"msg\":\"{echoed}\",\"code\":401}}");
        }

        // Every string: whichever field the vendor's error paths read, it carries the key.
        var result = seed;
        foreach (var (start, end, _) in strings.OrderByDescending(s => s.Start))
        {
            result = Splice(result, start, end, $"\"echo {echoed}\"");
        }

        return result;
    }

    private static byte[] FlipBytes(byte[] seed, Random random)
    {
        if (seed.Length == 0)
        {
            return [(byte)random.Next(256)];
        }

        var copy = (byte[])seed.Clone();
        for (var i = 0; i < 1 + random.Next(4); i++)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private static byte[] BreakSse(byte[] seed, Random random)
    {
        var text = Encoding.UTF8.GetString(seed);
        return Encoding.UTF8.GetBytes(random.Next(7) switch
        {
            0 => text.Replace("\n\n", "\n", StringComparison.Ordinal),
            1 => text[..random.Next(text.Length + 1)],
            2 => text.Replace("data: {", "data: {{", StringComparison.Ordinal),
            3 => "event: error\ndata: {\"error\":\"boom\"}\n\n" + text,
            4 => text.Replace("event:", "evnt:", StringComparison.Ordinal),
            5 => "data: " + new string('z', 100_000) + "\n\n" + text,
            _ => text.Replace("\n", "\r", StringComparison.Ordinal),
        });
    }
}
