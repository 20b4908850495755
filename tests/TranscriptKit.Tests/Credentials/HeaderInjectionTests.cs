using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using TranscriptKit.CaptionCat;
using TranscriptKit.Cliptext;
using TranscriptKit.Soscripted;
using TranscriptKit.Subclip;
using TranscriptKit.Tests.Support;
using TranscriptKit.TranscriptGenerate;

namespace TranscriptKit.Tests.Credentials;

/// <summary>
/// A key or secret that is not a valid header value is refused where it enters — client options, VendorSettings,
/// configuration — with a message that names the setting and never the value; a raw loopback socket shows that no
/// request (least of all a smuggled second one) ever reaches the wire, while the same entry point with a good key
/// sends exactly one.
/// </summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class HeaderInjectionTests
{
    private const string Smuggling = "KEY\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    private const string GoodKey = "good-key-123";
    private const string GoodSecret = "good-secret-456";

    private static readonly string[] s_badValues =
    [
        Smuggling,
        "KEY\nX-Injected: yes",
        "KEY\rX",
        "KEY\0X",
        "KEY\tX",
        "KEY\u007FX",
        "k\u00E9y-non-ascii",
        "KEY\u2028X",
        "\u201CKEY\u201D",
        " KEY",
    ];

    private static readonly string[] s_vendors = [.. Transcribers.Registry.Ids];

    private static IEnumerable<TestCaseData> BadKeyPerVendor() =>
        from vendor in s_vendors
        from value in s_badValues
        select new TestCaseData(vendor, value).SetArgDisplayNames(vendor, Printable(value));

    [TestCaseSource(nameof(BadKeyPerVendor))]
    public async Task A_bad_key_in_client_options_is_refused_and_never_reaches_the_wire(string vendor, string bad)
    {
        await using var listener = new RawRequestListener();
        using var http = new HttpClient();

        var refused = await AttemptAsync<ArgumentException>(() => ClientTranscriber(vendor, bad, GoodSecret, listener.Endpoint, http));
        await SendOneAsync(ClientTranscriber(vendor, GoodKey, GoodSecret, listener.Endpoint, http));

        await AssertExactlyOneRequestAsync(listener);
        AssertHidden(refused, bad, "API key");
    }

    [TestCase(Smuggling)]
    [TestCase("SECRET\nX-Injected: yes")]
    [TestCase("s\u00E9cret")]
    public async Task A_bad_secret_in_client_options_is_refused_and_never_reaches_the_wire(string bad)
    {
        await using var listener = new RawRequestListener();
        using var http = new HttpClient();

        var refused = await AttemptAsync<ArgumentException>(() => ClientTranscriber("transcriptgenerate", GoodKey, bad, listener.Endpoint, http));
        await SendOneAsync(ClientTranscriber("transcriptgenerate", GoodKey, GoodSecret, listener.Endpoint, http));

        await AssertExactlyOneRequestAsync(listener);
        AssertHidden(refused, bad, "API secret");
    }

    [TestCaseSource(nameof(BadKeyPerVendor))]
    public async Task A_bad_key_in_VendorSettings_is_refused_and_never_reaches_the_wire(string vendor, string bad)
    {
        await using var listener = new RawRequestListener();
        using var http = new HttpClient();

        var refused = await AttemptAsync<ArgumentException>(() => Transcribers.Create(vendor, new VendorSettings { ApiKey = bad, ApiSecret = GoodSecret, Endpoint = listener.Endpoint }, httpClient: http));
        await SendOneAsync(Transcribers.Create(vendor, new VendorSettings { ApiKey = GoodKey, ApiSecret = GoodSecret, Endpoint = listener.Endpoint }, httpClient: http));

        await AssertExactlyOneRequestAsync(listener);
        AssertHidden(refused, bad, $"VendorSettings.ApiKey for {vendor}");
    }

    [Test]
    public async Task A_bad_secret_in_VendorSettings_is_refused_and_never_reaches_the_wire()
    {
        await using var listener = new RawRequestListener();
        using var http = new HttpClient();

        var refused = await AttemptAsync<ArgumentException>(() => Transcribers.Create(
            "transcriptgenerate", new VendorSettings { ApiKey = GoodKey, ApiSecret = Smuggling, Endpoint = listener.Endpoint }, httpClient: http));
        await SendOneAsync(Transcribers.Create(
            "transcriptgenerate", new VendorSettings { ApiKey = GoodKey, ApiSecret = GoodSecret, Endpoint = listener.Endpoint }, httpClient: http));

        await AssertExactlyOneRequestAsync(listener);
        AssertHidden(refused, Smuggling, "VendorSettings.ApiSecret for transcriptgenerate");
    }

    [TestCaseSource(nameof(BadKeyPerVendor))]
    public async Task A_bad_key_in_configuration_fails_start_up_validation_naming_the_key_and_never_reaches_the_wire(string vendor, string bad)
    {
        await using var listener = new RawRequestListener();
        using var badServices = Services(vendor, bad, listener.Endpoint);
        using var goodServices = Services(vendor, GoodKey, listener.Endpoint);

        var atStart = Assert.Throws<OptionsValidationException>(() => badServices.GetRequiredService<IStartupValidator>().Validate())!;
        var atUse = await AttemptAsync<OptionsValidationException>(() => badServices.GetRequiredService<ITranscriberFactory>().Create(vendor));
        goodServices.GetRequiredService<IStartupValidator>().Validate();
        await SendOneAsync(goodServices.GetRequiredService<ITranscriberFactory>().Create(vendor));

        await AssertExactlyOneRequestAsync(listener);
        AssertHidden(atStart, bad, $"TranscriptKit:Vendors:{vendor}:ApiKey");
        AssertHidden(atUse, bad, $"TranscriptKit:Vendors:{vendor}:ApiKey");
    }

    [Test]
    public void A_bad_secret_in_configuration_fails_start_up_validation_naming_its_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TranscriptKit:Vendors:transcriptgenerate:ApiKey"] = GoodKey,
            ["TranscriptKit:Vendors:transcriptgenerate:ApiSecret"] = Smuggling,
        }).Build();
        using var services = new ServiceCollection().AddTranscriptKit(configuration).Services.BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate())!;

        AssertHidden(refused, Smuggling, "TranscriptKit:Vendors:transcriptgenerate:ApiSecret");
    }

    private static ServiceProvider Services(string vendor, string key, Uri endpoint)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"TranscriptKit:Vendors:{vendor}:ApiKey"] = key,
            [$"TranscriptKit:Vendors:{vendor}:ApiSecret"] = GoodSecret,
            [$"TranscriptKit:Vendors:{vendor}:Endpoint"] = endpoint.ToString(),
        }).Build();
        return new ServiceCollection().AddTranscriptKit(configuration).Services.BuildServiceProvider();
    }

    private static ITranscriber ClientTranscriber(string vendor, string key, string secret, Uri endpoint, HttpClient http) => vendor switch
    {
        "captioncat" => new CaptionCatClient(http, new CaptionCatClientOptions { ApiKey = key, Endpoint = endpoint }).AsTranscriber(),
        "subclip" => new SubclipClient(http, new SubclipClientOptions { ApiKey = key, Endpoint = endpoint }).AsTranscriber(),
        "transcriptgenerate" => new TranscriptGenerateClient(http, new TranscriptGenerateClientOptions { ApiKey = key, ApiSecret = secret, Endpoint = endpoint }).AsTranscriber(),
        "cliptext" => new CliptextClient(http, new CliptextClientOptions { ApiKey = key, Endpoint = endpoint }).AsTranscriber(),
        "soscripted" => new SoscriptedClient(http, new SoscriptedClientOptions { ApiKey = key, Endpoint = endpoint }).AsTranscriber(),
        _ => throw new ArgumentOutOfRangeException(nameof(vendor), vendor, "A vendor this test does not know: add its client here."),
    };

    /// <summary>
    /// Creates the transcriber and, should the entry point wrongly accept the value, sends with it — so a regression
    /// shows on the wire (a smuggled request line) and not only as a missing exception.
    /// </summary>
    private static async Task<TException> AttemptAsync<TException>(Func<ITranscriber> create)
        where TException : Exception
    {
        try
        {
            var accepted = create();
            await SendOneAsync(accepted);
        }
        catch (TException e)
        {
            return e;
        }

        return null!;
    }

    /// <summary>One authenticated request through the facade: a status poll, or Soscripted's single call. The listener answers 401.</summary>
    private static async Task SendOneAsync(ITranscriber transcriber)
    {
        var call = transcriber.Capabilities.ResumableJobs
            ? transcriber.WaitAsync(new TranscriptionJob(transcriber.Vendor, "job-1"))
            // A link on a platform the vendor lists (Soscripted's url-hosts), so the facade sends it rather than refusing it first.
            : transcriber.TranscribeAsync(TranscriptionRequest.FromUrl(transcriber.Capabilities.UrlHosts is [var host, ..] ? $"https://{host}/talk.mp4" : "https://example.com/talk.mp4"));
        var error = Assert.ThrowsAsync(Is.InstanceOf<TranscriptKitException>(), async () => await call);
        Assert.That(error, Is.Not.Null);
    }

    private static void AssertHidden(Exception? refused, string bad, string names)
    {
        Assert.That(refused, Is.Not.Null, "The value was accepted.");
        Assert.That(refused!.Message, Does.Contain(names).And.Contain("not a valid HTTP header value"));
        Assert.That(refused.ToString(), Does.Not.Contain(bad).And.Not.Contain("smuggled").And.Not.Contain("KEY").And.Not.Contain("\r"));
    }

    private static async Task AssertExactlyOneRequestAsync(RawRequestListener listener)
    {
        var lines = await listener.RequestLinesAsync();
        Assert.That(lines, Has.Count.EqualTo(1), string.Join(" | ", lines));
        Assert.That(await listener.ReceivedAsync(), Does.Not.Contain("smuggled").And.Not.Contain("X-Injected").And.Contain(GoodKey));
    }

    private static string Printable(string value) =>
        string.Concat(value.Take(12).Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));
}
