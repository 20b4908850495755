using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Cli.Commands;

/// <summary>
/// Before a paid submit: print the estimate, and when a person is at a terminal and the media is longer than
/// <c>--confirm-above</c>, ask before paying. Scripts (stdin or stdout redirected) are never asked; <c>--yes</c> skips it.
/// </summary>
internal static class CostCheck
{
    /// <summary>Length, not charge, is the threshold: it means the same for every vendor, whatever its unit.</summary>
    public static readonly TimeSpan DefaultThreshold = TimeSpan.FromMinutes(10);

    public static Option<bool> Yes() => new("--yes", "-y")
    {
        Description = "Do not ask before transcribing long media at a terminal (the estimate is still printed).",
    };

    public static Option<TimeSpan?> ConfirmAbove() => new("--confirm-above")
    {
        Description = $"At a terminal, ask before transcribing media longer than this (default {DefaultThreshold.TotalMinutes:0}m): seconds (90), with a unit (30s, 5m, 1h) or a TimeSpan.",
        HelpName = "time",
        CustomParser = Parse,
    };

    /// <summary>Prints the estimate to stderr; <see langword="false"/> when the person declined (nothing was sent).</summary>
    public static async Task<bool> ConfirmAsync(ITranscriber transcriber, TranscriptionRequest request, bool yes, TimeSpan threshold, CancellationToken cancellationToken)
    {
        var estimate = await transcriber.EstimateAsync(request, cancellationToken).ConfigureAwait(false);
        var error = Console.Error;
        await error.WriteLineAsync($"Estimate ({VendorConnection.DisplayName(estimate.Vendor)}): {estimate.Explanation}").ConfigureAwait(false);
        var interactive = !Console.IsInputRedirected && !Console.IsOutputRedirected;
        if (yes || !interactive || estimate.MediaDuration is not { } length || length <= threshold)
        {
            return true;
        }

        await error.WriteAsync($"This is {Length(length)} of media, longer than --confirm-above {Length(threshold)}. Transcribe it? [y/N] ").ConfigureAwait(false);
        await error.FlushAsync(cancellationToken).ConfigureAwait(false);
        var answer = (await Console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false))?.Trim();
        if (answer is not null && (answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        await error.WriteLineAsync("Nothing was sent. Run it again with --yes to transcribe without asking.").ConfigureAwait(false);
        return false;
    }

    private static string Length(TimeSpan length) => length.TotalHours >= 1
        ? length.ToString(@"h\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture)
        : length.ToString(@"m\:ss", System.Globalization.CultureInfo.InvariantCulture);

    private static TimeSpan? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value.Trim();
        if (CommonOptions.TryParseTimeout(text, out var threshold) && threshold >= TimeSpan.Zero)
        {
            return threshold;
        }

        result.AddError($"--confirm-above '{text}' is not a duration: give seconds (90), a unit (30s, 5m, 1h) or a TimeSpan (00:05:00).");
        return null;
    }
}
