using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace TranscriptKit.Contract.Tests;

internal static class Fixtures
{
    /// <summary>The vendor ids, from the definitions (fixture folders are named after them).</summary>
    public static readonly string[] Vendors = Definitions.All.Select(d => d.Id).ToArray();

    public static string Root
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "tests", "fixtures");
                if (Directory.Exists(candidate) && Directory.Exists(Path.Combine(directory.FullName, "specs")))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("tests/fixtures was not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Specs => Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Root))!, "specs");

    /// <summary>
    /// A vendor's cassettes: <c>tests/fixtures/&lt;id&gt;</c> for the built-in vendors, else <c>fixtures/&lt;id&gt;</c> in the
    /// output folder, where a vendor project outside src/ (the test vendor in tests/Vendors) copies its own.
    /// </summary>
    public static string Folder(string vendor) => InRepositoryOrOutput(Path.Combine(Root, vendor), Path.Combine("fixtures", vendor));

    /// <summary>A vendor's spec: <c>specs/&lt;id&gt;.yaml</c>, else <c>specs/&lt;id&gt;.yaml</c> copied to the output folder by its project.</summary>
    public static string Spec(string vendor) => InRepositoryOrOutput(Path.Combine(Specs, vendor + ".yaml"), Path.Combine("specs", vendor + ".yaml"));

    private static string InRepositoryOrOutput(string inRepository, string inOutput)
    {
        var copied = Path.Combine(AppContext.BaseDirectory, inOutput);
        return Path.Exists(inRepository) || !Path.Exists(copied) ? inRepository : copied;
    }

    /// <summary>
    /// The folder inside a vendor's fixtures for cassettes written by <c>transcriptkit record</c>: kept apart from the
    /// doc-derived ones, which <c>generate_fixtures.py</c> rewrites (and prunes) at the top level.
    /// </summary>
    public const string RecordedFolder = "recorded";

    /// <summary>"vendor/scenario" for every cassette, and "vendor/recorded/scenario" for every recorded one.</summary>
    public static IEnumerable<string> All() =>
        Vendors.SelectMany(vendor => Directory.EnumerateFiles(Folder(vendor), "*.json")
                .Select(path => vendor + "/" + Path.GetFileNameWithoutExtension(path))
                .Concat(Recorded(vendor)))
            .OrderBy(name => name, StringComparer.Ordinal);

    /// <summary>The vendor of a name from <see cref="All"/>.</summary>
    public static string VendorOf(string name) => name[..name.IndexOf('/', StringComparison.Ordinal)];

    /// <summary>The scenario of a name from <see cref="All"/>, with <c>recorded-</c> in front of a recorded one (a file-name-safe label).</summary>
    public static string ScenarioOf(string name) => name[(VendorOf(name).Length + 1)..].Replace('/', '-');

    /// <summary>The cassette file of a name from <see cref="All"/>.</summary>
    public static string PathOf(string name) => Path.Combine(Folder(VendorOf(name)), name[(VendorOf(name).Length + 1)..] + ".json");

    // The drift report `record` writes beside a cassette is not a cassette.
    private static IEnumerable<string> Recorded(string vendor) =>
        Directory.Exists(Path.Combine(Folder(vendor), RecordedFolder))
            ? Directory.EnumerateFiles(Path.Combine(Folder(vendor), RecordedFolder), "*.json")
                .Where(path => !path.EndsWith(".drift.json", StringComparison.Ordinal))
                .Select(path => vendor + "/" + RecordedFolder + "/" + Path.GetFileNameWithoutExtension(path))
            : [];

    /// <summary>A spec's operations: operationId → (method, path template), read line by line.</summary>
    public static IReadOnlyList<(string OperationId, string Method, string Template)> Operations(string vendor)
    {
        var result = new List<(string, string, string)>();
        string? path = null, method = null;
        var inPaths = false;
        foreach (var line in File.ReadAllLines(Spec(vendor)))
        {
            if (Regex.IsMatch(line, @"^\S"))
            {
                inPaths = line.StartsWith("paths:", StringComparison.Ordinal);
                continue;
            }

            if (!inPaths)
            {
                continue;
            }

            Match m;
            if ((m = Regex.Match(line, @"^  (/\S*):\s*$")).Success)
            {
                path = m.Groups[1].Value;
            }
            else if ((m = Regex.Match(line, @"^    (get|post|put|patch|delete):\s*$")).Success)
            {
                method = m.Groups[1].Value.ToUpperInvariant();
            }
            else if ((m = Regex.Match(line, @"^      operationId:\s*(\S+)\s*$")).Success && path is not null && method is not null)
            {
                result.Add((m.Groups[1].Value.Trim('"', '\''), method, path));
            }
        }

        return result;
    }

    /// <summary>The spec's servers[0].url.</summary>
    public static Uri ServerUrl(string vendor)
    {
        var lines = File.ReadAllLines(Spec(vendor));
        var inServers = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("servers:", StringComparison.Ordinal))
            {
                inServers = true;
                continue;
            }

            var m = Regex.Match(line, @"^\s*-?\s*url:\s*['""]?([^'""\s]+)");
            if (inServers && m.Success)
            {
                return new Uri(m.Groups[1].Value);
            }
        }

        throw new InvalidOperationException("no servers[0].url in " + vendor);
    }
}
