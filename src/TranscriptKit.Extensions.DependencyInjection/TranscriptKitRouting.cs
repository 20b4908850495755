using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TranscriptKit;

/// <summary>Builds a <see cref="TranscriptionRouter"/> from vendor ids, in code or from the <c>TranscriptKit:Routing</c> configuration.</summary>
public static class TranscriptKitRouting
{
    /// <summary>A router over the vendors <paramref name="vendorIds"/> names, each created by <paramref name="factory"/> with its configured credentials.</summary>
    /// <param name="factory">The container's transcriber factory.</param>
    /// <param name="vendorIds">Registered vendor ids, first choice first.</param>
    /// <param name="logger">Where to log each attempt, or <see langword="null"/>.</param>
    /// <returns>The router.</returns>
    public static TranscriptionRouter CreateRouter(this ITranscriberFactory factory, IEnumerable<string> vendorIds, ILogger<TranscriptionRouter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(vendorIds);
        return new TranscriptionRouter(vendorIds.Select(factory.Create).ToList(), logger);
    }

    /// <summary>The container's router: <see cref="TranscriptKitOptions.Routing"/>, or every vendor configured under <see cref="TranscriptKitOptions.Vendors"/>.</summary>
    internal static TranscriptionRouter CreateConfiguredRouter(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptionsMonitor<TranscriptKitOptions>>().CurrentValue;
        IEnumerable<string> ids = options.Routing.Count > 0 ? options.Routing : options.Vendors.Keys;
        return services.GetRequiredService<ITranscriberFactory>().CreateRouter(ids, services.GetService<ILogger<TranscriptionRouter>>());
    }
}
