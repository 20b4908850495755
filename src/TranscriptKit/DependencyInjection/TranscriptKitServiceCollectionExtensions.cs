using System;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using TranscriptKit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers TranscriptKit with dependency injection.</summary>
public static class TranscriptKitServiceCollectionExtensions
{
    /// <summary>
    /// Registers every vendor from <c>TranscriptKit:Vendors:&lt;id&gt;</c> (<c>ApiKey</c>, <c>ApiSecret</c>, <c>Endpoint</c>,
    /// <c>Polling</c>, <c>RequestTimeout</c>, … see <see cref="VendorSettings"/>) and <c>TranscriptKit:Polling</c> (all vendors):
    /// <see cref="ITranscriberFactory"/>, a keyed <see cref="ITranscriber"/> per vendor id (<c>[FromKeyedServices("subclip")]</c>),
    /// and a named <see cref="System.Net.Http.HttpClient"/> per vendor (<see cref="VendorIds.HttpClientName"/>) with a circuit breaker.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The application's configuration (the root, holding the <c>TranscriptKit</c> section).</param>
    /// <param name="configure">Further settings in code, applied after configuration.</param>
    /// <returns>The service collection.</returns>
    /// <remarks>
    /// A configured key or secret that is not a valid HTTP header value (a line break, a control or non-ASCII
    /// character) fails options validation when the host starts, with an <see cref="OptionsValidationException"/>
    /// naming the configuration key and never the value; so does a zero or negative timeout or interval, and a key
    /// no setting reads (a misspelling the binder would silently ignore).
    /// Retries and timeouts stay in the vendor clients, which know from each spec which calls are safe to repeat (a
    /// job-starting POST is not) and how long each may take (an upload, Soscripted's 600 s call): the standard
    /// resilience handler would retry paid POSTs and cut long calls at 10 s. The named clients get only a circuit
    /// breaker; add more with <c>services.AddHttpClient(VendorIds.HttpClientName(id))</c>.
    /// </remarks>
    public static IServiceCollection AddTranscriptKit(this IServiceCollection services, IConfiguration configuration, Action<TranscriptKitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(TranscriptKitOptions.SectionName);
        var optionsBuilder = services.AddOptions<TranscriptKitOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TranscriptKitOptions>, TranscriptKitOptionsValidator>());
        services.AddSingleton<IValidateOptions<TranscriptKitOptions>>(new TranscriptKitConfigurationKeysValidator(section));
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.TryAddSingleton<ITranscriberFactory, TranscriberFactory>();
        foreach (var vendor in VendorIds.All)
        {
            services.AddHttpClient(VendorIds.HttpClientName(vendor), client => client.Timeout = Timeout.InfiniteTimeSpan)
                .AddResilienceHandler("circuit-breaker", pipeline => pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions()));
            // Transient: each resolves a fresh HttpClient from the factory, as typed clients do.
            services.TryAddKeyedTransient<ITranscriber>(vendor, (provider, key) => provider.GetRequiredService<ITranscriberFactory>().Create((string)key!));
        }

        return services;
    }
}
