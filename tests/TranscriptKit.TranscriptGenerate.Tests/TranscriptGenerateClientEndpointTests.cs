using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.TranscriptGenerate.Tests;

/// <summary>Where requests go: the documented base URL with its /open-gateway path, overrides, and refused endpoints.</summary>
[TestFixture]
public sealed class TranscriptGenerateClientEndpointTests
{
    [Test]
    public async Task Default_endpoint_is_the_documented_base_url_with_the_open_gateway_path()
    {
        var options = new TranscriptGenerateClientOptions { ApiKey = TestClients.ApiKey, ApiSecret = TestClients.ApiSecret, TimeProvider = new FakeTimeProvider(), Retry = TestClients.NoRetries };
        Assert.Multiple(() =>
        {
            Assert.That(options.Endpoint, Is.EqualTo(new Uri("https://api.transcriptgenerate.com/open-gateway")));
            Assert.That(TranscriptGenerateClientOptions.DefaultEndpoint, Is.EqualTo(new Uri("https://api.transcriptgenerate.com/open-gateway")));
            Assert.That(TranscriptGenerateClient.VendorId, Is.EqualTo("transcriptgenerate"));
        });

        var handler = new StubHandler().Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.QuotaLimited);
        using var client = new TranscriptGenerateClient(new HttpClient(handler), options);
        await client.GetQuotaUsageAsync();

        Assert.That(handler.Requests.Single().Uri.AbsoluteUri, Is.EqualTo("https://api.transcriptgenerate.com/open-gateway/transcript-api/v1/quota/usage"));
    }

    [TestCase("http://127.0.0.1:5000/tg/open-gateway")]
    [TestCase("http://127.0.0.1:5000/tg/open-gateway/")]
    public async Task Endpoint_path_is_kept_with_or_without_trailing_slash_and_the_query_survives(string endpoint)
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.QueryProcessing);
        using var client = TestClients.Create(handler, new FakeTimeProvider(), endpoint: new Uri(endpoint));

        await client.QueryTaskAsync(TranscriptGenerateDocExamples.TaskId);

        Assert.That(handler.Requests.Single().Uri.AbsoluteUri, Is.EqualTo("http://127.0.0.1:5000/tg/open-gateway/transcript-api/v1/task/query?taskId=1893456789012345678"));
    }

    [Test]
    public async Task HttpClient_BaseAddress_is_ignored_in_favour_of_the_endpoint()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.Concurrency);
        var http = new HttpClient(handler) { BaseAddress = new Uri("https://elsewhere.example/other/") };
        using var client = new TranscriptGenerateClient(http, TestClients.Options(new FakeTimeProvider()));

        await client.GetConcurrencyAsync();

        Assert.That(handler.Requests.Single().Uri.AbsoluteUri, Is.EqualTo("https://api.transcriptgenerate.com/open-gateway/transcript-api/v1/quota/concurrency"));
    }

    [TestCase("http://api.transcriptgenerate.com/open-gateway")]
    [TestCase("http://192.168.1.20:5000/open-gateway")]
    public void Non_loopback_http_endpoint_is_refused_before_credentials_are_sent(string endpoint)
    {
        var handler = new StubHandler();
        var options = TestClients.Options(new FakeTimeProvider(), endpoint: new Uri(endpoint));

        var error = Assert.Throws<ArgumentException>(() => new TranscriptGenerateClient(new HttpClient(handler), options));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("https"));
            Assert.That(error.ToString(), Does.Not.Contain(TestClients.ApiKey).And.Not.Contain(TestClients.ApiSecret));
            Assert.That(handler.Requests, Is.Empty);
        });
    }

    [TestCase("http://localhost:5000/open-gateway", "http://localhost:5000/open-gateway/transcript-api/v1/quota/concurrency")]
    [TestCase("https://proxy.internal.example/tg/open-gateway", "https://proxy.internal.example/tg/open-gateway/transcript-api/v1/quota/concurrency")]
    public async Task Loopback_http_and_any_https_endpoint_are_accepted(string endpoint, string expected)
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.Concurrency);
        using var client = TestClients.Create(handler, new FakeTimeProvider(), endpoint: new Uri(endpoint));

        await client.GetConcurrencyAsync();

        Assert.That(handler.Requests.Single().Uri.AbsoluteUri, Is.EqualTo(expected));
    }
}
