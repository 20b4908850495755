using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using TranscriptKit.Authentication;
using TranscriptKit.CaptionCat;
using TranscriptKit.Cliptext;
using TranscriptKit.Soscripted;
using TranscriptKit.Subclip;
using TranscriptKit.TranscriptGenerate;

namespace TranscriptKit;

/// <summary>Creates transcribers without dependency injection: from a vendor id and settings, or from a vendor client.</summary>
public static class Transcribers
{
    // One pooled HttpClient for transcribers created without one, as HttpClient guidance recommends; connections
    // are recycled so DNS changes are seen. Timeouts are per operation, from the specs, so the client's own is off.
    private static readonly Lazy<HttpClient> s_sharedHttpClient = new(() => new HttpClient(
        new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }, disposeHandler: false)
    {
        Timeout = Timeout.InfiniteTimeSpan,
    });

    /// <summary>Creates the transcriber for <paramref name="vendorId"/> with its credentials.</summary>
    /// <param name="vendorId">A vendor id from <see cref="VendorIds"/> (case-insensitive).</param>
    /// <param name="settings">The API key (and secret for TranscriptGenerate), and optionally another endpoint.</param>
    /// <param name="options">Polling, clock and logging; defaults when <see langword="null"/>.</param>
    /// <param name="httpClient">The <see cref="HttpClient"/> to send with (for example from <c>IHttpClientFactory</c>); a shared pooled one when <see langword="null"/>. Give it <c>Timeout = Timeout.InfiniteTimeSpan</c>.</param>
    /// <exception cref="ArgumentException">The vendor id is unknown, or a required credential is missing or not a valid HTTP header value (the message never shows it).</exception>
    public static ITranscriber Create(string vendorId, VendorSettings settings, TranscriberOptions? options = null, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var vendor = VendorIds.Normalize(vendorId);
        RequireCredentials(vendor, settings, options);
        options ??= new TranscriberOptions();
        var http = httpClient ?? s_sharedHttpClient.Value;
        return vendor switch
        {
            VendorIds.CaptionCat => new CaptionCatTranscriber(
                new CaptionCatClient(http, Configure(new CaptionCatClientOptions { ApiKey = settings.ApiKey }, settings, options)), options),
            VendorIds.Subclip => new SubclipTranscriber(
                new SubclipClient(http, Configure(new SubclipClientOptions { ApiKey = settings.ApiKey }, settings, options)), options),
            VendorIds.TranscriptGenerate => new TranscriptGenerateTranscriber(
                new TranscriptGenerateClient(http, Configure(new TranscriptGenerateClientOptions { ApiKey = settings.ApiKey, ApiSecret = settings.ApiSecret }, settings, options)), options),
            VendorIds.Cliptext => new CliptextTranscriber(
                new CliptextClient(http, Configure(new CliptextClientOptions { ApiKey = settings.ApiKey }, settings, options)), options),
            _ => new SoscriptedTranscriber(
                new SoscriptedClient(http, Configure(new SoscriptedClientOptions { ApiKey = settings.ApiKey }, settings, options)), options),
        };
    }

    private static T Configure<T>(T clientOptions, VendorSettings settings, TranscriberOptions options)
        where T : TranscriptKitClientOptions
    {
        if (settings.Endpoint is { } endpoint)
        {
            clientOptions.Endpoint = endpoint;
        }

        // Each setting left null keeps the client's own default; validation (VendorSettings.Validate) already refused nonsense.
        clientOptions.RequestTimeout = settings.RequestTimeout ?? clientOptions.RequestTimeout;
        clientOptions.UploadIdleTimeout = settings.UploadIdleTimeout ?? clientOptions.UploadIdleTimeout;
        clientOptions.EventIdleTimeout = settings.EventIdleTimeout ?? clientOptions.EventIdleTimeout;
        clientOptions.ApplicationId = settings.ApplicationId ?? clientOptions.ApplicationId;
        if (settings.MaxRetries is not null || settings.RetryBaseDelay is not null)
        {
            clientOptions.Retry = clientOptions.Retry with
            {
                MaxRetries = settings.MaxRetries ?? clientOptions.Retry.MaxRetries,
                BaseDelay = settings.RetryBaseDelay ?? clientOptions.Retry.BaseDelay,
            };
        }

        clientOptions.TimeProvider = options.TimeProvider;
        return clientOptions;
    }

    private static void RequireCredentials(string vendor, VendorSettings settings, TranscriberOptions? options)
    {
        if (string.IsNullOrWhiteSpace(settings.ApiKey))
        {
            throw new ArgumentException($"No API key for {vendor}: set TranscriptKit:Vendors:{vendor}:ApiKey (or VendorSettings.ApiKey).", nameof(settings));
        }

        if (vendor == VendorIds.TranscriptGenerate && string.IsNullOrWhiteSpace(settings.ApiSecret))
        {
            throw new ArgumentException("TranscriptGenerate needs an API secret as well as the key: set TranscriptKit:Vendors:transcriptgenerate:ApiSecret (or VendorSettings.ApiSecret).", nameof(settings));
        }

        if (OptionsCheck.Problems(settings, "VendorSettings.", ".").FirstOrDefault() is { } problem)
        {
            throw new ArgumentException($"{problem} ({vendor})", nameof(settings));
        }

        if (options?.Polling is { } polling && OptionsCheck.Problems(polling, "TranscriberOptions.Polling.").FirstOrDefault() is { } pollingProblem)
        {
            throw new ArgumentException(pollingProblem, nameof(options));
        }

        CredentialCheck.ThrowIfInvalid(settings.ApiKey, $"VendorSettings.ApiKey for {vendor}", nameof(settings));
        if (settings.ApiSecret is { } secret)
        {
            CredentialCheck.ThrowIfInvalid(secret, $"VendorSettings.ApiSecret for {vendor}", nameof(settings));
        }
    }
}
