using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TranscriptKit.Cli.Output;
using TranscriptKit.Cli.Progress;

namespace TranscriptKit.Cli.Commands;

/// <summary><c>transcriptkit resume &lt;token&gt;</c>: waits for a job another run started, without submitting it again.</summary>
internal static class ResumeCommand
{
    public static Command Create()
    {
        var token = new Argument<string>("token") { Description = "The job token printed by `transcriptkit transcribe` or in a timeout message (tkjob2.…; older tkjob1.… tokens work too)." };
        var format = CommonOptions.Format();
        var output = CommonOptions.OutputFile();
        var timeout = CommonOptions.Timeout();
        var connection = new CommonOptions.Connection();

        var command = new Command("resume", "Wait for a job started earlier (its vendor comes from the token) and print the result.");
        command.Arguments.Add(token);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(timeout);
        connection.AddTo(command);
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetRequiredValue(token),
            result.GetValue(format),
            result.GetValue(output),
            result.GetValue(timeout),
            connection.Read(result),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string token, OutputFormat format, FileInfo? output, TimeSpan? timeout, ConnectionArguments arguments, CancellationToken cancellationToken)
    {
        TranscriptionJob job;
        try
        {
            job = TranscriptionJob.FromToken(token);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new UsageException($"Cannot resume: {e.Message}", e);
        }

        JobRunner.EnsureOutputWritable(output);
        await using var connection = await VendorConnection.OpenAsync(job.Vendor, arguments, Enumerable.Empty<string>(), Console.Error, cancellationToken).ConfigureAwait(false);
        var transcriber = Transcribers.Create(job.Vendor, connection.Settings, connection.CreateTranscriberOptions(timeout));
        await Console.Error.WriteLineAsync($"Resuming {VendorConnection.DisplayName(job.Vendor)} job {job.Id}.").ConfigureAwait(false);

        Transcript? transcript;
        int exitCode;
        try
        {
            (transcript, exitCode) = await JobRunner.WaitAsync(transcriber, job, ProgressDisplay.Create(), cancellationToken).ConfigureAwait(false);
        }
        catch (TranscriptKitNotFoundException e) when (connection.IsSandbox)
        {
            await Console.Error.WriteLineAsync(ErrorReporter.Describe(e)).ConfigureAwait(false);
            await Console.Error.WriteLineAsync(
                "The built-in sandbox keeps its jobs in memory and stops with the process that started it, so it cannot know a job from another run. " +
                $"Resume against the endpoint that accepted the job (--endpoint and --api-key, or {VendorConnection.KeyVariable(job.Vendor)}).").ConfigureAwait(false);
            return ExitCodes.VendorError;
        }

        if (transcript is null)
        {
            return exitCode;
        }

        await ResultWriter.WriteAsync(OutputFormats.Render(transcript, format), output, OutputFormats.Name(format), cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
