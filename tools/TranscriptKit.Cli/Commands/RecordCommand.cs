using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TranscriptKit.Cli.Progress;
using TranscriptKit.Testing;

namespace TranscriptKit.Cli.Commands;

/// <summary>
/// <c>transcriptkit record &lt;file|url&gt; --vendor id</c>: runs one real transcription through the facade, writing
/// every exchange as a redacted cassette and the drift report beside it, ready to become a contract fixture.
/// </summary>
internal static class RecordCommand
{
    private static readonly JsonWriterOptions s_indented = new() { Indented = true, NewLine = "\n" };

    public static Command Create()
    {
        var input = new Argument<string>("file|url") { Description = "A local media file, or an http(s) URL the vendor downloads itself." };
        var vendor = CommonOptions.Vendor();
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Where to write <vendor>/<scenario>.json (the cassette) and <vendor>/<scenario>.drift.json; default ./recordings.",
            HelpName = "dir",
            DefaultValueFactory = _ => new DirectoryInfo("recordings"),
        };
        var scenario = new Option<string?>("--scenario")
        {
            Description = "The cassette's scenario name, kebab-case; default flow-<input name>.",
            HelpName = "name",
        };
        var language = CommonOptions.Language();
        var timeout = CommonOptions.Timeout();
        var connection = new CommonOptions.Connection();

