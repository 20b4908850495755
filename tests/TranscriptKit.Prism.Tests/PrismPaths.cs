using System;
using System.IO;

namespace TranscriptKit.Prism.Tests;

/// <summary>Where the specs, samples and the pinned Prism install (<c>tests/Prism</c>) are, from the test assembly's folder.</summary>
internal static class PrismPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The vendor's spec as the generator reads it: <c>specs/&lt;id&gt;.yaml</c>.</summary>
    public static string Spec(string vendorId) => Path.Combine(Root, "specs", vendorId + ".yaml");

    public static string Samples => Path.Combine(Root, "samples");

    public static string Sample(string name) => Path.Combine(Samples, name);

    /// <summary>Prism's entry point inside <c>tests/Prism/node_modules</c> (from <c>npm ci --prefix tests/Prism</c>).</summary>
    public static string Cli => Path.Combine(Root, "tests", "Prism", "node_modules", "@stoplight", "prism-cli", "dist", "index.js");

    /// <summary>The Node that runs Prism: <c>TK_PRISM_NODE</c> when set, else <c>node</c> on PATH.</summary>
    public static string Node => Environment.GetEnvironmentVariable("TK_PRISM_NODE") is { Length: > 0 } node ? node : "node";

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
