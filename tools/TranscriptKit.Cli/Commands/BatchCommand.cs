using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TranscriptKit.Cli.Output;

namespace TranscriptKit.Cli.Commands;

/// <summary>
/// <c>transcriptkit batch &lt;folder|list|files|URLs…&gt; --vendor id --out dir</c>: every input is an item in a SQLite
/// ledger, so the same command run again after a crash skips finished items, resumes accepted jobs and never pays twice.
/// </summary>
internal static class BatchCommand
{
    public const string ReportName = "batch-report.json";

    public static Command Create()
    {
        var inputs = new Argument<string[]>("folder|list|file|url") { Description = "Folders (their files), list files (.txt: one file or URL a line), files or http(s) URLs.", Arity = ArgumentArity.OneOrMore };
        var vendor = CommonOptions.Vendor();
        var language = CommonOptions.Language();
        var format = CommonOptions.Format();
        var outDir = new Option<DirectoryInfo>("--out") { Description = "The folder for one output file per item and the JSON report.", Required = true, HelpName = "dir" };
        var ledger = new Option<FileInfo?>("--ledger") { Description = "The ledger database; default <out>/.transcriptkit/batch.db.", HelpName = "file" };
        var retryUnknown = new Option<bool>("--retry-unknown") { Description = "Send again items whose earlier submit has an unknown outcome (check the vendor first: they may be paid twice)." };
        var concurrency = new Option<int?>("--concurrency") { Description = "At most this many items at once; default the vendor's documented limit.", HelpName = "n" };
        var timeout = CommonOptions.Timeout();
        var connection = new CommonOptions.Connection();

        var command = new Command("batch", "Transcribe many files or URLs with a crash-safe ledger: run the same command again to finish, never paying twice.");
        command.Arguments.Add(inputs);
        command.Options.Add(vendor);
        command.Options.Add(language);
        command.Options.Add(format);
        command.Options.Add(outDir);
        command.Options.Add(ledger);
        command.Options.Add(retryUnknown);
        command.Options.Add(concurrency);
        command.Options.Add(timeout);
        connection.AddTo(command);
        command.SetAction((result, cancellationToken) => RunAsync(
            new Arguments(
                result.GetRequiredValue(inputs),
                Transcribers.Registry.Get(result.GetRequiredValue(vendor)).Id,
                result.GetValue(language),
                result.GetValue(format),
                result.GetRequiredValue(outDir),
                result.GetValue(ledger),
                result.GetValue(retryUnknown),
                result.GetValue(concurrency),
                result.GetValue(timeout),
                connection.Read(result)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        var items = BatchInputs.Read(args.Inputs);
        Directory.CreateDirectory(args.Out.FullName);
        var ledgerPath = args.Ledger?.FullName ?? Path.Combine(args.Out.FullName, ".transcriptkit", "batch.db");
        var folders = items.Select(i => i.Request.FilePath).OfType<string>().Select(Path.GetDirectoryName).OfType<string>().Append(Environment.CurrentDirectory);

        await using var connection = await VendorConnection.OpenAsync(args.Vendor, args.Connection, folders, Console.Error, cancellationToken).ConfigureAwait(false);
        var transcriber = Transcribers.Create(args.Vendor, connection.Settings, connection.CreateTranscriberOptions(args.Timeout));
        var timestamps = OutputFormats.Timestamps(args.Format, transcriber.Capabilities);
        var language = string.IsNullOrWhiteSpace(args.Language) ? null : args.Language.Trim();
        var requests = items.Select(i => i.Request with { Language = language, Timestamps = timestamps }).ToList();
        var byKey = items.ToDictionary(i => i.Key, StringComparer.Ordinal);
        var extension = "." + (args.Format switch { OutputFormat.Srt => "srt", OutputFormat.Vtt => "vtt", OutputFormat.Json => "json", _ => "txt" });
        string OutputPath(TranscriptionBatchItem item) => Path.Combine(args.Out.FullName, items[item.Index].OutputName + extension);

        SqliteTranscriptionLedger ledger;
        try
        {
            ledger = await SqliteTranscriptionLedger.OpenAsync(ledgerPath, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new UsageException(e.Message, e);
        }

        await using (ledger.ConfigureAwait(false))
        {
            var progress = new BatchProgress(items.Count, Console.Error);
            var options = new TranscriptionBatchOptions
            {
                Ledger = ledger,
                RetryUnknown = args.RetryUnknown,
                MaxConcurrency = args.Concurrency,
                ItemKey = r => r.FilePath is { } path ? Path.GetFullPath(path) : r.Url!.OriginalString,
                // The output file is written before the ledger says done, so a crash in between re-fetches it by token.
                Completed = async (item, ct) => await File.WriteAllTextAsync(OutputPath(item), OutputFormats.Render(item.Transcript!, args.Format), new UTF8Encoding(false), ct).ConfigureAwait(false),
            };
            var results = await transcriber.TranscribeManyAsync(requests, options, progress, cancellationToken).ConfigureAwait(false);

            var reportPath = Path.Combine(args.Out.FullName, ReportName);
            await File.WriteAllBytesAsync(reportPath, Report(args.Vendor, ledgerPath, results, items, OutputPath), cancellationToken).ConfigureAwait(false);
            WriteSummary(results, items, Console.Error);
            await Console.Error.WriteLineAsync($"Report: {reportPath}. Ledger: {ledgerPath} (run the same command again to finish what is left).").ConfigureAwait(false);
            return results.All(r => r.Succeeded) ? ExitCodes.Ok : ExitCodes.VendorError;
        }
    }

    internal static string Status(TranscriptionBatchItem item) => item switch
    {
        { AlreadyDone: true } => "done (earlier run)",
        { Succeeded: true } => "done",
        { OutcomeUnknown: true } => "outcome unknown",
        _ => "failed",
    };

    private static void WriteSummary(IReadOnlyList<TranscriptionBatchItem> results, IReadOnlyList<BatchInputs.Input> items, TextWriter log)
    {
        var width = Math.Min(60, items.Max(i => i.OutputName.Length));
        log.WriteLine();
        log.WriteLine($"{"item".PadRight(width)}  {"status",-18}  detail");
        foreach (var r in results)
        {
            var detail = r switch
            {
                { Error: TranscriptionSubmissionUnknownException u } => $"check {u.HowToCheck}; then --retry-unknown",
                { Error: { } e } => ErrorReporter.Message(e),
                { Job: { } job } => job.ToToken(),
                _ => "",
            };
            log.WriteLine($"{items[r.Index].OutputName.PadRight(width)}  {Status(r),-18}  {detail}");
        }

        var minutes = results.Sum(r => BatchProgress.MediaMinutes(r.Transcript));
        var charges = BatchProgress.Charges(results.Select(r => r.Transcript).OfType<Transcript>());
        log.WriteLine($"{results.Count(r => r.Succeeded)} done, {results.Count(r => !r.Succeeded && !r.OutcomeUnknown)} failed, {results.Count(r => r.OutcomeUnknown)} outcome unknown; {minutes:0.#} media minutes and {charges} this run.");
    }

    private static byte[] Report(string vendor, string ledgerPath, IReadOnlyList<TranscriptionBatchItem> results, IReadOnlyList<BatchInputs.Input> items, Func<TranscriptionBatchItem, string> outputPath)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("vendor", vendor);
            json.WriteString("ledger", ledgerPath);
            json.WriteNumber("done", results.Count(r => r.Succeeded));
            json.WriteNumber("failed", results.Count(r => !r.Succeeded && !r.OutcomeUnknown));
            json.WriteNumber("outcomeUnknown", results.Count(r => r.OutcomeUnknown));
            json.WriteStartArray("items");
            foreach (var r in results)
            {
                json.WriteStartObject();
                json.WriteString("input", items[r.Index].Key);
                json.WriteString("status", Status(r));
                if (r.Succeeded)
                {
                    json.WriteString("output", outputPath(r));
                }

                if ((r.Job?.ToToken() ?? r.Ledger?.JobToken) is { } token)
                {
                    json.WriteString("job", token);
                }

                if (r.Ledger is { } entry)
                {
                    json.WriteNumber("submissions", entry.Submissions);
                }

                if ((r.Transcript?.Usage.MediaDuration ?? r.Transcript?.Duration) is { } duration)
                {
                    json.WriteNumber("mediaSeconds", duration.TotalSeconds);
                }

                if (r.Transcript?.Usage is { Charge: { } charge, Unit: { } unit, Basis: { } basis })
                {
                    json.WriteNumber("charge", charge);
                    json.WriteString("chargeUnit", unit);
                    json.WriteString("chargeBasis", basis.ToString());
                }

                if (r.Error is { } error)
                {
                    json.WriteString("error", ErrorReporter.Message(error));
                }

                if (r.Error is TranscriptionSubmissionUnknownException unknown)
                {
                    json.WriteString("howToCheck", unknown.HowToCheck);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private sealed record Arguments(
        string[] Inputs,
        string Vendor,
        string? Language,
        OutputFormat Format,
        DirectoryInfo Out,
        FileInfo? Ledger,
        bool RetryUnknown,
        int? Concurrency,
        TimeSpan? Timeout,
        ConnectionArguments Connection);
}
