using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Vendors.Tests;

/// <summary>Every vendor: the documented base URL, endpoint overrides, HTTPS only, and a required key.</summary>
[TestFixture]
[CancelAfter(10_000)]
public sealed class EndpointTests
{
    private static Sample FirstSample(VendorDefinition vendor) =>
        Sample.All.FirstOrDefault(s => s.Vendor == vendor && !s.Operation.Streams && s.Operation.Method == "GET")
        ?? Sample.All.First(s => s.Vendor == vendor);

    [TestCaseSource(typeof(Cases), nameof(Cases.EveryVendor))]
    public async Task Default_endpoint_is_the_documented_base_url(VendorDefinition vendor)
    {
        var options = vendor.CreateClientOptions(Sample.Key, Sample.Secret);
        var sample = FirstSample(vendor);
        var handler = new StubHandler().Otherwise(_ => sample.Answer());
        options.TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        options.Retry = new RetryOptions { MaxRetries = 0 };
        using var client = vendor.CreateClient(options, new HttpClient(handler));

        await sample.Invoke(client);

        Assert.Multiple(() =>
        {
            Assert.That(options.Endpoint, Is.EqualTo(vendor.DefaultEndpoint));
            Assert.That(handler.Requests.Single().Uri.AbsolutePath, Is.EqualTo(vendor.DefaultEndpoint.AbsolutePath.TrimEnd('/') + sample.RelativePath));
            Assert.That(handler.Requests.Single().Uri.Host, Is.EqualTo(vendor.DefaultEndpoint.Host));
        });
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.EveryOperation))]
    public async Task Endpoint_path_is_kept_with_or_without_trailing_slash_and_the_query_survives(VendorDefinition vendor, VendorOperation operation)
    {
        // Loopback http (by address and by name) and any https endpoint are accepted.
        foreach (var endpoint in new[] { "http://127.0.0.1:5000/custom/v9", "http://127.0.0.1:5000/custom/v9/", "http://localhost:5000/custom/v9", "https://proxy.internal.example/custom/v9/" })
        {
            var sample = Sample.For(vendor, operation);
            var handler = new StubHandler().Otherwise(_ => sample.Answer());
            using var client = vendor.CreateClient(Sample.Options(vendor, endpoint: new Uri(endpoint)), new HttpClient(handler));

            await sample.Invoke(client);

            Assert.That(handler.Requests.First().Uri.AbsoluteUri, Is.EqualTo(endpoint.TrimEnd('/') + sample.RelativePath + sample.Query), endpoint);
        }
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.EveryVendor))]
    public async Task HttpClient_BaseAddress_is_ignored_in_favour_of_the_endpoint(VendorDefinition vendor)
    {
        var sample = FirstSample(vendor);
        var handler = new StubHandler().Otherwise(_ => sample.Answer());
        var http = new HttpClient(handler) { BaseAddress = new Uri("https://elsewhere.example/other/") };
        using var client = vendor.CreateClient(Sample.Options(vendor), http);

        await sample.Invoke(client);

        Assert.That(handler.Requests.Single().Uri.GetLeftPart(UriPartial.Authority), Is.EqualTo(vendor.DefaultEndpoint.GetLeftPart(UriPartial.Authority)));
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.EveryVendor))]
    public void Non_loopback_http_endpoint_is_refused_without_showing_the_key(VendorDefinition vendor)
    {
        foreach (var endpoint in new[] { "http://" + vendor.DefaultEndpoint.Authority + vendor.DefaultEndpoint.AbsolutePath, "http://10.0.0.5:8080/v1" })
        {
            var handler = new StubHandler();
            var options = Sample.Options(vendor, endpoint: new Uri(endpoint));

            var error = Assert.Throws<ArgumentException>(() => vendor.CreateClient(options, new HttpClient(handler)).Dispose());

            Assert.Multiple(() =>
            {
                Assert.That(error!.Message, Does.Contain("https"), endpoint);
                Assert.That(error.ToString(), Does.Not.Contain(Sample.Key));
                Assert.That(handler.Requests, Is.Empty);
            });
        }
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.EveryVendor))]
    public void Missing_ApiKey_is_refused_with_ArgumentException_naming_ApiKey(VendorDefinition vendor)
    {
        foreach (var key in new[] { null, "", "  " })
        {
            var options = vendor.CreateClientOptions(key, Sample.Secret);

            var error = Assert.Throws<ArgumentException>(() => vendor.CreateClient(options, new HttpClient(new StubHandler())).Dispose());

            Assert.That(error!.Message, Does.Contain("ApiKey"), $"key '{key}'");
        }
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.EveryVendor))]
    public void Options_ToString_never_shows_the_credentials(VendorDefinition vendor)
    {
        var text = vendor.CreateClientOptions(Sample.Key, Sample.Secret).ToString();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain(Sample.Key));
            Assert.That(text, Does.Not.Contain(Sample.Secret));
            Assert.That(text, Does.Contain(vendor.DefaultEndpoint.Host));
        });
    }
}
