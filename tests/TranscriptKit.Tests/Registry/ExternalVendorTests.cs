using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace TranscriptKit.Tests.Registry;

[CancelAfter(10_000)]
public sealed class ExternalVendorTests
{
    [Test]
    public async Task A_vendor_from_another_assembly_transcribes_through_Transcribers_Create(CancellationToken cancellationToken)
    {
        EchoVendor.EnsureRegistered();
        var handler = new EchoHandler();

        var transcriber = Transcribers.Create("Echo-Test", new VendorSettings { ApiKey = "echo-key" }, httpClient: new HttpClient(handler));
        var transcript = await transcriber.TranscribeAsync(TranscriptionRequest.FromUrl(new Uri("https://example.test/v.mp4")), cancellationToken: cancellationToken);

        Assert.That(transcriber.Vendor, Is.EqualTo("echo-test"));
        Assert.That(transcript.Text, Is.EqualTo("heard https://example.test/v.mp4"));
        Assert.That(handler.Authorization, Is.EqualTo("Bearer echo-key"));
        Assert.That(handler.Requests, Is.EqualTo(1));
    }

    [Test]
    public void The_public_base_refuses_what_the_external_vendor_cannot_do_before_any_call()
    {
        var handler = new EchoHandler();
        var transcriber = EchoVendor.Registration.Create(new VendorSettings { ApiKey = "k" }, httpClient: new HttpClient(handler));

        var refused = Assert.ThrowsAsync<TranscriptionNotSupportedException>(
            () => transcriber.TranscribeAsync(TranscriptionRequest.FromUrl(new Uri("https://example.test/v.mp4")) with { Timestamps = TimestampGranularity.Segment }));

        Assert.That(refused!.Message, Does.Contain("Echo Test"));
        Assert.That(handler.Requests, Is.Zero);
    }

    [Test]
    public async Task A_vendor_added_to_DI_resolves_by_key_and_from_the_factory_with_its_configured_settings(CancellationToken cancellationToken)
    {
        var handler = new EchoHandler();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TranscriptKit:Vendors:echo-di:ApiKey"] = "from-config",
            ["TranscriptKit:Vendors:echo-di:Endpoint"] = "http://127.0.0.1:9/elsewhere/",
        }).Build();
        var services = new ServiceCollection();
        // Never registered process-wide: it reaches the container only through AddVendor.
        services.AddTranscriptKit(configuration).AddVendor(EchoVendor.Create("echo-di"));
        services.AddHttpClient(TranscriptKitBuilder.HttpClientName("echo-di")).ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider(validateScopes: true);

        var keyed = provider.GetRequiredKeyedService<ITranscriber>("echo-di");
        var transcript = await keyed.TranscribeAsync(TranscriptionRequest.FromUrl(new Uri("https://example.test/a")), cancellationToken: cancellationToken);
        var fromFactory = provider.GetRequiredService<ITranscriberFactory>().Create("ECHO-DI");

        Assert.That(transcript.Text, Is.EqualTo("heard https://example.test/a"));
        Assert.That(handler.Authorization, Is.EqualTo("Bearer from-config"));
        Assert.That(handler.LastUri, Is.EqualTo(new Uri("http://127.0.0.1:9/elsewhere/transcribe")));
        Assert.That(fromFactory.Vendor, Is.EqualTo("echo-di"));
        Assert.That(Transcribers.Registry.TryGet("echo-di", out _), Is.False);
    }

    [Test]
    public void AddVendor_refuses_a_vendor_the_container_already_has()
    {
        var builder = new ServiceCollection().AddTranscriptKit(new ConfigurationBuilder().Build());

        var error = Assert.Throws<ArgumentException>(() => builder.AddVendor(SubclipTranscriber.Registration));

        Assert.That(error!.Message, Does.Contain("'subclip'"));
    }

    [Test]
    public void A_job_of_an_unregistered_vendor_is_refused_by_the_transcriber_that_is_asked_to_wait()
    {
        var transcriber = Transcribers.Create("subclip", new VendorSettings { ApiKey = "k" }, httpClient: new HttpClient(new EchoHandler()));

        var error = Assert.ThrowsAsync<ArgumentException>(() => transcriber.WaitAsync(new TranscriptionJob("acme", "j1")));

        Assert.That(error!.Message, Does.Contain("acme"));
    }

    [Test]
    public void A_configured_vendor_that_is_not_registered_fails_at_start_up_naming_the_registered_ones()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TranscriptKit:Vendors:subclp:ApiKey"] = "typo",
            ["TranscriptKit:Vendors:echo-late:ApiKey"] = "added after AddTranscriptKit",
        }).Build();
        var services = new ServiceCollection();
        services.AddTranscriptKit(configuration).AddVendor(EchoVendor.Create("echo-late"));
        using var provider = services.BuildServiceProvider(validateScopes: true);

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
        {
            foreach (var validator in provider.GetServices<Microsoft.Extensions.Options.IStartupValidator>())
            {
                validator.Validate();
            }
        });

        Assert.That(error!.Message, Does.Contain("TranscriptKit:Vendors:subclp names no registered vendor").And.Contain("echo-late").And.Contain("subclip"));
        Assert.That(error.Failures, Has.Exactly(1).Items);
    }

    private sealed class EchoHandler : HttpMessageHandler
    {
        public int Requests { get; private set; }

        public string? Authorization { get; private set; }

        public Uri? LastUri { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            Authorization = request.Headers.Authorization?.ToString();
            LastUri = request.RequestUri;
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("heard " + body) };
        }
    }
}
