using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Threading.Tasks;
using TranscriptKit.Cli.Commands;

namespace TranscriptKit.Cli;

/// <summary>
/// The <c>transcriptkit</c> command: builds the commands over the registered vendors, maps parse errors to exit code 2
/// and exceptions to messages. The tool's <c>Program</c> runs it with the built-in vendors; a host that adds its own
/// vendors runs it with them (one <see cref="CliVendor"/> each).
/// </summary>
public static class TranscriptKitCli
{
    /// <summary>Runs the command line with the built-in vendors plus <paramref name="vendors"/>.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="vendors">Vendors to add to <see cref="Transcribers.Registry"/>, each with its emulator for the embedded sandbox if it has one.</param>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(string[] args, IEnumerable<CliVendor>? vendors = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        CliVendors.Add(vendors ?? []);

        // Before anything can print: a key typed after a misspelt or unsupported option would otherwise be echoed
        // back by the parser ("Unrecognized command or argument '<key>'").
        var secrets = SecretArguments.Find(args, Environment.GetEnvironmentVariables(), CommonOptions.Connection.CredentialOptions);
        await using var redacted = new RedactingWriter(Console.Error, secrets);
        Console.SetError(redacted);

        var names = Transcribers.Registry.Ids.Select(VendorConnection.DisplayName).ToList();
        var root = new RootCommand($"TranscriptKit: transcribe media with {CliVendors.IdList(names)} (or the built-in sandbox).")
        {
            TranscribeCommand.Create(),
            BatchCommand.Create(),
            RecordCommand.Create(),
            ResumeCommand.Create(),
            AccountCommands.Balance(),
            AccountCommands.Quota(),
            VendorsCommand.Create(),
            SpecCommand.Create(),
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
