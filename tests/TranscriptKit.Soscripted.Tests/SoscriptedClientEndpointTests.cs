using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Soscripted.Tests;

/// <summary>Where requests go, which endpoints are refused, and that the API key is required, sent as a bearer token and never shown.</summary>
[TestFixture]
public sealed class SoscriptedClientEndpointTests
{
    [Test]
    public async Task Default_endpoint_is_the_documented_base_url()
    {
        var options = new SoscriptedClientOptions { ApiKey = TestClients.ApiKey, TimeProvider = new FakeTimeProvider(), Retry = TestClients.NoRetries };
        Assert.Multiple(() =>
        {
            Assert.That(options.Endpoint, Is.EqualTo(new Uri("https://soscripted.com/api/public")));
            Assert.That(SoscriptedClientOptions.DefaultEndpoint, Is.EqualTo(new Uri("https://soscripted.com/api/public")));
            Assert.That(SoscriptedClient.VendorId, Is.EqualTo("soscripted"));
        });

        var handler = new StubHandler().Respond(HttpStatusCode.OK, SoscriptedDocExamples.SuccessResponse);
        using var client = new SoscriptedClient(new HttpClient(handler), options);
        await client.TranscribeAsync(TestClients.DocRequest);

        Assert.That(handler.Requests.Single().Uri.AbsoluteUri, Is.EqualTo("https://soscripted.com/api/public/transcribe"));
    }

    [TestCase("http://127.0.0.1:5000/soscripted/api/public", "http://127.0.0.1:5000/soscripted/api/public/transcribe")]
    [TestCase("http://127.0.0.1:5000/soscripted/api/public/", "http://127.0.0.1:5000/soscripted/api/public/transcribe")]
    [TestCase("http://localhost:8080", "http://localhost:8080/transcribe")]
    [TestCase("https://proxy.internal.example/soscripted", "https://proxy.internal.example/soscripted/transcribe")]
    public async Task Endpoint_path_is_kept_and_loopback_http_is_accepted(string endpoint, string expected)
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, SoscriptedDocExamples.SuccessResponse);
        using var client = TestClients.Create(handler, new FakeTimeProvider(), endpoint: new Uri(endpoint));

        await client.TranscribeAsync(TestClients.DocRequest);

        Assert.That(handler.Requests.Single().Uri.AbsoluteUri, Is.EqualTo(expected));
    }

    [Test]
    public async Task Stream_goes_to_the_same_path_under_a_custom_endpoint()
    {
        var handler = new StubHandler().Respond(_ => Responses.EventStream(SoscriptedDocExamples.SseRealisticStream));
        using var client = TestClients.Create(handler, new FakeTimeProvider(), endpoint: new Uri("http://127.0.0.1:5000/soscripted/api/public/"));

        await Streams.ToListAsync(client.TranscribeStreamAsync(TestClients.DocRequest));

        Assert.That(handler.Requests.Single().Uri.AbsoluteUri, Is.EqualTo("http://127.0.0.1:5000/soscripted/api/public/transcribe"));
    }

    [Test]
    public async Task HttpClient_BaseAddress_is_ignored_in_favour_of_the_endpoint()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, SoscriptedDocExamples.SuccessResponse);
        var http = new HttpClient(handler) { BaseAddress = new Uri("https://elsewhere.example/other/") };
        using var client = new SoscriptedClient(http, TestClients.Options(new FakeTimeProvider()));

        await client.TranscribeAsync(TestClients.DocRequest);

        Assert.That(handler.Requests.Single().Uri.AbsoluteUri, Is.EqualTo("https://soscripted.com/api/public/transcribe"));
    }

    [TestCase("http://soscripted.com/api/public")]
    [TestCase("http://192.168.1.20:5000/api/public")]
    public void Non_loopback_http_endpoint_is_refused_without_showing_the_key(string endpoint)
    {
        var handler = new StubHandler();
        var options = TestClients.Options(new FakeTimeProvider(), endpoint: new Uri(endpoint));

        var error = Assert.Throws<ArgumentException>(() => new SoscriptedClient(new HttpClient(handler), options));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("https"));
            Assert.That(error.ToString(), Does.Not.Contain(TestClients.ApiKey));
            Assert.That(handler.Requests, Is.Empty);
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Missing_ApiKey_is_refused_with_ArgumentException_naming_ApiKey(string? apiKey)
    {
        var options = new SoscriptedClientOptions { ApiKey = apiKey, TimeProvider = new FakeTimeProvider() };

        var error = Assert.Throws<ArgumentException>(() => new SoscriptedClient(new HttpClient(new StubHandler()), options));

        Assert.That(error!.Message, Does.Contain("ApiKey"));
    }

    [Test]
    public void Options_ToString_never_shows_the_key()
    {
        var options = new SoscriptedClientOptions { ApiKey = TestClients.ApiKey };

        var text = options.ToString();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain(TestClients.ApiKey));
            Assert.That(text, Does.Contain("https://soscripted.com/api/public"));
        });
    }

    [Test]
    public async Task Stream_request_is_authenticated_with_the_bearer_key_too()
    {
        var handler = new StubHandler().Respond(_ => Responses.EventStream(SoscriptedDocExamples.SseRealisticStream));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        await Streams.ToListAsync(client.TranscribeStreamAsync(TestClients.DocRequest));

        Assert.That("Authorization: " + handler.Requests.Single().Header("Authorization"), Is.EqualTo(SoscriptedDocExamples.AuthorizationHeader));
    }

    [Test]
    public void Key_never_appears_in_a_401_error()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.Unauthorized, SoscriptedDocExamples.ErrorResponse);
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() => client.TranscribeAsync(TestClients.DocRequest));

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests.Single().Header("Authorization"), Is.EqualTo("Bearer " + TestClients.ApiKey), "the key was sent");
            Assert.That(error!.Message, Does.Not.Contain(TestClients.ApiKey));
            Assert.That(error.ToString(), Does.Not.Contain(TestClients.ApiKey));
        });
    }

    [Test]
    public async Task Custom_AuthenticationProvider_replaces_the_key()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, SoscriptedDocExamples.SuccessResponse);
        var options = new SoscriptedClientOptions
        {
            AuthenticationProvider = new FixedBearer("sk_rotated_token"),
            TimeProvider = new FakeTimeProvider(),
            Retry = TestClients.NoRetries,
        };
        using var client = new SoscriptedClient(new HttpClient(handler), options);

        await client.TranscribeAsync(TestClients.DocRequest);

        Assert.That(handler.Requests.Single().Header("Authorization"), Is.EqualTo("Bearer sk_rotated_token"));
    }

    private sealed class FixedBearer(string token) : IAuthenticationProvider
    {
        public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            request.Headers.Add("Authorization", "Bearer " + token);
            return Task.CompletedTask;
        }
    }
}
