using System.Threading.Tasks;

namespace TranscriptKit.Cli;

/// <summary>The tool's composition root: the built-in vendors (<see cref="Transcribers.Registry"/>) and their emulators.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => TranscriptKitCli.RunAsync(args);
}
