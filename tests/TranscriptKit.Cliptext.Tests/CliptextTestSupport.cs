using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Cliptext.Tests;

/// <summary>Builds clients on the in-memory transport and a fake clock.</summary>
internal static class TestClients
{
    public const string ApiKey = "test-key";

    public static readonly Uri Endpoint = new("https://api.cliptext.ai/v1");

    /// <summary>Retries off, so a test about something else never waits on a backoff.</summary>
    public static readonly RetryOptions NoRetries = new() { MaxRetries = 0 };

    public static CliptextClientOptions Options(FakeTimeProvider time, RetryOptions? retry = null, Uri? endpoint = null) => new()
    {
        ApiKey = ApiKey,
        Endpoint = endpoint ?? Endpoint,
        TimeProvider = time,
        Retry = retry ?? NoRetries,
    };

    public static CliptextClient Create(HttpMessageHandler handler, FakeTimeProvider time, RetryOptions? retry = null, Uri? endpoint = null) =>
        new(new HttpClient(handler), Options(time, retry, endpoint));
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

/// <summary>Builds canned responses for <see cref="StubHandler"/> fallbacks and custom handlers.</summary>
internal static class Responses
{
    public static HttpResponseMessage Json(HttpStatusCode status, string body, Action<HttpResponseMessage>? configure = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        configure?.Invoke(response);
        return response;
    }

    public static HttpResponseMessage Json(string body) => Json(HttpStatusCode.OK, body);

    /// <summary>A Transcription in the documented generic shape, with the given status (text only once completed).</summary>
    public static string Transcription(string status, string id = CliptextDocExamples.TranscriptionId) =>
        $$"""{ "id": "{{id}}", "status": "{{status}}", "text": null, "duration": 45.2, "created_at": "2026-01-15T10:30:00Z"}""";
}
