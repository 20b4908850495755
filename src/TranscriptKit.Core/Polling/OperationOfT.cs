using System;
using System.ComponentModel;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using TranscriptKit.Runtime;

namespace TranscriptKit;

/// <summary>
/// A long-running vendor job, shaped like Azure.Core's <c>Operation&lt;T&gt;</c>: ask for its status once
/// (<see cref="UpdateStatusAsync"/>) or wait until it ends (<see cref="WaitForCompletionAsync(CancellationToken)"/>),
/// then read <see cref="Value"/>. Save <see cref="Token"/> (its text form) to resume in another process: the generated
/// client's <c>Get…Operation(JobToken)</c> rehydrates the operation without starting the job again.
/// Generated clients make these from each <c>x-tk-poll</c> in the spec. An instance is not thread-safe.
/// </summary>
/// <typeparam name="T">The status response model; the successful one is the value.</typeparam>
public class Operation<T>
{
    private readonly Func<CancellationToken, Task<T>>? _poll;
    private readonly Func<T, PollOutcome>? _classify;
    private readonly TimeProvider _timeProvider = TimeProvider.System;
    private PollOutcome? _last;
    private T? _value;
    private bool _hasValue;
    private TranscriptKitJobFailedException? _failure;

    /// <summary>Creates the operation; called by generated clients (<c>Get…Operation</c>), not by applications.</summary>
    /// <param name="token">The job.</param>
    /// <param name="poll">Sends one status request.</param>
    /// <param name="classify">Reads the job's state from one status response.</param>
    /// <param name="defaultPolling">The spec's polling defaults.</param>
    /// <param name="timeProvider">The client's clock.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Operation(JobToken token, Func<CancellationToken, Task<T>> poll, Func<T, PollOutcome> classify, PollingOptions defaultPolling, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(poll);
        ArgumentNullException.ThrowIfNull(classify);
        ArgumentNullException.ThrowIfNull(defaultPolling);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Token = token;
        _poll = poll;
        _classify = classify;
        DefaultPolling = defaultPolling;
        _timeProvider = timeProvider;
    }

    /// <summary>For mocking in tests: a subclass overrides the members it needs.</summary>
    protected Operation()
    {
        Token = null!;
        DefaultPolling = new PollingOptions();
    }

    /// <summary>The vendor's job id.</summary>
    public virtual string Id => Token.Id;

    /// <summary>The token to save (<see cref="JobToken.ToString"/>) and resume from later, in this process or another.</summary>
    public virtual JobToken Token { get; }

    /// <summary>The polling <see cref="WaitForCompletionAsync(CancellationToken)"/> uses: the spec's defaults.</summary>
    public virtual PollingOptions DefaultPolling { get; }

    /// <summary>Whether the job has ended, successfully or not, as of the last status response.</summary>
    public virtual bool HasCompleted => _hasValue || _failure is not null;

    /// <summary>Whether the job succeeded and <see cref="Value"/> holds its final status response.</summary>
    public virtual bool HasValue => _hasValue;

    /// <summary>The state value of the last status response, when the spec names one.</summary>
    public virtual string? State => _last?.State;

    /// <summary>Progress in percent (0–100) of the last status response, when the vendor reports it.</summary>
    public virtual double? Percent => _last?.Percent;

    /// <summary>The status response that reported success.</summary>
    /// <exception cref="TranscriptKitJobFailedException">The job failed.</exception>
    /// <exception cref="InvalidOperationException">The job has not ended yet.</exception>
    public virtual T Value
    {
        get
        {
            if (_hasValue)
            {
                return _value!;
            }

            if (_failure is not null)
            {
                ExceptionDispatchInfo.Throw(_failure);
            }

            throw new InvalidOperationException($"The {Token.Vendor} job {Id} has not completed yet; call UpdateStatusAsync or WaitForCompletionAsync first.");
        }
    }

    /// <summary>
    /// Sends one status request and records the job's state. Once the job has ended it sends nothing more and
    /// returns the final response (or throws the failure again).
    /// </summary>
    /// <param name="cancellationToken">Cancels the request (the job itself keeps running at the vendor).</param>
    /// <returns>The status response.</returns>
    /// <exception cref="TranscriptKitJobFailedException">The vendor reported a failed state.</exception>
    public virtual async Task<T> UpdateStatusAsync(CancellationToken cancellationToken = default)
    {
        if (HasCompleted)
        {
            return Value;
        }

        try
        {
            var (response, outcome) = await Poller.PollOnceAsync(Token, Poll, Classify, cancellationToken).ConfigureAwait(false);
            if (outcome.Kind == PollOutcomeKind.Succeeded)
            {
                _value = response;
                _hasValue = true;
            }

            return response;
        }
        catch (TranscriptKitJobFailedException e) when (ReferenceEquals(e.Job, Token))
        {
            _failure = e;
            throw;
        }
    }

    /// <summary>Polls with <see cref="DefaultPolling"/> until the job ends.</summary>
    /// <param name="cancellationToken">Stops waiting at once (the job itself keeps running at the vendor).</param>
    /// <returns>The status response that reported success.</returns>
    /// <exception cref="TranscriptKitJobFailedException">The vendor reported a failed state.</exception>
    /// <exception cref="TranscriptKitTimeoutException">The job was still running at the timeout; its <c>Job</c> token resumes the wait.</exception>
    public virtual Task<T> WaitForCompletionAsync(CancellationToken cancellationToken = default) =>
        WaitForCompletionAsync(null, null, cancellationToken);

    /// <summary>Polls until the job ends: the first request at once, then a growing interval, up to a timeout.</summary>
    /// <param name="options">Intervals and timeout; <see langword="null"/> uses <see cref="DefaultPolling"/>.</param>
    /// <param name="progress">Receives each status response with its state and percent.</param>
    /// <param name="cancellationToken">Stops waiting at once (the job itself keeps running at the vendor).</param>
    /// <returns>The status response that reported success.</returns>
    /// <exception cref="TranscriptKitJobFailedException">The vendor reported a failed state.</exception>
    /// <exception cref="TranscriptKitTimeoutException">The job was still running at the timeout; its <c>Job</c> token resumes the wait.</exception>
    public virtual async Task<T> WaitForCompletionAsync(PollingOptions? options, IProgress<PollProgress<T>>? progress, CancellationToken cancellationToken = default)
    {
        if (HasCompleted)
        {
            return Value;
        }

        try
        {
            var response = await Poller.WaitAsync(Token, Poll, Classify, options ?? DefaultPolling, progress, _timeProvider, cancellationToken).ConfigureAwait(false);
            _value = response;
            _hasValue = true;
            return response;
        }
        catch (TranscriptKitJobFailedException e) when (ReferenceEquals(e.Job, Token))
        {
            _failure = e;
            throw;
        }
    }

    /// <summary>The token's text form and whether the job has ended.</summary>
    public override string ToString() => $"{Token} ({(HasValue ? "succeeded" : HasCompleted ? "failed" : State ?? "running")})";

    private Task<T> Poll(CancellationToken cancellationToken) =>
        _poll is null ? throw new InvalidOperationException("This operation was made for mocking; override the member you call.") : _poll(cancellationToken);

    private PollOutcome Classify(T response)
    {
        var outcome = _classify!(response);
        _last = outcome;
        return outcome;
    }
}
