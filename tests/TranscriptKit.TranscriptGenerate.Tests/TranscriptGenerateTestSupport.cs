using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.TranscriptGenerate.Tests;

/// <summary>Builds clients on the in-memory transport and a fake clock, with the docs' example key and secret.</summary>
internal static class TestClients
{
    public const string ApiKey = TranscriptGenerateDocExamples.ApiKey;

    public const string ApiSecret = TranscriptGenerateDocExamples.ApiSecret;

    public const string Vendor = "transcriptgenerate";

    public const string BaseUrl = "https://api.transcriptgenerate.com/open-gateway";

    public static readonly Uri Endpoint = new(BaseUrl);

    /// <summary>Retries off, so a test about something else never waits on a backoff.</summary>
    public static readonly RetryOptions NoRetries = new() { MaxRetries = 0 };

    public static TranscriptGenerateClientOptions Options(FakeTimeProvider time, RetryOptions? retry = null, Uri? endpoint = null) => new()
    {
        ApiKey = ApiKey,
        ApiSecret = ApiSecret,
        Endpoint = endpoint ?? Endpoint,
        TimeProvider = time,
        Retry = retry ?? NoRetries,
    };

    public static TranscriptGenerateClient Create(HttpMessageHandler handler, FakeTimeProvider time, RetryOptions? retry = null, Uri? endpoint = null) =>
        new(new HttpClient(handler), Options(time, retry, endpoint));

    public static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    /// <summary>Neither credential appears in the exception's message, its ToString (with inner exceptions) or its vendor message.</summary>
    public static void AssertNoCredentials(Exception error)
    {
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Not.Contain(ApiKey).And.Not.Contain(ApiSecret));
            Assert.That(error.ToString(), Does.Not.Contain(ApiKey).And.Not.Contain(ApiSecret));
            if (error is TranscriptKitException vendorError)
            {
                Assert.That(vendorError.VendorMessage ?? string.Empty, Does.Not.Contain(ApiKey).And.Not.Contain(ApiSecret));
            }
        });
    }
}

/// <summary>Records each request, then never answers it: the call only ends when its cancellation token fires.</summary>
internal sealed class HangingHandler : HttpMessageHandler
{
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_requests)
            {
                return _requests.Count;
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        lock (_requests)
        {
            _requests.Add(new RecordedRequest(request.Method, request.RequestUri!, request.Headers.ToString(), request.Content?.Headers.ContentType?.ToString(), body, request));
        }

        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }
}

/// <summary>Waits for work running on other threads without real time passing: only yields, a bounded number of times.</summary>
internal static class Eventually
{
    private const int MaxYields = 200_000;

    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < MaxYields; i++)
        {
            if (condition())
            {
                // Let the code under test finish the synchronous part it is in (for example arming its next timer).
                for (var j = 0; j < 20; j++)
                {
                    await Task.Yield();
                }

                return;
            }

            await Task.Yield();
        }

        Assert.Fail($"Timed out (without real time passing) waiting for {what}.");
    }

    public static int Count(StubHandler handler)
    {
        lock (handler.Requests)
        {
            return handler.Requests.Count;
        }
    }

    public static Task RequestsAsync(StubHandler handler, int count) =>
        WaitUntilAsync(() => Count(handler) >= count, $"{count} request(s) (saw {Count(handler)})");

    public static Task RequestsAsync(HangingHandler handler, int count) =>
        WaitUntilAsync(() => handler.Count >= count, $"{count} request(s) (saw {handler.Count})");

    /// <summary>Yields a while, so that anything that was going to happen without the clock moving has happened.</summary>
    public static async Task SettleAsync()
    {
        for (var i = 0; i < 500; i++)
        {
            await Task.Yield();
        }
    }
}

/// <summary>A synchronous <see cref="IProgress{T}"/> (unlike <see cref="Progress{T}"/>, which posts to the thread pool).</summary>
internal sealed class RecordingProgress<T> : IProgress<T>
{
    private readonly List<T> _reports = [];

    public IReadOnlyList<T> Reports
    {
        get
        {
            lock (_reports)
            {
                return _reports.ToArray();
            }
        }
    }

    public void Report(T value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }
    }
}
