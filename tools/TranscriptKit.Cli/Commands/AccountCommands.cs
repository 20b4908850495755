using System;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TranscriptKit.Cli.Output;

namespace TranscriptKit.Cli.Commands;

/// <summary>
/// <c>balance</c> and <c>quota</c>: the account state of any registered vendor whose transcriber reports it
/// (<see cref="ITranscriberAccount"/>; which part, from <see cref="TranscriberCapabilities.Account"/>).
/// </summary>
internal static class AccountCommands
{
    private const AccountFeatures QuotaFeatures = AccountFeatures.Quota | AccountFeatures.Concurrency;

    /// <summary>The <c>transcriptkit</c> command that shows a vendor's account (balance, or quota and running jobs), when it has one; also how a lost submit is checked.</summary>
    public static string? CheckCommand(string vendor) => Features(vendor) switch
    {
        var f when f.HasFlag(AccountFeatures.Credits) => $"transcriptkit balance --vendor {vendor}",
        var f when (f & QuotaFeatures) != 0 => $"transcriptkit quota --vendor {vendor}",
        _ => null,
    };

    /// <summary>What to do after the vendor refused for lack of credits or quota.</summary>
    public static string TopUpAdvice(string vendor) => Features(vendor) switch
    {
        var f when f.HasFlag(AccountFeatures.Credits) => $"Top up the account's credits (transcriptkit balance --vendor {vendor} shows them).",
        var f when f.HasFlag(AccountFeatures.Quota) => $"Top up the account's quota or wait for it to reset (transcriptkit quota --vendor {vendor} shows it).",
        _ => "Top up the account's credits or quota, then try again.",
    };

    public static Command Balance() => Create(
        "balance",
        "Print the account's credit balance",
        AccountFeatures.Credits,
        (id, status) => string.Create(CultureInfo.InvariantCulture, $"{id} balance: {status.Credits} credits\n"));

    public static Command Quota() => Create(
        "quota",
        "Print the account's quota and concurrency",
        QuotaFeatures,
        QuotaText);

    private static Command Create(string name, string description, AccountFeatures needs, Func<string, AccountStatus, string> format)
    {
        var vendor = CommonOptions.Vendor($"The vendor ({Offering(needs)}).");
        var connection = new CommonOptions.Connection();
        var command = new Command(name, $"{description} ({Offering(needs)}).");
        command.Options.Add(vendor);
        connection.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var registered = Transcribers.Registry.Get(result.GetRequiredValue(vendor));
            if ((registered.Capabilities.Account & needs) == 0)
            {
                var elsewhere = CheckCommand(registered.Id) is { } other ? $"; try `{other}`" : "";
                throw new UsageException($"{registered.Id} has no {name} endpoint{elsewhere}; {Offering(needs)}.");
            }

            await using var account = await VendorConnection.OpenAsync(registered.Id, connection.Read(result), [], Console.Error, cancellationToken).ConfigureAwait(false);
            var transcriber = Transcribers.Create(registered.Id, account.Settings, account.CreateTranscriberOptions(timeout: null));
            var status = await ((ITranscriberAccount)transcriber).GetAccountAsync(cancellationToken).ConfigureAwait(false);
            await ResultWriter.WriteAsync(format(registered.Id, status), null, name, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string QuotaText(string id, AccountStatus status)
    {
        var text = new StringBuilder();
        if (status.Quota is { } quota)
        {
            text.Append(quota.Unlimited
                ? string.Create(CultureInfo.InvariantCulture, $"{id} quota: unlimited ({quota.UsedSeconds} s used)")
                : string.Create(CultureInfo.InvariantCulture, $"{id} quota: {quota.AvailableSeconds} s available of {quota.TotalSeconds} s ({quota.UsedSeconds} s used") +
                  (quota.Resets is { } cycle ? $", resets {cycle})" : ")")).Append('\n');
        }

        if (status.Concurrency is { } concurrency)
        {
            text.Append(CultureInfo.InvariantCulture, $"{id} concurrency: {concurrency.Running} of {concurrency.Limit} tasks running, {concurrency.Available} free")
                .Append(concurrency.CanStartNow ? "" : " (no new task can start now)").Append('\n');
        }

        return text.ToString();
    }

    private static AccountFeatures Features(string vendor) =>
        Transcribers.Registry.TryGet(vendor, out var registered) ? registered.Capabilities.Account : AccountFeatures.None;

    private static string Offering(AccountFeatures needs)
    {
        var ids = Transcribers.Registry.Ids.Where(id => (Features(id) & needs) != 0).ToList();
        return ids.Count switch
        {
            0 => "no registered vendor has one",
            1 => $"only {ids[0]} has one",
            _ => $"{CliVendors.IdList(ids)} have one",
        };
    }
}
