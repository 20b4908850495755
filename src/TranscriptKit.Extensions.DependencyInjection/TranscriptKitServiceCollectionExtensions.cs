using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TranscriptKit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers TranscriptKit with dependency injection.</summary>
public static class TranscriptKitServiceCollectionExtensions
{
    /// <summary>
    /// Registers every vendor of <c>Transcribers.Registry</c> (the built-in ones, and any registered before this call;
    /// add others with <see cref="TranscriptKitBuilder.AddVendor"/>) from <c>TranscriptKit:Vendors:&lt;id&gt;</c> (<c>ApiKey</c>, <c>ApiSecret</c>, <c>Endpoint</c>,
    /// <c>Polling</c>, <c>RequestTimeout</c>, … see <see cref="VendorSettings"/>) and <c>TranscriptKit:Polling</c> (all vendors):
    /// <see cref="ITranscriberFactory"/>, a keyed <see cref="ITranscriber"/> per vendor id (<c>[FromKeyedServices("subclip")]</c>),
    /// and a named <see cref="System.Net.Http.HttpClient"/> per vendor (<see cref="TranscriptKitBuilder.HttpClientName"/>) with a circuit breaker.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The application's configuration (the root, holding the <c>TranscriptKit</c> section).</param>
    /// <param name="configure">Further settings in code, applied after configuration.</param>
    /// <returns>A builder to add further vendors.</returns>
    /// <remarks>
    /// A configured key or secret that is not a valid HTTP header value (a line break, a control or non-ASCII
    /// character) fails options validation when the host starts, with an <see cref="OptionsValidationException"/>
    /// naming the configuration key and never the value; so does a zero or negative timeout or interval, and a key
    /// no setting reads (a misspelling the binder would silently ignore).
    /// Retries and timeouts stay in the vendor clients, which know from each spec which calls are safe to repeat (a
    /// job-starting POST is not) and how long each may take (an upload, a long blocking call): the standard
    /// resilience handler would retry paid POSTs and cut long calls at 10 s. The named clients get only a circuit
    /// breaker; add more with <c>services.AddHttpClient(TranscriptKitBuilder.HttpClientName(id))</c>.
    /// </remarks>
    public static TranscriptKitBuilder AddTranscriptKit(this IServiceCollection services, IConfiguration configuration, Action<TranscriptKitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(TranscriptKitOptions.SectionName);
        var optionsBuilder = services.AddOptions<TranscriptKitOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TranscriptKitOptions>, TranscriptKitOptionsValidator>());
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.TryAddSingleton<ITranscriberFactory, TranscriberFactory>();
        services.TryAddTransient(TranscriptKitRouting.CreateConfiguredRouter);

        // The container's own registry: a copy of the process-wide one, so AddVendor here does not change other hosts.
        if (FindRegistry(services) is { } existing)
        {
            services.AddSingleton<IValidateOptions<TranscriptKitOptions>>(new TranscriptKitConfigurationKeysValidator(section, existing));
            return new TranscriptKitBuilder(services, existing);
        }

        var registry = new TranscriberRegistry(Transcribers.Registry.Vendors);
        services.AddSingleton(registry);
        services.AddSingleton<IValidateOptions<TranscriptKitOptions>>(new TranscriptKitConfigurationKeysValidator(section, registry));
        foreach (var vendor in registry.Vendors)
        {
            TranscriptKitBuilder.AddVendorServices(services, vendor.Id);
        }

        return new TranscriptKitBuilder(services, registry);
    }

    private static TranscriberRegistry? FindRegistry(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(TranscriberRegistry) && !descriptor.IsKeyedService && descriptor.ImplementationInstance is TranscriberRegistry registry)
            {
                return registry;
            }
        }

        return null;
    }
}
