using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.CaptionCat;

namespace TranscriptKit.Tests.Options;

/// <summary>
/// Polling settings layer on top of each spec's defaults: nothing configured keeps Caption Cat's 60 min, a
/// timeout-only override keeps the spec's intervals, and configuration is honoured (it used to be dropped, and the
/// facade's 30 min default replaced the spec's). Driven by a fake clock against an in-memory Caption Cat that
/// never finishes.
/// </summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class PollingOptionsTests
{
    private static readonly VendorSettings s_captionCat = new() { ApiKey = "cc-key", Endpoint = new Uri("http://127.0.0.1:9/captioncat/v1") };

    [Test]
    public async Task Caption_cat_keeps_its_specs_60_minute_timeout_when_nothing_is_configured()
    {
        var elapsed = await TimeOutAsync((clock, handler) => Transcribers.Create("captioncat", s_captionCat, new TranscriberOptions { TimeProvider = clock }, new HttpClient(handler)));

        Assert.That(elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMinutes(60)).And.LessThan(TimeSpan.FromMinutes(62)));
    }

    [Test]
    public async Task A_timeout_only_override_changes_the_timeout()
    {
        var elapsed = await TimeOutAsync((clock, handler) => Transcribers.Create(
            "captioncat", s_captionCat, new TranscriberOptions { TimeProvider = clock, Polling = new() { Timeout = TimeSpan.FromMinutes(10) } }, new HttpClient(handler)));

        Assert.That(elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMinutes(10)).And.LessThan(TimeSpan.FromMinutes(12)));
    }

    [Test]
    public void A_timeout_only_override_keeps_the_specs_intervals()
    {
        var spec = CaptionCatClient.DefaultTranscriptionPolling;

        var polling = new PollingOverride { Timeout = TimeSpan.FromMinutes(10) }.ApplyTo(spec);

        Assert.That(polling, Is.EqualTo(spec with { Timeout = TimeSpan.FromMinutes(10) }));
        Assert.That(polling.InitialInterval, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(polling.MaxInterval, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void An_override_from_complete_options_replaces_the_whole_schedule()
    {
        var schedule = new PollingOptions { InitialInterval = TimeSpan.FromSeconds(1), MaxInterval = TimeSpan.FromSeconds(3), BackoffFactor = 2, Timeout = TimeSpan.FromMinutes(4) };

        Assert.That(PollingOverride.From(schedule).ApplyTo(CaptionCatClient.DefaultTranscriptionPolling), Is.EqualTo(schedule));
    }

    [Test]
    public void A_vendors_override_wins_over_the_sections_value_by_value()
    {
        var section = new PollingOverride { InitialInterval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromMinutes(5) };

        var merged = section.Then(new PollingOverride { Timeout = TimeSpan.FromMinutes(7) });

        Assert.That(merged.InitialInterval, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(merged.Timeout, Is.EqualTo(TimeSpan.FromMinutes(7)));
        Assert.That(merged.MaxInterval, Is.Null);
    }

    [TestCase("TranscriptKit:Polling:Timeout")]
    [TestCase("TranscriptKit:Vendors:captioncat:Polling:Timeout")]
    public async Task Configured_polling_timeout_is_honoured(string key)
    {
        var elapsed = await TimeOutAsync((clock, handler) =>
        {
            var services = Host(clock, new() { [key] = "00:10:00" }, handler);
            return services.GetRequiredKeyedService<ITranscriber>("captioncat");
        });

        Assert.That(elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMinutes(10)).And.LessThan(TimeSpan.FromMinutes(12)));
    }

    [TestCase("TranscriptKit:Polling:Timeout", "00:00:00")]
    [TestCase("TranscriptKit:Vendors:captioncat:Polling:Timeout", "-00:05:00")]
    [TestCase("TranscriptKit:Vendors:captioncat:Polling:BackoffFactor", "0.5")]
    [TestCase("TranscriptKit:Vendors:captioncat:RequestTimeout", "00:00:00")]
    [TestCase("TranscriptKit:Vendors:captioncat:UploadIdleTimeout", "-00:00:01")]
    [TestCase("TranscriptKit:Vendors:captioncat:MaxRetries", "-1")]
    public void A_bad_value_fails_at_start_up_naming_its_key(string key, string value)
    {
        using var services = Host(new FakeTimeProvider(), new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => StartUp(services))!;

        Assert.That(error.Message, Does.Contain(key));
    }

    [TestCase("TranscriptKit:Vendors:captioncat:Timeout", "TranscriptKit:Vendors:captioncat:Timeout")]
    [TestCase("TranscriptKit:Vendors:captioncat:ApiKee", "TranscriptKit:Vendors:captioncat:ApiKee")]
    [TestCase("TranscriptKit:Polling:Timout", "TranscriptKit:Polling:Timout")]
    [TestCase("TranscriptKit:Poling:Timeout", "TranscriptKit:Poling")]
    public void An_unknown_key_fails_at_start_up_naming_it(string key, string named)
    {
        using var services = Host(new FakeTimeProvider(), new() { [key] = "00:10:00" });

        var error = Assert.Throws<OptionsValidationException>(() => StartUp(services))!;

        Assert.That(error.Message, Does.Contain(named + " is not a TranscriptKit setting"));
    }

    [Test]
    public void Client_options_from_configuration_are_valid_and_the_transcriber_builds()
    {
        using var services = Host(new FakeTimeProvider(), new()
        {
            ["TranscriptKit:Vendors:captioncat:RequestTimeout"] = "00:02:00",
            ["TranscriptKit:Vendors:captioncat:UploadIdleTimeout"] = "00:05:00",
            ["TranscriptKit:Vendors:captioncat:EventIdleTimeout"] = "00:01:30",
            ["TranscriptKit:Vendors:captioncat:MaxRetries"] = "0",
            ["TranscriptKit:Vendors:captioncat:RetryBaseDelay"] = "00:00:02",
            ["TranscriptKit:Vendors:captioncat:ApplicationId"] = "my-app/1.0",
        });

        StartUp(services);
        var settings = services.GetRequiredService<IOptions<TranscriptKitOptions>>().Value.Vendors["captioncat"];

        Assert.That(settings.RequestTimeout, Is.EqualTo(TimeSpan.FromMinutes(2)));
        Assert.That(settings.UploadIdleTimeout, Is.EqualTo(TimeSpan.FromMinutes(5)));
        Assert.That(settings.EventIdleTimeout, Is.EqualTo(TimeSpan.FromSeconds(90)));
        Assert.That(settings.MaxRetries, Is.Zero);
        Assert.That(settings.RetryBaseDelay, Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(settings.ApplicationId, Is.EqualTo("my-app/1.0"));
        Assert.That(services.GetRequiredKeyedService<ITranscriber>("captioncat").Vendor, Is.EqualTo("captioncat"));
    }

    [Test]
    public async Task Client_options_in_vendor_settings_reach_the_client_the_facade_builds()
    {
        NeverFinished? seen = null;
        var settings = new VendorSettings { ApiKey = "cc-key", Endpoint = s_captionCat.Endpoint, ApplicationId = "my-app/1.0" };

        await TimeOutAsync((clock, handler) =>
        {
            seen = handler;
            return Transcribers.Create("captioncat", settings, new TranscriberOptions { TimeProvider = clock, Polling = new() { Timeout = TimeSpan.FromMinutes(1) } }, new HttpClient(handler));
        });

        Assert.That(seen!.UserAgent, Does.Contain("my-app/1.0"));
    }

    [Test]
    public void A_bad_value_in_code_is_refused_by_create_naming_the_setting()
    {
        var settings = new VendorSettings { ApiKey = "cc-key", RequestTimeout = TimeSpan.Zero };

        var error = Assert.Throws<ArgumentException>(() => Transcribers.Create("captioncat", settings))!;
        var polling = Assert.Throws<ArgumentException>(() => Transcribers.Create("captioncat", s_captionCat, new TranscriberOptions { Polling = new() { Timeout = TimeSpan.FromSeconds(-1) } }))!;

        Assert.That(error.Message, Does.Contain("VendorSettings.RequestTimeout"));
        Assert.That(polling.Message, Does.Contain("TranscriberOptions.Polling.Timeout"));
    }

    private static ServiceProvider Host(TimeProvider clock, Dictionary<string, string?> extra, NeverFinished? handler = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["TranscriptKit:Vendors:captioncat:ApiKey"] = "cc-key",
            ["TranscriptKit:Vendors:captioncat:Endpoint"] = "http://127.0.0.1:9/captioncat/v1",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton(clock).AddTranscriptKit(configuration).Services;
        services.AddHttpClient("TranscriptKit.captioncat").ConfigurePrimaryHttpMessageHandler(() => handler ?? new NeverFinished());
        return services.BuildServiceProvider(validateScopes: true);
    }

    // What the host does at start-up with ValidateOnStart.
    private static void StartUp(ServiceProvider services)
    {
        foreach (var validator in services.GetServices<IStartupValidator>())
        {
            validator.Validate();
        }
    }

    /// <summary>Waits for a Caption Cat job that never finishes, advancing the fake clock a minute at a time, and returns how long it waited.</summary>
    private static async Task<TimeSpan> TimeOutAsync(Func<FakeTimeProvider, NeverFinished, ITranscriber> create)
    {
        var clock = new FakeTimeProvider();
        var handler = new NeverFinished();
        var transcriber = create(clock, handler);
        var polls = handler.Polls;
        var wait = transcriber.WaitAsync(new TranscriptionJob("captioncat", "video-1"));
        for (var minute = 0; minute < 24 * 60 && !wait.IsCompleted; minute++)
        {
            // Each step lets the poller take its turn: one status request, or the timeout.
            await Task.WhenAny(polls.WaitAsync(), wait);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var error = Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => wait)!;
        return error.Elapsed;
    }

    /// <summary>Caption Cat's status endpoint, always still transcribing.</summary>
    private sealed class NeverFinished : HttpMessageHandler
    {
        public SemaphoreSlim Polls { get; } = new(0);

        public string? UserAgent { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.That(request.RequestUri!.AbsolutePath, Is.EqualTo("/captioncat/v1/transcribe/video-1/poll"));
            UserAgent = request.Headers.UserAgent.ToString();
            Polls.Release();
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"status":"success","transcription":"processing"}""", Encoding.UTF8, "application/json"),
            });
        }
    }
}
