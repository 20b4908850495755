using System;
using System.Collections.Generic;
using System.Net.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace TranscriptKit.Tests.DependencyInjection;

public sealed class AddTranscriptKitTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<TranscriptKitOptions>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddTranscriptKit(configuration, configure).Services.BuildServiceProvider(validateScopes: true);
    }

    private static readonly Dictionary<string, string?> s_settings = new()
    {
        ["TranscriptKit:Vendors:captioncat:ApiKey"] = "cc-key",
        ["TranscriptKit:Vendors:CaptionCat:Endpoint"] = "http://127.0.0.1:9/captioncat/v1",
        ["TranscriptKit:Vendors:transcriptgenerate:ApiKey"] = "tg-key",
        ["TranscriptKit:Vendors:transcriptgenerate:ApiSecret"] = "tg-secret",
        ["TranscriptKit:Vendors:subclip:ApiKey"] = "sc-key",
    };

    [Test]
    public void Configured_vendors_resolve_as_keyed_transcribers_and_from_the_factory()
    {
        using var services = Build(s_settings);

        Assert.That(services.GetRequiredKeyedService<ITranscriber>("captioncat").Vendor, Is.EqualTo("captioncat"));
        Assert.That(services.GetRequiredKeyedService<ITranscriber>("transcriptgenerate").Capabilities.AcceptsUrls, Is.True);
        Assert.That(services.GetRequiredService<ITranscriberFactory>().Create("SubClip").Vendor, Is.EqualTo("subclip"));
    }

    [Test]
    public void Options_bind_case_insensitively_and_code_can_add_to_them()
    {
        using var services = Build(s_settings, o => o.Polling = new PollingOverride { InitialInterval = TimeSpan.FromSeconds(1) });
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TranscriptKitOptions>>().Value;

        Assert.That(options.Vendors["CAPTIONCAT"].Endpoint, Is.EqualTo(new Uri("http://127.0.0.1:9/captioncat/v1")));
        Assert.That(options.Polling!.InitialInterval, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(options.Vendors["captioncat"].ToString(), Does.Not.Contain("cc-key"));
    }

    [Test]
    public void An_unconfigured_vendor_names_the_setting_to_add()
    {
        using var services = Build(s_settings);

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredKeyedService<ITranscriber>("cliptext"));
        Assert.That(error!.Message, Does.Contain("TranscriptKit:Vendors:cliptext:ApiKey"));
        Assert.Throws<ArgumentException>(() => services.GetRequiredService<ITranscriberFactory>().Create("nope"));
    }

    [Test]
    public void Transcriptgenerate_without_its_secret_is_a_configuration_error()
    {
        using var services = Build(new() { ["TranscriptKit:Vendors:transcriptgenerate:ApiKey"] = "k" });

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<ITranscriberFactory>().Create("transcriptgenerate"));
        Assert.That(error!.Message, Does.Contain("ApiSecret").And.Not.Contain("\"k\""));
    }

    [Test]
    public void Each_vendor_has_a_named_http_client_without_its_own_timeout()
    {
        using var services = Build(s_settings);
        var factory = services.GetRequiredService<IHttpClientFactory>();

        foreach (var vendor in Transcribers.Registry.Ids)
        {
            using var client = factory.CreateClient(TranscriptKitBuilder.HttpClientName(vendor));
            Assert.That(client.Timeout, Is.EqualTo(System.Threading.Timeout.InfiniteTimeSpan), vendor);
        }
    }
}