        var command = new Command(
            "record",
            "Transcribe once, recording every HTTP exchange as a redacted cassette plus the drift report (what the vendor answered that its spec does not say).");
        command.Arguments.Add(input);
        command.Options.Add(vendor);
        command.Options.Add(output);
        command.Options.Add(scenario);
        command.Options.Add(language);
        command.Options.Add(timeout);
        connection.AddTo(command);
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetRequiredValue(input),
            Transcribers.Registry.Get(result.GetRequiredValue(vendor)).Id,
            result.GetRequiredValue(output),
            result.GetValue(scenario),
            result.GetValue(language),
            result.GetValue(timeout),
            connection.Read(result),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string input,
        string vendor,
        DirectoryInfo output,
        string? scenarioOption,
        string? language,
        TimeSpan? timeout,
        ConnectionArguments credentials,
        CancellationToken cancellationToken)
    {
        var request = TranscribeCommand.CreateRequest(input) with { Language = string.IsNullOrWhiteSpace(language) ? null : language.Trim() };
        var scenario = Scenario(scenarioOption, input);
        var folder = Path.Combine(output.FullName, vendor);
        var cassettePath = Path.Combine(folder, scenario + ".json");
        var driftPath = Path.Combine(folder, scenario + ".drift.json");

        await using var connection = await VendorConnection.OpenAsync(vendor, credentials, TranscribeCommand.MediaDirectories(request), Console.Error, cancellationToken).ConfigureAwait(false);
        var registered = Transcribers.Registry.Get(vendor);
        var recordingOptions = new RecordingOptions();
        foreach (var header in registered.Definition.Credentials.Headers)
        {
            // The spec names the credential headers: redact them (and their echoes) even when they are not the usual ones.
            recordingOptions.RedactHeaders.Add(header);
            recordingOptions.RecordRequestHeaders.Add(header);
        }

        using var recorder = new RecordingHandler(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }, vendor, scenario, recordingOptions);
        recorder.Cassette.Description = $"transcriptkit record: {registered.DisplayName}, {request.Describe()}";
        recorder.Cassette.Source = $"recorded {DateTimeOffset.UtcNow:yyyy-MM-dd} against {(connection.IsSandbox ? "the built-in sandbox" : connection.Endpoint?.Host ?? registered.DisplayName + "'s documented endpoint")}";
        using var http = new HttpClient(recorder, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        var drift = new DriftReport();
        var options = connection.CreateTranscriberOptions(timeout);
        options.Drift = drift;
        var transcriber = Transcribers.Create(vendor, connection.Settings, options, http);

        var exitCode = ExitCodes.Ok;
        try
        {
            exitCode = await TranscribeAsync(transcriber, request, timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Written on failure too: the exchange that failed is usually the one worth a fixture.
            await Console.Error.WriteLineAsync("Drift: " + drift.ToSummary()).ConfigureAwait(false);
            var cassette = Rebased(recorder.Cassette, connection.Endpoint, registered.Definition.DefaultEndpoint);
            if (cassette.Interactions.Count == 0)
            {
                await Console.Error.WriteLineAsync("Nothing reached the vendor, so no cassette was written.").ConfigureAwait(false);
            }
            else
            {
                await cassette.SaveAsync(cassettePath, CancellationToken.None).ConfigureAwait(false);
                await File.WriteAllTextAsync(driftPath, DriftJson(vendor, scenario, drift), new UTF8Encoding(false), CancellationToken.None).ConfigureAwait(false);
                Console.Out.WriteLine($"Cassette: {cassettePath} ({cassette.Interactions.Count} interactions, credentials redacted)");
                Console.Out.WriteLine($"Drift report: {driftPath} ({drift.Findings.Count} differences from the spec)");
            }
        }

        return exitCode;
    }

    private static async Task<int> TranscribeAsync(ITranscriber transcriber, TranscriptionRequest request, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var display = ProgressDisplay.Create();
        if (transcriber.Capabilities.ResumableJobs)
        {
            var job = await display.RunAsync($"{transcriber.Vendor}: {request.Describe()}", p => transcriber.StartAsync(request, p, cancellationToken)).ConfigureAwait(false);
            var (transcript, exitCode) = await JobRunner.WaitAsync(transcriber, job, display, cancellationToken).ConfigureAwait(false);
            if (transcript is not null)
            {
                await Console.Error.WriteLineAsync($"Transcribed: {transcript.Text.Length} characters.").ConfigureAwait(false);
            }

            return exitCode;
        }

        // One call (Soscripted): --timeout bounds it, as in transcribe.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } after)
        {
            limit.CancelAfter(after);
        }

        var once = await display.RunAsync($"{transcriber.Vendor}: {request.Describe()}", p => transcriber.TranscribeAsync(request, p, limit.Token)).ConfigureAwait(false);
        await Console.Error.WriteLineAsync($"Transcribed: {once.Text.Length} characters.").ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The cassette with its API paths moved from the endpoint used (a sandbox or proxy with its own base path) onto the
    /// spec's documented one, as fixtures record them, so it replays like an exchange with the vendor itself. Requests
    /// without an operation (a PUT to a signed storage URL) keep their path: the URL came from a recorded body.
    /// </summary>
    private static Cassette Rebased(Cassette recorded, Uri? endpoint, Uri documented)
    {
        var from = endpoint?.AbsolutePath.TrimEnd('/') ?? "";
        var to = documented.AbsolutePath.TrimEnd('/');
        var cassette = Cassette.Parse(recorded.ToJson());
        if (endpoint is null || from == to)
        {
            return cassette;
        }

        foreach (var interaction in cassette.Interactions)
        {
            var path = interaction.Request.Path;
            if (interaction.Operation is not null && path.StartsWith(from + "/", StringComparison.Ordinal))
            {
                interaction.Request.Path = to + path[from.Length..];
            }
        }

        return cassette;
    }

    /// <summary>The given name, else <c>flow-</c> and the input's file name in kebab-case, as the fixtures name their flows.</summary>
    private static string Scenario(string? option, string input)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            var given = option.Trim();
            return given.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') && !given.StartsWith('-') && !given.EndsWith('-')
                ? given
                : throw new UsageException($"--scenario '{given}' is not kebab-case (a-z, 0-9 and single dashes), as fixture names are.");
        }

        var name = Uri.TryCreate(input, UriKind.Absolute, out var url) && url.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? Path.GetFileNameWithoutExtension(url.AbsolutePath)
            : Path.GetFileNameWithoutExtension(input);
        var kebab = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                kebab.Append(c);
            }
            else if (kebab.Length > 0 && kebab[^1] != '-')
            {
                kebab.Append('-');
            }
        }

        var stem = kebab.ToString().Trim('-');
        return stem.Length == 0 ? "flow-recorded" : "flow-" + stem;
    }

    /// <summary>The report as JSON: one entry per distinct difference, with how often it was seen. Raw values are already masked and cut.</summary>
    private static string DriftJson(string vendor, string scenario, DriftReport drift)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, s_indented))
        {
            json.WriteStartObject();
            json.WriteString("vendor", vendor);
            json.WriteString("scenario", scenario);
            json.WriteString("cassette", scenario + ".json");
            json.WriteStartArray("findings");
            foreach (var finding in drift.Findings)
            {
                json.WriteStartObject();
                json.WriteString("operation", finding.OperationId);
                json.WriteString("kind", finding.Kind.ToString());
                json.WriteString("path", finding.Path);
                json.WriteString("expected", finding.Expected);
                json.WriteString("raw", finding.RawValue);
                json.WriteNumber("occurrences", drift.Occurrences(finding));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
