using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using TranscriptKit.Cli.Progress;

namespace TranscriptKit.Cli.Commands;

/// <summary>What <c>transcribe</c> and <c>resume</c> share: waiting for an accepted job, where Ctrl+C and timeouts print its token.</summary>
internal static class JobRunner
{
    /// <summary>Waits for <paramref name="job"/>; on Ctrl+C (130) or timeout (4) prints how to resume and returns no transcript.</summary>
    public static async Task<(Transcript? Transcript, int ExitCode)> WaitAsync(ITranscriber transcriber, TranscriptionJob job, IProgressDisplay display, CancellationToken cancellationToken)
    {
        var resume = $"transcriptkit resume {job.ToToken()}";
        try
        {
            var transcript = await display.RunAsync($"{job.Vendor}: job {job.Id}", p => transcriber.WaitAsync(job, p, cancellationToken)).ConfigureAwait(false);
            return (transcript, ExitCodes.Ok);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"Cancelled. The {VendorConnection.DisplayName(job.Vendor)} job {job.Id} keeps running; resume waiting with:").ConfigureAwait(false);
            await Console.Error.WriteLineAsync($"  {resume}").ConfigureAwait(false);
            return (null, ExitCodes.Cancelled);
        }
        catch (TranscriptKitTimeoutException e)
        {
            // The error's token is the job's own (one token format): the one quoted in its message and the one below both resume.
            await Console.Error.WriteLineAsync($"Timed out: {e.Message}").ConfigureAwait(false);
            await Console.Error.WriteLineAsync("It may still finish; resume waiting (with a longer --timeout) with:").ConfigureAwait(false);
            await Console.Error.WriteLineAsync($"  transcriptkit resume {e.Job ?? job.Token}").ConfigureAwait(false);
            return (null, ExitCodes.Timeout);
        }
    }

    /// <summary>
    /// Refuses an --output that cannot be written (a folder, a missing folder, no permission) before anything is
    /// uploaded or paid for; finding out after the job would waste the transcript.
    /// </summary>
    public static void EnsureOutputWritable(FileInfo? output)
    {
        if (output is null)
        {
            return;
        }

        if (Directory.Exists(output.FullName))
        {
            throw new UsageException($"Cannot write --output {output.FullName}: it is a folder; give a file name.");
        }

        if (output.Directory is { Exists: false } directory)
        {
            throw new UsageException($"Cannot write --output {output.FullName}: the folder {directory.FullName} does not exist.");
        }

        try
        {
            // Opened as the final write will open it, without changing it: an existing file keeps its content, a probe is deleted on close.
            (File.Exists(output.FullName)
                ? new FileStream(output.FullName, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1)
                : new FileStream(output.FullName, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.DeleteOnClose)).Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot write --output {output.FullName}: {e.Message}", e);
        }
    }
}
