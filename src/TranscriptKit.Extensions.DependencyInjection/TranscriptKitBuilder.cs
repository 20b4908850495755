using System;
using System.Threading;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using TranscriptKit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// What <see cref="TranscriptKitServiceCollectionExtensions.AddTranscriptKit"/> returns: adds vendors beyond the
/// built-in ones, each getting the same named <see cref="System.Net.Http.HttpClient"/>, keyed <see cref="ITranscriber"/>
/// and <see cref="ITranscriberFactory"/> support as they do.
/// </summary>
public sealed class TranscriptKitBuilder
{
    private readonly TranscriberRegistry _registry;

    internal TranscriptKitBuilder(IServiceCollection services, TranscriberRegistry registry)
    {
        Services = services;
        _registry = registry;
    }

    /// <summary>The service collection, to keep configuring it.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The name of the <c>IHttpClientFactory</c> client that TranscriptKit registers for a vendor; add handlers with <c>services.AddHttpClient(TranscriptKitBuilder.HttpClientName(id))</c>.</summary>
    /// <param name="vendorId">The vendor id (case-insensitive).</param>
    /// <returns>The client name.</returns>
    public static string HttpClientName(string vendorId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vendorId);
        return "TranscriptKit." + vendorId.Trim().ToLowerInvariant();
    }

    /// <summary>Adds a vendor (its settings come from <c>TranscriptKit:Vendors:&lt;id&gt;</c> like the built-in ones).</summary>
    /// <param name="vendor">The vendor, usually <c>&lt;Vendor&gt;Transcriber.Registration</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A vendor with the same id is already registered with this container.</exception>
    public TranscriptKitBuilder AddVendor(TranscriptionVendor vendor)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        _registry.Add(vendor);
        AddVendorServices(Services, vendor.Id);
        return this;
    }

    internal static void AddVendorServices(IServiceCollection services, string vendorId)
    {
        services.AddHttpClient(HttpClientName(vendorId), client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("circuit-breaker", pipeline => pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions()));
        // Transient: each resolves a fresh HttpClient from the factory, as typed clients do.
        services.TryAddKeyedTransient<ITranscriber>(vendorId, (provider, key) => provider.GetRequiredService<ITranscriberFactory>().Create((string)key!));
    }
}
