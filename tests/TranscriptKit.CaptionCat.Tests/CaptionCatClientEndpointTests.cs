using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.CaptionCat.Tests;

/// <summary>Where requests go, which endpoints are refused, and that the API key is required and never shown.</summary>
[TestFixture]
public sealed class CaptionCatClientEndpointTests
{
    private const string SecretKey = "test-key";

    [TestCase("http://127.0.0.1:5000/captioncat/v1")]
    [TestCase("http://127.0.0.1:5000/captioncat/v1/")]
    public async Task Endpoint_path_is_kept_with_or_without_trailing_slash(string endpoint)
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, CaptionCatDocExamples.Balance);
        using var client = TestClients.Create(handler, new FakeTimeProvider(), endpoint: new Uri(endpoint));

        var balance = await client.GetBalanceAsync();

        var uri = handler.Requests.Single().Uri;
        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests.Single().Method, Is.EqualTo(HttpMethod.Get));
            Assert.That(uri.AbsoluteUri, Is.EqualTo("http://127.0.0.1:5000/captioncat/v1/balance"));
            Assert.That(uri.AbsolutePath, Is.EqualTo("/captioncat/v1/balance"));
            Assert.That(balance.Balance, Is.EqualTo(6012));
        });
    }

    [Test]
    public async Task Endpoint_path_is_kept_for_operations_with_path_parameters()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, CaptionCatDocExamples.TranscriptionFinished);
        using var client = TestClients.Create(handler, new FakeTimeProvider(), endpoint: new Uri("http://127.0.0.1:5000/captioncat/v1/"));

        await client.GetTranscriptionStatusAsync(CaptionCatDocExamples.VideoId);

        Assert.That(handler.Requests.Single().Uri.AbsolutePath, Is.EqualTo("/captioncat/v1/transcribe/cb6dc793fa1ceadb55744ba0a7b0af56/poll"));
    }

    [Test]
    public async Task Default_endpoint_is_the_documented_base_url()
    {
        var options = new CaptionCatClientOptions { ApiKey = SecretKey, TimeProvider = new FakeTimeProvider(), Retry = TestClients.NoRetries };
        Assert.That(options.Endpoint, Is.EqualTo(new Uri("https://api.captioncat.net/v1")));
        Assert.That(CaptionCatClientOptions.DefaultEndpoint, Is.EqualTo(new Uri("https://api.captioncat.net/v1")));

        var handler = new StubHandler().Respond(HttpStatusCode.OK, CaptionCatDocExamples.Balance);
        using var client = new CaptionCatClient(new HttpClient(handler), options);
        await client.GetBalanceAsync();

        Assert.That(handler.Requests.Single().Uri.AbsoluteUri, Is.EqualTo("https://api.captioncat.net/v1/balance"));
    }

    [Test]
    public async Task HttpClient_BaseAddress_is_ignored_in_favour_of_the_endpoint()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, CaptionCatDocExamples.Balance);
        var http = new HttpClient(handler) { BaseAddress = new Uri("https://elsewhere.example/other/") };
        using var client = new CaptionCatClient(http, TestClients.Options(new FakeTimeProvider()));

        await client.GetBalanceAsync();

        Assert.That(handler.Requests.Single().Uri.AbsoluteUri, Is.EqualTo("https://api.captioncat.net/v1/balance"));
    }

    [TestCase("http://api.captioncat.net/v1")]
    [TestCase("http://192.168.1.20:5000/captioncat/v1")]
    [TestCase("http://example.com/")]
    public void Non_loopback_http_endpoint_is_refused(string endpoint)
    {
        var handler = new StubHandler();
        var options = TestClients.Options(new FakeTimeProvider(), endpoint: new Uri(endpoint));

        var error = Assert.Throws<ArgumentException>(() => new CaptionCatClient(new HttpClient(handler), options));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("https"));
            Assert.That(error.Message, Does.Not.Contain(SecretKey));
        });
        Assert.That(handler.Requests, Is.Empty);
    }

    [TestCase("http://localhost:5000/captioncat/v1", "http://localhost:5000/captioncat/v1/balance")]
    [TestCase("http://[::1]:5000/v1", "http://[::1]:5000/v1/balance")]
    [TestCase("https://proxy.internal.example/captioncat/v1", "https://proxy.internal.example/captioncat/v1/balance")]
    public async Task Loopback_http_and_any_https_endpoint_are_accepted(string endpoint, string expected)
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, CaptionCatDocExamples.Balance);
        using var client = TestClients.Create(handler, new FakeTimeProvider(), endpoint: new Uri(endpoint));

        await client.GetBalanceAsync();

        Assert.That(handler.Requests.Single().Uri.AbsoluteUri, Is.EqualTo(expected));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Missing_ApiKey_is_refused_with_ArgumentException_naming_ApiKey(string? apiKey)
    {
        var options = new CaptionCatClientOptions { ApiKey = apiKey, TimeProvider = new FakeTimeProvider() };

        var error = Assert.Throws<ArgumentException>(() => new CaptionCatClient(new HttpClient(new StubHandler()), options));

        Assert.That(error!.Message, Does.Contain("ApiKey"));
    }

    [Test]
    public void Options_ToString_never_shows_the_key()
    {
        var options = new CaptionCatClientOptions { ApiKey = SecretKey };

        var text = options.ToString();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain(SecretKey));
            Assert.That(text, Does.Contain("https://api.captioncat.net/v1"), "the endpoint is worth showing");
        });
    }

    [Test]
    public void Key_never_appears_in_the_message_of_a_vendor_error()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.Unauthorized, CaptionCatDocExamples.Unauthorized);
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() => client.GetBalanceAsync());

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests.Single().Header("Authorization"), Is.EqualTo("Bearer " + SecretKey), "the key was sent");
            Assert.That(error!.Message, Does.Not.Contain(SecretKey));
            Assert.That(error.ToString(), Does.Not.Contain(SecretKey));
        });
    }

    [Test]
    public void Key_never_appears_in_the_message_of_a_refused_endpoint()
    {
        var options = TestClients.Options(new FakeTimeProvider(), endpoint: new Uri("http://example.com/v1"));

        var error = Assert.Throws<ArgumentException>(() => new CaptionCatClient(new HttpClient(new StubHandler()), options));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("example.com"), "the message names the refused host");
            Assert.That(error.ToString(), Does.Not.Contain(SecretKey));
        });
    }
}
