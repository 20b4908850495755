using System;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Extensions.Options;

namespace TranscriptKit;

/// <summary>Creates transcribers from <see cref="TranscriptKitOptions"/>, sending through the vendor's named <see cref="HttpClient"/>.</summary>
internal sealed class TranscriberFactory(
    IOptionsMonitor<TranscriptKitOptions> options,
    TranscriberRegistry registry,
    IHttpClientFactory httpClientFactory,
    ILoggerFactory loggerFactory,
    TimeProvider timeProvider,
    IServiceProvider services) : ITranscriberFactory
{
    public ITranscriber Create(string vendorId)
    {
        var registered = registry.Get(vendorId);
        var vendor = registered.Id;
        var current = options.CurrentValue;
        // A keyed IAuthenticationProvider (e.g. tokens from a vault) stands in for the configured key.
        var authentication = services.GetKeyedService<IAuthenticationProvider>(vendor);
        current.Vendors.TryGetValue(vendor, out var settings);
        settings ??= authentication is null ? null : new VendorSettings();
        if (settings is null || (authentication is null && string.IsNullOrWhiteSpace(settings.ApiKey)))
        {
            throw new InvalidOperationException(
                $"TranscriptKit has no credentials for {vendor}: set {TranscriptKitOptions.SectionName}:Vendors:{vendor}:ApiKey in configuration (for example the environment variable {TranscriptKitOptions.SectionName}__Vendors__{vendor}__ApiKey), or register a keyed IAuthenticationProvider under \"{vendor}\".");
        }

        var transcriberOptions = new TranscriberOptions
        {
            // The section's polling, then the vendor's, both on top of the spec's defaults (applied by the adapter).
            Polling = current.Polling is null ? settings.Polling : current.Polling.Then(settings.Polling),
            TimeProvider = timeProvider,
            Logger = loggerFactory.CreateLogger("TranscriptKit." + vendor),
            AuthenticationProvider = authentication,
        };
        try
        {
            return registered.Create(settings, transcriberOptions, httpClientFactory.CreateClient(TranscriptKitBuilder.HttpClientName(vendor)));
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
    }
}
