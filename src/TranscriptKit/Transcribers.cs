using System;
using System.Net.Http;
using System.Threading;

namespace TranscriptKit;

/// <summary>
/// Creates transcribers without dependency injection, by vendor id through <see cref="Registry"/>. This is the one
/// place that lists the built-in vendors; any other vendor joins with <see cref="Register"/>.
/// </summary>
public static class Transcribers
{
    // One pooled HttpClient for transcribers created without one, as HttpClient guidance recommends; connections
    // are recycled so DNS changes are seen. Timeouts are per operation, from the specs, so the client's own is off.
    private static readonly Lazy<HttpClient> s_sharedHttpClient = new(() => new HttpClient(
        new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }, disposeHandler: false)
    {
        Timeout = Timeout.InfiniteTimeSpan,
    });

    static Transcribers()
    {
        TranscriberRegistry.Shared
            .Add(CaptionCatTranscriber.Registration)
            .Add(SubclipTranscriber.Registration)
            .Add(TranscriptGenerateTranscriber.Registration)
            .Add(CliptextTranscriber.Registration)
            .Add(SoscriptedTranscriber.Registration);
    }

    /// <summary>The process-wide registry: the built-in vendors, then any added with <see cref="Register"/>.</summary>
    public static TranscriberRegistry Registry => TranscriberRegistry.Shared;

    /// <summary>Adds a vendor to <see cref="Registry"/>, so <see cref="Create"/>, job tokens and <c>AddTranscriptKit</c> (for hosts built afterwards) reach it by id.</summary>
    /// <param name="vendor">The vendor, usually <c>&lt;Vendor&gt;Transcriber.Registration</c>.</param>
    /// <exception cref="ArgumentException">A vendor with the same id is already registered.</exception>
    public static void Register(TranscriptionVendor vendor) => Registry.Add(vendor);

    /// <summary>Creates the transcriber for <paramref name="vendorId"/> with its credentials.</summary>
    /// <param name="vendorId">A registered vendor id (case-insensitive), see <see cref="Registry"/>.</param>
    /// <param name="settings">The API key (and the secret for vendors whose definition asks for one), and optionally another endpoint and client options.</param>
    /// <param name="options">Polling, clock and logging; defaults when <see langword="null"/>.</param>
    /// <param name="httpClient">The <see cref="HttpClient"/> to send with (for example from <c>IHttpClientFactory</c>); a shared pooled one when <see langword="null"/>. Give it <c>Timeout = Timeout.InfiniteTimeSpan</c>.</param>
    /// <returns>The transcriber.</returns>
    /// <exception cref="ArgumentException">The vendor id is not registered (the message names the registered ones), or a required credential is missing or not a valid HTTP header value (the message never shows it).</exception>
    public static ITranscriber Create(string vendorId, VendorSettings settings, TranscriberOptions? options = null, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Registry.Get(vendorId).Create(settings, options, httpClient ?? s_sharedHttpClient.Value);
    }
}
