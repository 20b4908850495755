using System;
using System.CommandLine;
using System.Threading.Tasks;
using TranscriptKit.Cli.Commands;

namespace TranscriptKit.Cli;

/// <summary><c>transcriptkit</c>: builds the commands, maps parse errors to exit code 2 and exceptions to messages.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        // Before anything can print: a key typed after a misspelt or unsupported option would otherwise be echoed
        // back by the parser ("Unrecognized command or argument '<key>'").
        var secrets = SecretArguments.Find(args, Environment.GetEnvironmentVariables(), CommonOptions.Connection.CredentialOptions);
        await using var redacted = new RedactingWriter(Console.Error, secrets);
        Console.SetError(redacted);

        var root = new RootCommand("TranscriptKit: transcribe media with Caption Cat, Subclip, TranscriptGenerate, Cliptext or Soscripted (or the built-in sandbox).")
        {
            TranscribeCommand.Create(),
            ResumeCommand.Create(),
            AccountCommands.Balance(),
            AccountCommands.Quota(),
            VendorsCommand.Create(),
        };
        root.Options.Add(CommonOptions.Verbose);

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("Run `transcriptkit --help` (or `transcriptkit <command> --help`) for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using var cancellation = new ConsoleCancellation();
        var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        try
        {
            return cancellation.Adjust(await parseResult.InvokeAsync(configuration, cancellation.Token).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            return cancellation.Adjust(ErrorReporter.Report(e, parseResult.GetValue(CommonOptions.Verbose), cancellation.IsCancellationRequested, Console.Error));
        }
    }
}
