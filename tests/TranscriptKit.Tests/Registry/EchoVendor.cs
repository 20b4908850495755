using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Tests.Registry;

/// <summary>
/// A vendor that lives only in this test assembly: a hand-made definition, a one-call client and an adapter on the
/// public <see cref="TranscriberBase"/>, to prove a vendor outside the repository's packages joins the facade.
/// </summary>
internal static class EchoVendor
{
    public const string Id = "echo-test";

    public static VendorDefinition Definition => Registration.Definition;

    public static TranscriptionVendor Registration { get; } = Create(Id);

    /// <summary>A fresh vendor under <paramref name="id"/>, for a container that must not see the process-wide registration.</summary>
    public static TranscriptionVendor Create(string id)
    {
        var definition = Define(id);
        return new(definition, EchoTranscriber.Known, (client, options) => new EchoTranscriber((EchoClient)client, options, definition));
    }

    private static VendorDefinition Define(string id) => new(
        id,
        "Echo Test",
        new Uri("http://127.0.0.1:9/echo/"),
        new VendorCredentials(CredentialScheme.Bearer, "Authorization"),
        [new VendorOperation("transcribe", "POST", "/transcribe", Idempotent: false, StartsPaidJob: true, Timeout: null, MethodName: "TranscribeAsync")],
        [],
        new VendorLimits { FileExtensions = [".wav"] },
        static (apiKey, _) => new EchoClientOptions { ApiKey = apiKey },
        static (options, httpClient) => new EchoClient((EchoClientOptions)options, httpClient ?? new HttpClient()));

    // Transcribers.Registry is process-wide: register once, whichever test gets here first.
    public static void EnsureRegistered()
    {
        lock (Registration)
        {
            if (!Transcribers.Registry.TryGet(Id, out _))
            {
                Transcribers.Register(Registration);
            }
        }
    }
}

internal sealed class EchoClientOptions() : TranscriptKitClientOptions(new Uri("http://127.0.0.1:9/echo/"))
{
    public string? ApiKey { get; set; }
}

internal sealed class EchoClient(EchoClientOptions options, HttpClient http) : IDisposable
{
    public EchoClientOptions Options { get; } = options;

    public async Task<string> TranscribeAsync(string url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Options.Endpoint, "transcribe")) { Content = new StringContent(url) };
        request.Headers.Authorization = new("Bearer", Options.ApiKey);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
    }
}

internal sealed class EchoTranscriber(EchoClient client, TranscriberOptions? options, VendorDefinition definition) : TranscriberBase(definition, options)
{
    public static TranscriberCapabilities Known { get; } = new()
    {
        AcceptsFiles = false,
        AcceptsUrls = true,
        Timings = false,
        WordTimestamps = false,
        AcceptsLanguage = false,
        ReportsProgress = false,
        ResumableJobs = false,
    };

    public EchoClient Client => client;

    public override TranscriberCapabilities Capabilities => Known;

    protected override string HowToCheckSubmission => "nowhere (a test vendor)";

    protected override async Task<Transcript> TranscribeCoreAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress, Activity? activity, CancellationToken cancellationToken)
    {
        var text = await SubmitAsync(ct => client.TranscribeAsync(request.Url!.AbsoluteUri, ct), knownJob: null, cancellationToken).ConfigureAwait(false);
        return new Transcript(Vendor, jobId: null, text, [], duration: null);
    }
}
