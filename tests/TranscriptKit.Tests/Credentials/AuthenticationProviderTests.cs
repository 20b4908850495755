using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using NUnit.Framework;
using TranscriptKit.Sandbox;

namespace TranscriptKit.Tests.Credentials;

/// <summary>A Kiota authentication provider (e.g. tokens from a vault) stands in for the configured key, with and without DI.</summary>
[NonParallelizable]
public sealed class AuthenticationProviderTests
{
    private VendorSandbox _sandbox = null!;

    [OneTimeSetUp]
    public async Task StartSandbox() => _sandbox = await VendorSandbox.StartAsync(new SandboxOptions());

    [OneTimeTearDown]
    public async Task StopSandbox() => await _sandbox.DisposeAsync();

    [Test]
    public async Task Without_DI_the_provider_authenticates_and_no_key_is_needed()
    {
        var provider = new VaultProvider(_sandbox.ApiKey);
        var transcriber = Transcribers.Create(
            "captioncat", new VendorSettings { Endpoint = _sandbox.GetEndpoint("captioncat") }, new TranscriberOptions { AuthenticationProvider = provider });

        var status = await ((ITranscriberAccount)transcriber).GetAccountAsync();

        Assert.That(status.Credits, Is.Not.Null);
        Assert.That(provider.Calls, Is.EqualTo(1));
    }

    [Test]
    public void The_provider_is_used_instead_of_the_key_not_beside_it()
    {
        var transcriber = Transcribers.Create(
            "captioncat",
            new VendorSettings { ApiKey = _sandbox.ApiKey, Endpoint = _sandbox.GetEndpoint("captioncat") },
            new TranscriberOptions { AuthenticationProvider = new VaultProvider("not-the-key") });

        Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() => ((ITranscriberAccount)transcriber).GetAccountAsync());
    }

    [Test]
    public async Task In_DI_a_keyed_provider_stands_in_for_the_configured_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TranscriptKit:Vendors:captioncat:Endpoint"] = _sandbox.GetEndpoint("captioncat").ToString(),
        }).Build();
        var provider = new VaultProvider(_sandbox.ApiKey);
        var services = new ServiceCollection().AddTranscriptKit(configuration).Services;
        services.AddKeyedSingleton<IAuthenticationProvider>("captioncat", provider);
        await using var container = services.BuildServiceProvider(validateScopes: true);

        var transcriber = container.GetRequiredKeyedService<ITranscriber>("captioncat");
        var status = await ((ITranscriberAccount)transcriber).GetAccountAsync();

        Assert.That(status.Credits, Is.Not.Null);
        Assert.That(provider.Calls, Is.EqualTo(1));
    }

    private sealed class VaultProvider(string token) : IAuthenticationProvider
    {
        public int Calls { get; private set; }

        public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            request.Headers.Add("Authorization", "Bearer " + token);
            return Task.CompletedTask;
        }
    }
}
