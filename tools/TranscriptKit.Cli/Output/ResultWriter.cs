using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Cli.Output;

/// <summary>Only the result goes to stdout (or to --output); everything else goes to stderr.</summary>
internal static class ResultWriter
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAsync(string text, FileInfo? output, string what, CancellationToken cancellationToken)
    {
        if (output is null)
        {
            // The raw stream with UTF-8: Console.Out's encoding depends on the locale, and a transcript is rarely ASCII.
            await using var stdout = new StreamWriter(Console.OpenStandardOutput(), s_utf8);
            await stdout.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
            await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await File.WriteAllTextAsync(output.FullName, text, s_utf8, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Could not write {output.FullName}: {e.Message}", e);
        }

        await Console.Error.WriteLineAsync($"Wrote {what} to {output.FullName}").ConfigureAwait(false);
    }
}
