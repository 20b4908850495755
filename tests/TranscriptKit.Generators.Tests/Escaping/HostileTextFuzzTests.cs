using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NUnit.Framework;

namespace TranscriptKit.Generators.Tests.Escaping;

/// <summary>
/// A seeded mini-fuzzer: random hostile strings (line breaks of every kind, control characters, lone surrogates,
/// XML and C# syntax, keywords, reserved names) in random slots of <see cref="HostileSpec"/>. Every mutant must
/// compile cleanly or be refused by a located TK diagnostic: never a CS error, an exception or TK0008.
/// Bounded: a fixed list of seeds, one small spec each (TK_FUZZ_MUTANTS raises the count for a longer run).
/// </summary>
public class HostileTextFuzzTests
{
    private static readonly string[] s_fragments =
    {
        "\n", "\r", "\r\n", "\u2028", "\u2029", "\u0085", "\v", "\f", "\u0001", "\u001F", "\0", "\u007F", "\uFFFE", "\uFFFF",
        // No lone surrogates: YamlDotNet refuses a "\uD800" escape before the generator sees the text (TK0001).
        "\U0001F389", "\u202E", "\u200B", "\uFEFF", "\u00A0", "\t", " ",
        "<", ">", "&", "\"", "'", "\\", "{", "}", "{0}", "*/", "/*", "//", "///", "#if X", "#endregion", "]]>", "<!--", "&amp;", "@", "$", "u8",
        "class", "equals", "GetType", "value", "request", "_", "1", "Ünï", "done", "x", "Probe", "Client",
    };

    private static IEnumerable<int> Seeds() => Enumerable.Range(0, int.TryParse(Environment.GetEnvironmentVariable("TK_FUZZ_MUTANTS"), out var count) ? count : 24);

    [TestCaseSource(nameof(Seeds))]
    [CancelAfter(60_000)]
    public void A_hostile_mutant_compiles_or_is_refused_with_a_located_TK_diagnostic(int seed)
    {
        var random = new Random(seed);
        var slots = HostileSpec.TextSlots.Concat(HostileSpec.NameSlots).Where(_ => random.Next(2) == 0).ToHashSet();
        var values = slots.ToDictionary(slot => slot, _ => HostileString(random));
        var yaml = HostileSpec.Build(slot => values.TryGetValue(slot, out var value) ? value : null);

        var outcome = GeneratedCode.Generate(yaml);

        var failure = GeneratedCode.CompilesOrIsRefused(outcome);
        Assert.That(failure, Is.Null, $"seed {seed}, slots: " + string.Join(", ", values.Select(v => $"{v.Key}={GeneratedCode.Quote(v.Value)}")));
        Assert.That(outcome.GeneratorDiagnostics.Where(d => d.Location.GetLineSpan().StartLinePosition == default).Select(d => d.ToString()), Is.Empty, "every diagnostic has a place in the spec");
    }

    private static string HostileString(Random random)
    {
        var builder = new StringBuilder();
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            builder.Append(s_fragments[random.Next(s_fragments.Length)]);
        }

        return builder.ToString();
    }
}
