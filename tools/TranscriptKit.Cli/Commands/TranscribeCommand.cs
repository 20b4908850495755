using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TranscriptKit.Cli.Output;
using TranscriptKit.Cli.Progress;

namespace TranscriptKit.Cli.Commands;

/// <summary><c>transcriptkit transcribe &lt;file|url&gt; --vendor id</c>: upload or submit, wait, print the transcript.</summary>
internal static class TranscribeCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("file|url") { Description = "A local media file, or an http(s) URL the vendor downloads itself." };
        var vendor = VendorListOption.Create();
        var language = CommonOptions.Language();
        var format = CommonOptions.Format();
        var output = CommonOptions.OutputFile();
        var timeout = CommonOptions.Timeout();
        var drift = new Option<bool>("--drift") { Description = "Also compare every vendor response with the spec and print the differences (unknown or missing fields, types, enum values, status codes) to stderr." };
        var yes = CostCheck.Yes();
        var confirmAbove = CostCheck.ConfirmAbove();
        var connection = new CommonOptions.Connection();

        var command = new Command("transcribe", "Transcribe a file or URL and print the result (text, SRT, WebVTT or JSON).");
        command.Arguments.Add(input);
        command.Options.Add(vendor);
        command.Options.Add(language);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(timeout);
        command.Options.Add(drift);
        command.Options.Add(yes);
        command.Options.Add(confirmAbove);
        connection.AddTo(command);
        command.SetAction((result, cancellationToken) => RunAsync(
            new Arguments(
                result.GetRequiredValue(input),
                result.GetRequiredValue(vendor),
                result.GetValue(language),
                result.GetValue(format),
                result.GetValue(output),
                result.GetValue(timeout),
                connection.Read(result),
                result.GetValue(drift),
                result.GetValue(yes),
                result.GetValue(confirmAbove) ?? CostCheck.DefaultThreshold),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        var request = CreateRequest(args.Input) with { Language = string.IsNullOrWhiteSpace(args.Language) ? null : args.Language.Trim() };
        JobRunner.EnsureOutputWritable(args.Output);

        var connections = new List<VendorConnection>();
        await using var closing = new AsyncDisposables(connections);
        foreach (var vendor in args.Vendors)
        {
            connections.Add(await VendorConnection.OpenAsync(vendor, args.Connection, MediaDirectories(request), Console.Error, cancellationToken).ConfigureAwait(false));
        }

        var drift = args.Drift ? new DriftReport() : null;
        try
        {
            return await TranscribeAsync(args, request, connections, drift, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Printed on failure too: an answer the spec did not foresee is often why the run failed.
            if (drift is not null)
            {
                await Console.Error.WriteLineAsync("Drift: " + drift.ToSummary()).ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> TranscribeAsync(Arguments args, TranscriptionRequest request, List<VendorConnection> connections, DriftReport? drift, CancellationToken cancellationToken)
    {
        var transcribers = connections.Select(c =>
        {
            var options = c.CreateTranscriberOptions(args.Timeout);
            options.Drift = drift;
            return Transcribers.Create(c.Vendor, c.Settings, options);
        }).ToList();
        var connection = connections[0];
        ITranscriber transcriber = transcribers.Count == 1 ? transcribers[0] : new TranscriptionRouter(transcribers);
        request = request with { Timestamps = OutputFormats.Timestamps(args.Format, transcriber.Capabilities) };
        if (!await CostCheck.ConfirmAsync(transcriber, request, args.Yes, args.ConfirmAbove, cancellationToken).ConfigureAwait(false))
        {
            return ExitCodes.Declined;
        }

        var display = ProgressDisplay.Create();
        if (transcriber is TranscriptionRouter router)
        {
            return await RouteAsync(router, request, connections, display, args, cancellationToken).ConfigureAwait(false);
        }

        Transcript transcript;
        if (transcriber.Capabilities.ResumableJobs)
        {
            var job = await display.RunAsync($"{connection.Vendor}: {request.Describe()}", p => transcriber.StartAsync(request, p, cancellationToken)).ConfigureAwait(false);
            var resume = $"transcriptkit resume {job.ToToken()}";
            await Console.Error.WriteLineAsync(connection.IsSandbox
                ? $"Job accepted: resume with `{resume}` (the built-in sandbox stops with this process, so only a real vendor's jobs outlive it)."
                : $"Job accepted: resume with `{resume}`").ConfigureAwait(false);
            var (waited, exitCode) = await JobRunner.WaitAsync(transcriber, job, display, cancellationToken).ConfigureAwait(false);
            if (waited is null)
            {
                return exitCode;
            }

            transcript = waited;
        }
        else
        {
            transcript = await TranscribeOnceAsync(transcriber, request, display, args.Timeout, cancellationToken).ConfigureAwait(false);
        }

        await ResultWriter.WriteAsync(OutputFormats.Render(transcript, args.Format), args.Output, OutputFormats.Name(args.Format), cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>Vendors without jobs (Soscripted) answer in one call; --timeout bounds that call.</summary>
    private static async Task<int> RouteAsync(TranscriptionRouter router, TranscriptionRequest request, IReadOnlyList<VendorConnection> connections, IProgressDisplay display, Arguments args, CancellationToken cancellationToken)
    {
        Transcript transcript;
        if (router.Capabilities.ResumableJobs && connections.All(c => Transcribers.Registry.Get(c.Vendor).Capabilities.ResumableJobs))
        {
            var started = await display.RunAsync($"{string.Join(",", router.Vendors)}: {request.Describe()}", p => router.StartRoutedAsync(request, p, cancellationToken)).ConfigureAwait(false);
            await WriteAttemptsAsync(started.Attempts).ConfigureAwait(false);
            var resume = $"transcriptkit resume {started.Job.ToToken()}";
            await Console.Error.WriteLineAsync(connections.First(c => c.Vendor == started.Job.Vendor).IsSandbox
                ? $"Job accepted by {started.Job.Vendor}: resume with `{resume}` (the built-in sandbox stops with this process, so only a real vendor's jobs outlive it)."
                : $"Job accepted by {started.Job.Vendor}: resume with `{resume}`").ConfigureAwait(false);
            var (waited, exitCode) = await JobRunner.WaitAsync(router, started.Job, display, cancellationToken).ConfigureAwait(false);
            if (waited is null)
            {
                return exitCode;
            }

            transcript = waited;
        }
        else
        {
            // A vendor without resumable jobs has only the one call: the router still falls back only before it is accepted.
            var routed = await display.RunAsync($"{string.Join(",", router.Vendors)}: {request.Describe()}", p => router.TranscribeRoutedAsync(request, p, cancellationToken)).ConfigureAwait(false);
            await WriteAttemptsAsync(routed.Attempts).ConfigureAwait(false);
            transcript = routed.Transcript;
        }

        await ResultWriter.WriteAsync(OutputFormats.Render(transcript, args.Format), args.Output, OutputFormats.Name(args.Format), cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static async Task WriteAttemptsAsync(IReadOnlyList<RouteAttempt> attempts)
    {
        foreach (var attempt in attempts.Where(a => a.Outcome != RouteAttemptOutcome.Accepted))
        {
            await Console.Error.WriteLineAsync($"{attempt.Outcome} {attempt.Vendor}: {attempt.Reason}").ConfigureAwait(false);
        }

        if (attempts.LastOrDefault(a => a.Outcome == RouteAttemptOutcome.Accepted) is { } served)
        {
            await Console.Error.WriteLineAsync($"Served by {served.Vendor} ({served.Reason}).").ConfigureAwait(false);
        }
    }

    private static async Task<Transcript> TranscribeOnceAsync(ITranscriber transcriber, TranscriptionRequest request, IProgressDisplay display, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } after)
        {
            limit.CancelAfter(after);
        }

        try
        {
            return await display.RunAsync($"{transcriber.Vendor}: {request.Describe()}", p => transcriber.TranscribeAsync(request, p, limit.Token)).ConfigureAwait(false);
        }
        catch (TranscriptionSubmissionUnknownException e) when (e.Cancelled && !cancellationToken.IsCancellationRequested && limit.IsCancellationRequested)
        {
            // --timeout cut a call that was already sent: the vendor may have charged for it, so this is a lost submit (exit 4), not a plain timeout.
            var elapsed = new TranscriptKitTimeoutException(
                transcriber.Vendor, $"no answer within --timeout {timeout!.Value.TotalSeconds:0.#} s", job: null, timeout.Value, e.InnerException);
            throw new TranscriptionSubmissionUnknownException(transcriber.Vendor, e.Message, e.Job, e.HowToCheck, elapsed);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && limit.IsCancellationRequested)
        {
            throw new TranscriptKitTimeoutException(
                transcriber.Vendor,
                $"{VendorConnection.DisplayName(transcriber.Vendor)} did not finish within --timeout {timeout!.Value.TotalSeconds:0.#} s, before anything was sent.",
                job: null,
                timeout.Value,
                e);
        }
    }

    internal static TranscriptionRequest CreateRequest(string input)
    {
        if (Uri.TryCreate(input, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return TranscriptionRequest.FromUrl(url);
        }

        if (input.Contains("://", StringComparison.Ordinal))
        {
            throw new UsageException($"'{input}' is not an http(s) URL; give a local file or an http(s) URL.");
        }

        try
        {
            return TranscriptionRequest.FromFile(input);
        }
        catch (FileNotFoundException)
        {
            throw new UsageException($"No such file: {input}");
        }
        catch (Exception e) when (e is ArgumentException or UnauthorizedAccessException)
        {
            // A folder, FIFO, device or empty file, or one that cannot be read: the facade's message names it.
            throw new UsageException(ErrorReporter.Message(e), e);
        }
        catch (Exception e) when (e is IOException or NotSupportedException)
        {
            throw new UsageException($"Cannot read '{input}': {e.Message}", e);
        }
    }

    /// <summary>The built-in sandbox recognises sample media by content (files) or file name (URLs) in these folders.</summary>
    internal static IEnumerable<string> MediaDirectories(TranscriptionRequest request)
    {
        if (request.FilePath is { } path && Path.GetDirectoryName(path) is { } directory)
        {
            yield return directory;
        }

        yield return Environment.CurrentDirectory;
        yield return Path.Combine(Environment.CurrentDirectory, "samples");
    }

    /// <summary>Closes every vendor connection (and its sandbox) opened for one command.</summary>
    private sealed class AsyncDisposables(List<VendorConnection> connections) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private sealed record Arguments(
        string Input,
        IReadOnlyList<string> Vendors,
        string? Language,
        OutputFormat Format,
        FileInfo? Output,
        TimeSpan? Timeout,
        ConnectionArguments Connection,
        bool Drift,
        bool Yes,
        TimeSpan ConfirmAbove);
}
