using System;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using BenchmarkDotNet.Attributes;
using TranscriptKit.Subclip;

namespace TranscriptKit.Benchmarks.PerCall;

/// <summary>
/// What the per-call POST does that the floor does not, each on its own: the pieces a user gets from TranscriptKit on
/// every job request (Subclip's job check before a credit is spent, the identifying <c>User-Agent</c> and an explicit
/// <c>Accept</c>, the operation id that users' handlers read from <see cref="HttpRequestMessage.Options"/>), against
/// the bare request message the floor builds. The per-attempt timeout has its own line in <see cref="PerCallBenchmarks"/>;
/// its two parts are measured here.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerCallConfig))]
public class FeatureCostBenchmarks
{
    private const string JobUrl = "https://www.tiktok.com/@creator/video/...";
    private static readonly Uri s_endpoint = new("https://www.subclip.app/api/v1/social-transcripts/jobs");
    private static readonly HttpRequestOptionsKey<string> s_operationId = TranscriptKitRequestOptions.OperationId;
    private static readonly CreateJobRequest s_job = new() { Url = JobUrl, Platform = Platform.Tiktok, Language = LanguageCode.En };

    // The generated client's check itself (a private partial method), so the line measures the code that ships.
    private static readonly Action<CreateJobRequest> s_validateCreateJob =
        (typeof(SubclipClient).GetMethod("ValidateCreateJob", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("SubclipClient.ValidateCreateJob is gone: the job check line measures it."))
        .CreateDelegate<Action<CreateJobRequest>>(new SubclipClient(new SubclipClientOptions { ApiKey = "sk-benchmark" }));

    // The per-attempt timeout's two parts: the attempt's own timer (its token source is reused from call to call once
    // TryReset accepts it, as ClientPipeline does), and the linked source HttpClient makes for any cancellable token.
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(100);
    private static readonly CancellationTokenSource s_attempt = new();
    private static readonly CancellationTokenSource s_callers = new();
    private static readonly CancellationTokenSource s_pendingRequests = new();

    [Benchmark(Baseline = true, Description = "request message, as the floor builds it")]
    public HttpRequestMessage Bare() => new(HttpMethod.Post, s_endpoint);

    [Benchmark(Description = "+ User-Agent and Accept")]
    public HttpRequestMessage Headers()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, s_endpoint);
        request.Headers.TryAddWithoutValidation("User-Agent", "TranscriptKit/0.13.0");
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        return request;
    }

    [Benchmark(Description = "+ operation id in Options")]
    public HttpRequestMessage OperationId()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, s_endpoint);
        request.Options.Set(s_operationId, "createJob");
        return request;
    }

    [Benchmark(Description = "Subclip's job check, as the client runs it (the URL read from its text)")]
    public void JobCheck() => s_validateCreateJob(s_job);

    [Benchmark(Description = "Subclip's URL check through Uri (before 2026-11-28, stop 22)")]
    public bool UrlCheckThroughUri() => Uri.TryCreate(JobUrl, UriKind.Absolute, out var url) && SubclipClient.RecognisesPlatform(url);

    [Benchmark(Description = "per-attempt timer: arm a reused token source for 100 s, then reset it")]
    public bool AttemptTimer()
    {
        s_attempt.CancelAfter(s_timeout);
        return s_attempt.TryReset();
    }

    [Benchmark(Description = "HttpClient's linked source for a cancellable token (the floor pays it when given one)")]
    public bool HttpClientLinkedSource()
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(s_callers.Token, s_pendingRequests.Token);
        return linked.Token.CanBeCanceled;
    }
}
