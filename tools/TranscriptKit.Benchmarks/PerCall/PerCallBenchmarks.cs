using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using TranscriptKit.Benchmarks.PerCall.Floor;
using TranscriptKit.Benchmarks.PerCall.Kiota;
using TranscriptKit.Subclip;
using TranscriptKit.Benchmarks.KiotaPeer.Subclip;
using K = TranscriptKit.Benchmarks.KiotaPeer.Subclip.Models;
using N = NSwagGenerated.Subclip;

namespace TranscriptKit.Benchmarks.PerCall;

/// <summary>
/// One call's overhead with no network: Subclip's <c>getJob</c> (GET, path parameter: the poll), <c>createJob</c>
/// (POST, JSON body) and <c>getJob</c> answered 401 (the error path), each through TranscriptKit's generated client,
/// the floor (HttpClient + source-generated System.Text.Json), NSwag's client (generated from specs/subclip.yaml at build
/// time) and a Kiota-style client on HttpClientRequestAdapter. Every peer replays the same recorded responses.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerCallConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PerCallBenchmarks
{
    private const string BaseUrl = "https://www.subclip.app/api/v1";
    private const string ApiKey = "sk-benchmark";
    private const string ProjectId = "stproj_...";

    private readonly Peers _get = new(Resources.Cassette("subclip", "get-job-completed-json"));
    private readonly Peers _post = new(Resources.Cassette("subclip", "create-job"));
    private readonly Peers _error = new(Resources.Cassette("subclip", "get-job-401-unauthorized"));

    // The docs' createJob request, as each peer's model.
    private static readonly CreateJobRequest s_tkBody = new() { Url = "https://www.tiktok.com/@creator/video/...", Platform = Platform.Tiktok, Language = LanguageCode.En, Format = TranscriptFormat.Srt, IncludeWordTimestamps = true };
    private static readonly FloorCreateJobRequest s_floorBody = new("https://www.tiktok.com/@creator/video/...", null, "tiktok", "en", "srt", true);
    private static readonly N.CreateJobRequest s_nswagBody = new() { Url = "https://www.tiktok.com/@creator/video/...", Platform = N.Platform.Tiktok, Language = N.LanguageCode.En, Format = N.TranscriptFormat.Srt, IncludeWordTimestamps = true };
    private static readonly K.CreateJobRequest s_kiotaBody = new() { Url = "https://www.tiktok.com/@creator/video/...", Platform = K.Platform.Tiktok, Language = K.LanguageCode.En, Format = K.TranscriptFormat.Srt, IncludeWordTimestamps = true };

    // A token that can cancel but never does, as an ASP.NET request's: HttpClient links it with its own on every call.
    private static readonly System.Threading.CancellationTokenSource s_callersToken = new();

    [GlobalSetup]
    public void Setup()
    {
        // Not timed: each peer sends what the recording shows and reads what it answers, or the run stops here.
        _get.Check(p => p.TranscriptKit.GetJobAsync(ProjectId), r => r.Transcript!.Segments![0].Words![0].Word == "First");
        _get.Check(p => p.TranscriptKitUntimed.GetJobAsync(ProjectId), r => r.Transcript!.Segments![0].Words![0].Word == "First");
        _get.Check(p => p.Floor.GetJobAsync(ProjectId), r => r.Transcript!.Segments![0].Words![0].Word == "First");
        _get.Check(p => p.NSwag.GetJobAsync(ProjectId), r => System.Linq.Enumerable.First(System.Linq.Enumerable.First(r.Transcript.Segments).Words).Word == "First");
        _get.Check(p => p.Kiota.SocialTranscripts.Jobs[ProjectId].GetAsync(), r => r!.Transcript!.Segments![0].Words![0].Word == "First");

        _post.Check(p => p.TranscriptKit.CreateJobAsync(s_tkBody), r => r.ProjectId == ProjectId && r.EstimatedCredits == 9);
        _post.Check(p => p.TranscriptKitUntimed.CreateJobAsync(s_tkBody), r => r.ProjectId == ProjectId && r.EstimatedCredits == 9);
        _post.Check(p => p.Floor.CreateJobAsync(s_floorBody), r => r.ProjectId == ProjectId && r.EstimatedCredits == 9);
        _post.Check(p => p.NSwag.CreateJobAsync(s_nswagBody), r => r.ProjectId == ProjectId && r.EstimatedCredits == 9, nswagBodyQuirk: true);
        _post.Check(p => p.Kiota.SocialTranscripts.Jobs.PostAsync(s_kiotaBody), r => r!.ProjectId == ProjectId && r.EstimatedCredits == 9);

        _error.CheckThrows<TranscriptKitAuthenticationException>(p => p.TranscriptKit.GetJobAsync(ProjectId), e => e.Message.Contains("revoked", StringComparison.Ordinal));
        _error.CheckThrows<TranscriptKitAuthenticationException>(p => p.TranscriptKitUntimed.GetJobAsync(ProjectId), e => e.Message.Contains("revoked", StringComparison.Ordinal));
        _error.CheckThrows<FloorApiException>(p => p.Floor.GetJobAsync(ProjectId), e => e.VendorMessage!.Contains("revoked", StringComparison.Ordinal));
        _error.CheckThrows<N.ApiException<N.ErrorBody>>(p => p.NSwag.GetJobAsync(ProjectId), e => e.Result.Error.Contains("revoked", StringComparison.Ordinal));
        _error.CheckThrows<K.ErrorBody>(p => p.Kiota.SocialTranscripts.Jobs[ProjectId].GetAsync(), e => e.Error!.Contains("revoked", StringComparison.Ordinal));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _get.Dispose();
        _post.Dispose();
        _error.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Floor")]
    [BenchmarkCategory("GET poll")]
    public Task<FloorJobStatusResult> Get_Floor() => _get.Floor.GetJobAsync(ProjectId);

    [Benchmark(Description = "TranscriptKit")]
    [BenchmarkCategory("GET poll")]
    public Task<JobStatusResult> Get_TranscriptKit() => _get.TranscriptKit.GetJobAsync(ProjectId);

    [Benchmark(Description = "TranscriptKit, no attempt timeout")]
    [BenchmarkCategory("GET poll")]
    public Task<JobStatusResult> Get_TranscriptKitUntimed() => _get.TranscriptKitUntimed.GetJobAsync(ProjectId);

    [Benchmark(Description = "NSwag")]
    [BenchmarkCategory("GET poll")]
    public Task<N.JobStatusResult> Get_NSwag() => _get.NSwag.GetJobAsync(ProjectId);

    [Benchmark(Description = "Kiota")]
    [BenchmarkCategory("GET poll")]
    public Task<K.JobStatusResult?> Get_Kiota() => _get.Kiota.SocialTranscripts.Jobs[ProjectId].GetAsync();

    [Benchmark(Baseline = true, Description = "Floor")]
    [BenchmarkCategory("POST JSON")]
    public Task<FloorCreateJobResult> Post_Floor() => _post.Floor.CreateJobAsync(s_floorBody);

    [Benchmark(Description = "TranscriptKit")]
    [BenchmarkCategory("POST JSON")]
    public Task<CreateJobResult> Post_TranscriptKit() => _post.TranscriptKit.CreateJobAsync(s_tkBody);

    [Benchmark(Description = "TranscriptKit, no attempt timeout")]
    [BenchmarkCategory("POST JSON")]
    public Task<CreateJobResult> Post_TranscriptKitUntimed() => _post.TranscriptKitUntimed.CreateJobAsync(s_tkBody);

    [Benchmark(Description = "Floor, caller's token")]
    [BenchmarkCategory("POST JSON")]
    public Task<FloorCreateJobResult> Post_FloorWithToken() => _post.Floor.CreateJobAsync(s_floorBody, s_callersToken.Token);

    [Benchmark(Description = "TranscriptKit, caller's token")]
    [BenchmarkCategory("POST JSON")]
    public Task<CreateJobResult> Post_TranscriptKitWithToken() => _post.TranscriptKit.CreateJobAsync(s_tkBody, s_callersToken.Token);

    [Benchmark(Description = "NSwag")]
    [BenchmarkCategory("POST JSON")]
    public Task<N.CreateJobResult> Post_NSwag() => _post.NSwag.CreateJobAsync(s_nswagBody);

    [Benchmark(Description = "Kiota")]
    [BenchmarkCategory("POST JSON")]
    public Task<K.CreateJobResult?> Post_Kiota() => _post.Kiota.SocialTranscripts.Jobs.PostAsync(s_kiotaBody);

    [Benchmark(Baseline = true, Description = "Floor")]
    [BenchmarkCategory("Error 401")]
    public Task<Exception> Error_Floor() => Catch(_error.Floor.GetJobAsync(ProjectId));

    [Benchmark(Description = "TranscriptKit")]
    [BenchmarkCategory("Error 401")]
    public Task<Exception> Error_TranscriptKit() => Catch(_error.TranscriptKit.GetJobAsync(ProjectId));

    [Benchmark(Description = "TranscriptKit, no attempt timeout")]
    [BenchmarkCategory("Error 401")]
    public Task<Exception> Error_TranscriptKitUntimed() => Catch(_error.TranscriptKitUntimed.GetJobAsync(ProjectId));

    [Benchmark(Description = "NSwag")]
    [BenchmarkCategory("Error 401")]
    public Task<Exception> Error_NSwag() => Catch(_error.NSwag.GetJobAsync(ProjectId));

    [Benchmark(Description = "Kiota")]
    [BenchmarkCategory("Error 401")]
    public Task<Exception> Error_Kiota() => Catch(_error.Kiota.SocialTranscripts.Jobs[ProjectId].GetAsync());

    private static async Task<Exception> Catch(Task call)
    {
        try
        {
            await call.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return ex;
        }

        throw new InvalidOperationException("The error response did not throw.");
    }

    /// <summary>The four clients of one scenario, each on its own in-memory handler replaying the same recording.</summary>
    private sealed class Peers : IDisposable
    {
        private readonly InMemoryHandler _handler;
        private readonly HttpClient _http;
        private readonly HttpClient _kiotaHttp;

        public Peers(Exchange exchange)
        {
            _handler = new InMemoryHandler(exchange);
            _http = new HttpClient(_handler, disposeHandler: false) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

            // Each client as its users would build it: TranscriptKit on a caller's HttpClient; the floor and NSwag on a
            // bare HttpClient; Kiota on its default middleware (KiotaClientFactory), as a generated client is.
            TranscriptKit = new SubclipClient(_http, new SubclipClientOptions { ApiKey = ApiKey, Endpoint = new Uri(BaseUrl) });

            // The same client without the per-attempt timeout (hardening: one timer over request, headers and body),
            // so its cost per call shows on its own line.
            TranscriptKitUntimed = new SubclipClient(_http, new SubclipClientOptions { ApiKey = ApiKey, Endpoint = new Uri(BaseUrl), RequestTimeout = System.Threading.Timeout.InfiniteTimeSpan });
            Floor = new FloorSubclipClient(_http, BaseUrl, ApiKey);
            NSwag = new N.SubclipNSwagClient(_http) { BaseUrl = BaseUrl, Authorization = new AuthenticationHeaderValue("Bearer", ApiKey) };
            _kiotaHttp = KiotaClientFactory.Create(_handler);
            var adapter = new HttpClientRequestAdapter(new BaseBearerTokenAuthenticationProvider(new StaticAccessTokenProvider(ApiKey)), httpClient: _kiotaHttp) { BaseUrl = BaseUrl };
            Kiota = new SubclipKiotaClient(adapter);
        }

        public SubclipClient TranscriptKit { get; }

        public SubclipClient TranscriptKitUntimed { get; }

        public FloorSubclipClient Floor { get; }

        public N.SubclipNSwagClient NSwag { get; }

        public SubclipKiotaClient Kiota { get; }

        public void Check<T>(Func<Peers, Task<T>> call, Func<T, bool> parsed, bool nswagBodyQuirk = false)
        {
            string? path = null, body = null, authorization = null;
            _handler.Capture = (request, text) => (path, body, authorization) = (request.RequestUri!.AbsolutePath, text, request.Headers.Authorization?.ToString());
            T result;
            try
            {
                result = call(this).GetAwaiter().GetResult();
            }
            finally
            {
                _handler.Capture = null;
            }

            var expected = _handler.Exchange;
            Require(path == expected.Path, $"path {path}, recorded {expected.Path}");
            Require(authorization == "Bearer " + ApiKey, $"authorization '{authorization}'");
            if (expected.RequestBody is not null && !nswagBodyQuirk)
            {
                Require(JsonNode.DeepEquals(JsonNode.Parse(body!), JsonNode.Parse(expected.RequestBody)), $"body {body}, recorded {expected.RequestBody}");
            }

            Require(parsed(result), $"response to {typeof(T).Name} not parsed as recorded");
        }

        public void CheckThrows<TException>(Func<Peers, Task> call, Func<TException, bool> parsed)
            where TException : Exception
        {
            try
            {
                call(this).GetAwaiter().GetResult();
            }
            catch (TException ex)
            {
                Require(parsed(ex), $"{typeof(TException).Name} without the vendor's message");
                return;
            }

            throw new InvalidOperationException($"expected {typeof(TException).Name}");
        }

        public void Dispose()
        {
            TranscriptKit.Dispose();
            _http.Dispose();
            _kiotaHttp.Dispose();
            _handler.Dispose();
        }

        private static void Require(bool condition, string what)
        {
            if (!condition)
            {
                throw new InvalidOperationException("Per-call setup check failed: " + what);
            }
        }
    }
}
