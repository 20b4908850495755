using System;

namespace TranscriptKit.Reliability.Tests;

/// <summary>
/// The short, real timeouts every fault-injection flow is configured with (the sandbox is real loopback, so a fault can
/// only end by a timeout firing), and the guard that turns a flow which ignores them into a failed test.
/// </summary>
public static class ClientLimits
{
    /// <summary>One HTTP attempt, headers and body.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(2);

    /// <summary>An upload that moves no byte for this long has stalled.</summary>
    public static readonly TimeSpan UploadIdleTimeout = TimeSpan.FromSeconds(1);

    /// <summary>An event stream that sends no event for this long has gone silent.</summary>
    public static readonly TimeSpan EventIdleTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Fast retries; a Retry-After above 2 s is not waited for by the client itself.</summary>
    public static readonly RetryOptions Retry = new()
    {
        MaxRetries = 2,
        BaseDelay = TimeSpan.FromMilliseconds(20),
        MaxDelay = TimeSpan.FromMilliseconds(100),
        MaxRetryAfter = TimeSpan.FromSeconds(2),
    };

    /// <summary>Fast polling with a short overall poll timeout.</summary>
    public static readonly PollingOptions Polling = new()
    {
        InitialInterval = TimeSpan.FromMilliseconds(10),
        MaxInterval = TimeSpan.FromMilliseconds(50),
        Timeout = TimeSpan.FromSeconds(8),
    };

    /// <summary>
    /// Longer than any flow needs under the limits above (poll timeout plus a few attempts): a flow still running
    /// then has ignored its timeouts, and the test reports it as a hang. Never an assertion on duration.
    /// </summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    /// <summary>Applies the limits shared by every vendor's client options.</summary>
    public static T Apply<T>(T options, Uri endpoint)
        where T : TranscriptKitClientOptions =>
        Apply(options, endpoint, RequestTimeout, UploadIdleTimeout, EventIdleTimeout, Retry);

    /// <summary>Applies short limits to any client's options (the connection fuzzer uses its own values).</summary>
    public static T Apply<T>(T options, Uri endpoint, TimeSpan requestTimeout, TimeSpan uploadIdleTimeout, TimeSpan eventIdleTimeout, RetryOptions retry)
        where T : TranscriptKitClientOptions
    {
        options.Endpoint = endpoint;
        options.RequestTimeout = requestTimeout;
        options.UploadIdleTimeout = uploadIdleTimeout;
        options.EventIdleTimeout = eventIdleTimeout;
        options.Retry = retry;
        return options;
    }
}
