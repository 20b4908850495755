using System;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TranscriptKit;

/// <summary>Creates transcribers from <see cref="TranscriptKitOptions"/>, sending through the vendor's named <see cref="HttpClient"/>.</summary>
internal sealed class TranscriberFactory(
    IOptionsMonitor<TranscriptKitOptions> options,
    TranscriberRegistry registry,
    IHttpClientFactory httpClientFactory,
    ILoggerFactory loggerFactory,
    TimeProvider timeProvider) : ITranscriberFactory
{
    public ITranscriber Create(string vendorId)
    {
        var registered = registry.Get(vendorId);
        var vendor = registered.Id;
        var current = options.CurrentValue;
        if (!current.Vendors.TryGetValue(vendor, out var settings) || string.IsNullOrWhiteSpace(settings.ApiKey))
        {
            throw new InvalidOperationException(
                $"TranscriptKit has no credentials for {vendor}: set {TranscriptKitOptions.SectionName}:Vendors:{vendor}:ApiKey in configuration (for example the environment variable {TranscriptKitOptions.SectionName}__Vendors__{vendor}__ApiKey).");
        }

        var transcriberOptions = new TranscriberOptions
        {
            // The section's polling, then the vendor's, both on top of the spec's defaults (applied by the adapter).
            Polling = current.Polling is null ? settings.Polling : current.Polling.Then(settings.Polling),
            TimeProvider = timeProvider,
            Logger = loggerFactory.CreateLogger("TranscriptKit." + vendor),
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
