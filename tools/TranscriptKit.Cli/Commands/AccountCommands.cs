using System;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TranscriptKit.CaptionCat;
using TranscriptKit.Cli.Output;
using TranscriptKit.TranscriptGenerate;

namespace TranscriptKit.Cli.Commands;

/// <summary><c>balance</c> and <c>quota</c>: the account endpoints of the vendors that have one, called on the vendor clients directly.</summary>
internal static class AccountCommands
{
    // The one vendor each account command serves; also how a lost submit is checked from the command line.
    private static readonly string BalanceVendor = CaptionCatTranscriber.Registration.Id;
    private static readonly string QuotaVendor = TranscriptGenerateTranscriber.Registration.Id;

    /// <summary>The <c>transcriptkit</c> command that shows a vendor's account (balance or running tasks), when there is one.</summary>
    public static string? CheckCommand(string vendor) =>
        vendor == BalanceVendor ? $"transcriptkit balance --vendor {BalanceVendor}"
        : vendor == QuotaVendor ? $"transcriptkit quota --vendor {QuotaVendor}"
        : null;

    public static Command Balance()
    {
        var vendor = CommonOptions.Vendor("The vendor (only captioncat has a balance endpoint).");
        var connection = new CommonOptions.Connection();
        var command = new Command("balance", "Print the account's credit balance (Caption Cat).");
        command.Options.Add(vendor);
        connection.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var id = Transcribers.Registry.Get(result.GetRequiredValue(vendor)).Id;
            if (id != BalanceVendor)
            {
                throw new UsageException($"{id} has no balance endpoint" + (id == TranscriptGenerateTranscriber.Registration.Id ? "; try `transcriptkit quota --vendor transcriptgenerate`." : "; only captioncat has one."));
            }

            await using var account = await OpenAsync(id, connection.Read(result), cancellationToken).ConfigureAwait(false);
            using var client = new CaptionCatClient(account.Configure(new CaptionCatClientOptions { ApiKey = account.Settings.ApiKey }));
            var balance = await client.GetBalanceAsync(cancellationToken).ConfigureAwait(false);
            await ResultWriter.WriteAsync(
                string.Create(CultureInfo.InvariantCulture, $"captioncat balance: {balance.Balance} credits\n"), null, "balance", cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Quota()
    {
        var vendor = CommonOptions.Vendor("The vendor (only transcriptgenerate has a quota endpoint).");
        var connection = new CommonOptions.Connection();
        var command = new Command("quota", "Print the account's quota and concurrency (TranscriptGenerate).");
        command.Options.Add(vendor);
        connection.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var id = Transcribers.Registry.Get(result.GetRequiredValue(vendor)).Id;
            if (id != QuotaVendor)
            {
                throw new UsageException($"{id} has no quota endpoint" + (id == CaptionCatTranscriber.Registration.Id ? "; try `transcriptkit balance --vendor captioncat`." : "; only transcriptgenerate has one."));
            }

            await using var account = await OpenAsync(id, connection.Read(result), cancellationToken).ConfigureAwait(false);
            using var client = new TranscriptGenerateClient(account.Configure(new TranscriptGenerateClientOptions
            {
                ApiKey = account.Settings.ApiKey,
                ApiSecret = account.Settings.ApiSecret,
            }));
            var quota = await client.GetQuotaUsageAsync(cancellationToken).ConfigureAwait(false);
            var concurrency = await client.GetConcurrencyAsync(cancellationToken).ConfigureAwait(false);
            var quotaLine = quota.Unlimited
                ? $"transcriptgenerate quota: unlimited ({quota.UsedSeconds} s used)"
                : $"transcriptgenerate quota: {quota.AvailableSeconds} s available of {quota.TotalSeconds} s ({quota.UsedSeconds} s used" +
                  (quota.DeductionType is { } cycle ? $", resets {cycle.ToString().ToLowerInvariant()})" : ")");
            var concurrencyLine =
                $"transcriptgenerate concurrency: {concurrency.CurrentConcurrency} of {concurrency.MaxConcurrency} tasks running, {concurrency.AvailableConcurrency} free" +
                (concurrency.CanAddTask ? "" : " (no new task can start now)");
            await ResultWriter.WriteAsync(
                string.Create(CultureInfo.InvariantCulture, $"{quotaLine}\n{concurrencyLine}\n"), null, "quota", cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Task<VendorConnection> OpenAsync(string vendor, ConnectionArguments arguments, CancellationToken cancellationToken) =>
        VendorConnection.OpenAsync(vendor, arguments, Enumerable.Empty<string>(), Console.Error, cancellationToken);
}
