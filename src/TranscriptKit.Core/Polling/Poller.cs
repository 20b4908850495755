using System;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Runtime;

/// <summary>
/// The one polling engine behind every generated <c>WaitFor…Async</c>: first request at once, then a growing
/// interval up to a cap, an overall timeout, progress after each response, and cancellation that ends the wait
/// at once. Time comes from a <see cref="TimeProvider"/>, so tests run on a fake clock.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Poller
{
    /// <summary>Polls until <paramref name="classify"/> says the job succeeded or failed, or the timeout passes.</summary>
    /// <typeparam name="T">The status response model.</typeparam>
    /// <param name="job">The job being awaited; carried by timeout and failure errors so callers can resume.</param>
    /// <param name="poll">Sends one status request.</param>
    /// <param name="classify">Reads the job's state from one status response.</param>
    /// <param name="options">Intervals and timeout.</param>
    /// <param name="progress">Receives a report after each status response.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="cancellationToken">Ends the wait at once.</param>
    /// <returns>The status response that said the job succeeded.</returns>
    public static async Task<T> WaitAsync<T>(
        JobToken job,
        Func<CancellationToken, Task<T>> poll,
        Func<T, PollOutcome> classify,
        PollingOptions options,
        IProgress<PollProgress<T>>? progress,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(poll);
        ArgumentNullException.ThrowIfNull(classify);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();

        var started = timeProvider.GetTimestamp();
        using var timeout = new CancellationTokenSource(options.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var interval = options.InitialInterval;
        var last = default(T);
        PollOutcome? lastOutcome = null;
        var scope = new PollScope();
        PollScope.Current = scope;
        var unknownInARow = 0;

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                T response;
                try
                {
                    response = await poll(linked.Token).ConfigureAwait(false);
                }
                catch (TranscriptKitException ex) when (PauseFor(ex) is { } wait)
                {
                    // The vendor said how long to wait, longer than the client retries by itself: a pause, not a
                    // failure, while the poll timeout allows it.
                    var elapsed = timeProvider.GetElapsedTime(started);
                    if (elapsed + wait >= options.Timeout)
                    {
                        throw new TranscriptKitTimeoutException(
                            job.Vendor,
                            $"{ex.Message} Waiting {wait.TotalSeconds:0.#} s would pass the {options.Timeout:g} poll timeout; resume waiting with job token {job} later rather than starting it again.",
                            job,
                            elapsed,
                            ex)
                        { OperationId = ex.OperationId };
                    }

                    progress?.Report(new PollProgress<T>(job, attempt, elapsed, lastOutcome?.State, lastOutcome?.Percent, last!) { PausedFor = wait });
                    await Task.Delay(wait, timeProvider, linked.Token).ConfigureAwait(false);
                    continue;
                }

                var outcome = classify(response);
                last = response;
                lastOutcome = outcome;
                progress?.Report(new PollProgress<T>(job, attempt, timeProvider.GetElapsedTime(started), outcome.State, outcome.Percent, response));

                switch (outcome.Kind)
                {
                    case PollOutcomeKind.Succeeded:
                        return response;
                    case PollOutcomeKind.Failed:
                        throw Failed(job, outcome, scope);
                    case PollOutcomeKind.Unknown:
                        // A state the spec does not list may be a new running state or a failure we cannot read:
                        // warn at once, allow a few answers (it may pass), then stop instead of waiting to the timeout.
                        unknownInARow++;
                        NoteUnknown(job, outcome, scope, unknownInARow, options.UnknownStatusPolls);
                        if (unknownInARow >= options.UnknownStatusPolls)
                        {
                            throw Unknown(job, outcome, scope, unknownInARow);
                        }

                        break;
                    default:
                        unknownInARow = 0;
                        break;
                }

                await Task.Delay(interval, timeProvider, linked.Token).ConfigureAwait(false);
                interval = Grow(interval, options);
            }
            catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                var elapsed = timeProvider.GetElapsedTime(started);
                throw new TranscriptKitTimeoutException(
                    job.Vendor,
                    $"The {scope.DisplayName ?? job.Vendor}{Kind(job)} job was still running after {elapsed:g}{Polled(scope)}; resume waiting with job token {job} rather than starting it again.",
                    job,
                    elapsed,
                    ex)
                { OperationId = scope.OperationId };
            }
        }
    }

    /// <summary>
    /// Sends one status request and classifies it, for <see cref="Operation{T}.UpdateStatusAsync"/>: the same
    /// scope (operation name, secret mask) and the same failure error as a whole wait.
    /// </summary>
    internal static async Task<(T Response, PollOutcome Outcome)> PollOnceAsync<T>(
        JobToken job,
        Func<CancellationToken, Task<T>> poll,
        Func<T, PollOutcome> classify,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var scope = new PollScope();
        PollScope.Current = scope;
        var response = await poll(cancellationToken).ConfigureAwait(false);
        var outcome = classify(response);
        if (outcome.Kind == PollOutcomeKind.Unknown)
        {
            // One status request cannot tell a passing state from a stuck one: report it and leave the job running.
            NoteUnknown(job, outcome, scope, 1, 1);
        }

        return outcome.Kind == PollOutcomeKind.Failed ? throw Failed(job, outcome, scope) : (response, outcome);
    }

    private static void NoteUnknown(JobToken job, PollOutcome outcome, PollScope scope, int inARow, int allowed)
    {
        if (scope.Logger is { } logger)
        {
            Log.UnknownJobStatus(logger, job.Vendor, job.Kind.Length == 0 ? "job" : job.Kind, job.Id, Raw(scope.Mask.Apply(outcome.State)), inARow, allowed, scope.OperationId, scope.Mask.Apply(outcome.FailureMessage));
        }
    }

    private static TranscriptKitUnknownJobStatusException Unknown(JobToken job, PollOutcome outcome, PollScope scope, int polls)
    {
        var state = scope.Mask.Apply(outcome.State);
        var message = scope.Mask.Apply(outcome.FailureMessage);
        return new TranscriptKitUnknownJobStatusException(
            job.Vendor,
            scope.Mask.Apply($"The {scope.DisplayName ?? job.Vendor}{Kind(job)} job reported state {Raw(state)}, which its spec does not list, in {polls} answer{(polls == 1 ? string.Empty : "s")} in a row{Polled(scope)}" +
                (message is null ? string.Empty : $"; the vendor said: {message}") +
                $". Stopped waiting rather than polling to the timeout; the job may still finish: resume waiting with job token {job} rather than starting it again."),
            job,
            state,
            message,
            polls)
        { OperationId = scope.OperationId };
    }

    private static string Raw(string? state) => state is null ? "(none: the status field was missing)" : $"'{state}'";

    private static TranscriptKitJobFailedException Failed(JobToken job, PollOutcome outcome, PollScope scope)
    {
        var failure = scope.Mask.Apply(outcome.FailureMessage);
        return new TranscriptKitJobFailedException(
            job.Vendor,
            scope.Mask.Apply($"The {scope.DisplayName ?? job.Vendor}{Kind(job)} job failed with state '{outcome.State}'{Polled(scope)}" + (failure is null ? "." : $": {failure}")),
            job,
            scope.Mask.Apply(outcome.State),
            failure)
        { OperationId = scope.OperationId };
    }

    // A tkjob1. token does not record its kind; the message then says "job" alone.
    private static string Kind(JobToken job) => job.Kind.Length == 0 ? string.Empty : " " + job.Kind;

    /// <summary>How long the vendor asked the poll to wait: a 429, or a 503 with <c>Retry-After</c>, that the retries did not absorb.</summary>
    private static TimeSpan? PauseFor(TranscriptKitException error) => error switch
    {
        TranscriptKitRateLimitException { RetryAfter: { } wait } => wait,
        TranscriptKitServerException { Status: System.Net.HttpStatusCode.ServiceUnavailable, RetryAfter: { } wait } => wait,
        _ => null,
    };

    private static string Polled(PollScope scope) => scope.OperationId is null ? string.Empty : $" (polled with {scope.OperationId})";

    private static TimeSpan Grow(TimeSpan interval, PollingOptions options)
    {
        var next = TimeSpan.FromTicks((long)Math.Min(interval.Ticks * options.BackoffFactor, options.MaxInterval.Ticks));
        return next < interval ? interval : next;
    }
}
