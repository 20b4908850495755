using System;
using System.IO;

namespace TranscriptKit.Reliability.Tests.FaultInjection;

/// <summary>The repository's <c>samples/</c> folder: media with exact SRT sidecars, which the sandbox serves and matches.</summary>
internal static class Samples
{
    public static string Directory { get; } = Find();

    public static string Path(string name) => System.IO.Path.Combine(Directory, name);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Generated.sln")))
            {
                return System.IO.Path.Combine(directory.FullName, "samples");
            }
        }

        throw new InvalidOperationException("Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
