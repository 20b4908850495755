using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace TranscriptKit.Tests.Readme;

/// <summary>
/// Every C# block of a README is a region of a file in samples/TranscriptKit.Samples, which Generated.sln builds:
/// the README cannot show code that does not compile, and the sample cannot change without the README.
/// </summary>
public sealed partial class ReadmeSamplesTests
{
    // The READMEs whose C# blocks are compiled samples; a README added here must mark each block.
    private static readonly string[] s_readmes =
    [
        "README.md", "tools/TranscriptKit.Sandbox/README.md", "src/TranscriptKit.Testing/README.md",
        "src/TranscriptKit.Extensions.AI/README.md", "src/TranscriptKit.Extensions.DependencyInjection/README.md",
    ];

    private static string SamplesProject => Path.Combine(RepositoryPaths.Root, "samples", "TranscriptKit.Samples");

    public static IEnumerable<TestCaseData> Blocks() =>
        s_readmes.SelectMany(readme => ReadBlocks(readme).Select(block =>
            new TestCaseData(readme, block.Name, block.Code).SetArgDisplayNames(readme, block.Name)));

    [TestCaseSource(nameof(Blocks))]
    [CancelAfter(10_000)]
    public void Readme_block_is_the_compiled_sample_region(string readme, string name, string code)
    {
        var regions = ReadRegions();

        Assert.That(regions.ContainsKey(name), Is.True, $"{readme}: no '// <readme:{name}>' region under samples/TranscriptKit.Samples");
        Assert.That(code, Is.EqualTo(regions[name]), $"{readme} block '{name}' differs from its compiled sample; change both");
    }

    [Test]
    [CancelAfter(10_000)]
    public void Every_csharp_block_of_a_readme_names_its_sample()
    {
        foreach (var readme in s_readmes)
        {
            var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, readme));
            var unnamed = Enumerable.Range(0, lines.Length)
                .Where(i => lines[i].Trim() == "```csharp" && (i == 0 || !MarkerPattern().IsMatch(lines[i - 1])))
                .Select(i => i + 1)
                .ToList();

            Assert.That(unnamed, Is.Empty, $"{readme}: C# blocks at these lines have no '<!-- compiled: … region readme:NAME -->' line above them");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public void Every_sample_region_is_shown_by_a_readme()
    {
        var shown = s_readmes.SelectMany(ReadBlocks).Select(block => block.Name).ToHashSet();

        Assert.That(ReadRegions().Keys.Where(name => !shown.Contains(name)), Is.Empty, "sample regions no README shows");
    }

    [Test]
    [CancelAfter(10_000)]
    public void Hidden_scaffolding_is_left_out_of_the_compared_region()
    {
        var region = ExtractRegion(
            ["// <readme:x>", "using A;", "// <readme:hide>", "class C {", "// </readme:hide>", "Call();", "// <readme:hide>", "}", "// </readme:hide>", "// </readme:x>"],
            "x",
            "test.cs");

        Assert.That(region, Is.EqualTo("using A;\nCall();\n"));
    }

    private static IEnumerable<(string Name, string Code)> ReadBlocks(string readme)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, readme));
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp" || MarkerPattern().Match(lines[i - 1]) is not { Success: true } marker)
            {
                continue;
            }

            var code = new List<string>();
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                code.Add(lines[i]);
            }

            yield return (marker.Groups["name"].Value, Join(code));
        }
    }

    private static Dictionary<string, string> ReadRegions()
    {
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(SamplesProject, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)))
        {
            var lines = File.ReadAllLines(file);
            foreach (var name in lines.Select(l => RegionStartPattern().Match(l)).Where(m => m.Success && m.Groups["name"].Value != "hide").Select(m => m.Groups["name"].Value))
            {
                Assert.That(regions.TryAdd(name, ExtractRegion(lines, name, file)), Is.True, $"region readme:{name} is defined twice");
            }
        }

        return regions;
    }

    // Lines between // <readme:NAME> and // </readme:NAME>, less the // <readme:hide> … // </readme:hide> scaffolding
    // (namespace, class, method) that a README fragment leaves to the reader.
    private static string ExtractRegion(IReadOnlyList<string> lines, string name, string file)
    {
        var start = lines.ToList().FindIndex(l => l.Trim() == $"// <readme:{name}>");
        var end = lines.ToList().FindIndex(start + 1, l => l.Trim() == $"// </readme:{name}>");
        Assert.That(end, Is.GreaterThan(start), $"{file}: region readme:{name} is not closed");

        var kept = new List<string>();
        var hidden = false;
        foreach (var line in lines.Skip(start + 1).Take(end - start - 1))
        {
            switch (line.Trim())
            {
                case "// <readme:hide>": hidden = true; break;
                case "// </readme:hide>": hidden = false; break;
                default: if (!hidden) kept.Add(line); break;
            }
        }

        return Join(kept);
    }

    private static string Join(IEnumerable<string> lines) => string.Concat(lines.Select(l => l.TrimEnd() + "\n"));

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    [GeneratedRegex(@"^<!-- compiled: .*region readme:(?<name>[a-z0-9-]+) -->$")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"^\s*// <readme:(?<name>[a-z0-9-]+)>$")]
    private static partial Regex RegionStartPattern();
}
