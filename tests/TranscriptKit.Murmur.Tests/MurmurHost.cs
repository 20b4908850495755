using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using TranscriptKit.Murmur.Sandbox;
using TranscriptKit.Sandbox;

namespace TranscriptKit.Murmur.Tests;

/// <summary>
/// This test assembly's composition root, as an application's would be: a sandbox with Murmur's emulator, a DI
/// container that adds Murmur with <c>AddVendor</c>, and the process-wide registration for <c>Transcribers.Create</c>.
/// The container is built first: <c>AddTranscriptKit</c> copies the process-wide registry, which must not hold Murmur yet
/// for <c>AddVendor</c> to be the way it gets in.
/// </summary>
[SetUpFixture]
public sealed class MurmurHost
{
    /// <summary>Short real waits on loopback; the spec's own 2 s interval would only make the tests slow.</summary>
    public static readonly PollingOverride FastPolling = new() { InitialInterval = TimeSpan.FromMilliseconds(5), MaxInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(20) };

    public static VendorSandbox Sandbox { get; private set; } = null!;

    public static ServiceProvider Services { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Sandbox = await VendorSandbox.StartAsync(new SandboxOptions { PendingPolls = 2, IncludeBuiltInEmulators = false, Emulators = { new MurmurEmulator() } });

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TranscriptKit:Vendors:murmur:ApiKey"] = Sandbox.ApiKey,
            ["TranscriptKit:Vendors:murmur:Endpoint"] = Sandbox.GetEndpoint("murmur").ToString(),
            ["TranscriptKit:Vendors:murmur:Polling:InitialInterval"] = FastPolling.InitialInterval.ToString(),
            ["TranscriptKit:Vendors:murmur:Polling:MaxInterval"] = FastPolling.MaxInterval.ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddTranscriptKit(configuration).AddVendor(MurmurTranscriber.Registration);
        Services = services.BuildServiceProvider(validateScopes: true);

        Transcribers.Register(MurmurTranscriber.Registration);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await Services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }

    /// <summary>A Murmur transcriber made the non-DI way, against the sandbox.</summary>
    public static ITranscriber Create(string? apiKey = null) => Transcribers.Create(
        "murmur",
        new VendorSettings { ApiKey = apiKey ?? Sandbox.ApiKey, Endpoint = Sandbox.GetEndpoint("murmur") },
        new TranscriberOptions { Polling = FastPolling });
}
