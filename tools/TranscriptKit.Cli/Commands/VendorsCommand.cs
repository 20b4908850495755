using System.CommandLine;
using System.Linq;
using TranscriptKit.Cli.Output;

namespace TranscriptKit.Cli.Commands;

/// <summary><c>transcriptkit vendors</c>: each vendor id with what it accepts and returns; no network.</summary>
internal static class VendorsCommand
{
    public static Command Create()
    {
        var command = new Command("vendors", "List the vendors and what each accepts and returns.");
        command.SetAction(async (_, cancellationToken) =>
        {
            var lines = Transcribers.Registry.Ids.Select(id =>
            {
                var capabilities = Transcribers.Registry.Get(id).Capabilities;
                var jobs = capabilities.ResumableJobs ? "resumable jobs" : "one call, no jobs";
                var language = capabilities.RequiresLanguage ? "needs --language" : capabilities.AcceptsLanguage ? "--language optional" : "detects the language";
                return $"{id,-19} {VendorConnection.DisplayName(id),-19} {capabilities.Describe()}; {jobs}; {language}";
            });
            await ResultWriter.WriteAsync(string.Join('\n', lines) + "\n", null, "vendors", cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
