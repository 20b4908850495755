using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Subclip.Tests;

/// <summary>Where requests go, which endpoints are refused, and that the API key is required, sent as a bearer token and never shown.</summary>
[TestFixture]
public sealed class SubclipClientEndpointTests
{
    private const string SecretKey = "test-key";

    [Test]
    public async Task Default_endpoint_is_the_documented_base_url()
    {
        var options = new SubclipClientOptions { ApiKey = SecretKey, TimeProvider = new FakeTimeProvider(), Retry = TestClients.NoRetries };
        Assert.That(options.Endpoint, Is.EqualTo(new Uri("https://www.subclip.app/api/v1")));
        Assert.That(SubclipClientOptions.DefaultEndpoint, Is.EqualTo(new Uri("https://www.subclip.app/api/v1")));

        var handler = new StubHandler().Respond(HttpStatusCode.OK, SubclipDocExamples.StatusText);
        using var client = new SubclipClient(new HttpClient(handler), options);
        await client.GetJobAsync(SubclipDocExamples.ProjectId);

        Assert.That(handler.Requests.Single().Uri.AbsoluteUri, Is.EqualTo(SubclipDocExamples.PollStatusUrl));
    }

    [TestCase("http://127.0.0.1:5000/subclip/api/v1")]
    [TestCase("http://127.0.0.1:5000/subclip/api/v1/")]
    public async Task Endpoint_path_is_kept_with_or_without_trailing_slash(string endpoint)
    {
        var handler = new StubHandler()
            .Respond(HttpStatusCode.OK, SubclipDocExamples.UploadResponse)
            .Respond(HttpStatusCode.OK, SubclipDocExamples.JobResponse)
            .Respond(HttpStatusCode.OK, SubclipDocExamples.StatusText);
        using var client = TestClients.Create(handler, new FakeTimeProvider(), endpoint: new Uri(endpoint));

        await client.CreateUploadUrlAsync(new CreateUploadUrlRequest { FileName = "a.mp4", FileSize = 1 });
        await client.CreateJobAsync(new CreateJobRequest { Url = SubclipDocExamples.TikTokUrl, Language = LanguageCode.En });
        await client.GetJobAsync("stproj_1");

        Assert.That(handler.Requests.Select(r => r.Uri.AbsoluteUri), Is.EqualTo(new[]
        {
            "http://127.0.0.1:5000/subclip/api/v1/social-transcripts/uploads",
            "http://127.0.0.1:5000/subclip/api/v1/social-transcripts/jobs",
            "http://127.0.0.1:5000/subclip/api/v1/social-transcripts/jobs/stproj_1",
        }));
    }

    [Test]
    public async Task HttpClient_BaseAddress_is_ignored_in_favour_of_the_endpoint()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, SubclipDocExamples.StatusText);
        var http = new HttpClient(handler) { BaseAddress = new Uri("https://elsewhere.example/other/") };
        using var client = new SubclipClient(http, TestClients.Options(new FakeTimeProvider()));

        await client.GetJobAsync("stproj_1");

        Assert.That(handler.Requests.Single().Uri.AbsoluteUri, Is.EqualTo("https://www.subclip.app/api/v1/social-transcripts/jobs/stproj_1"));
    }

    [TestCase("http://www.subclip.app/api/v1")]
    [TestCase("http://192.168.1.20:5000/api/v1")]
    public void Non_loopback_http_endpoint_is_refused(string endpoint)
    {
        var handler = new StubHandler();
        var options = TestClients.Options(new FakeTimeProvider(), endpoint: new Uri(endpoint));

        var error = Assert.Throws<ArgumentException>(() => new SubclipClient(new HttpClient(handler), options));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("https"));
            Assert.That(error.Message, Does.Not.Contain(SecretKey));
            Assert.That(handler.Requests, Is.Empty);
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Missing_ApiKey_is_refused_with_ArgumentException_naming_ApiKey(string? apiKey)
    {
        var options = new SubclipClientOptions { ApiKey = apiKey, TimeProvider = new FakeTimeProvider() };

        var error = Assert.Throws<ArgumentException>(() => new SubclipClient(new HttpClient(new StubHandler()), options));

        Assert.That(error!.Message, Does.Contain("ApiKey"));
    }

    [Test]
    public async Task Every_operation_sends_the_key_as_a_bearer_token()
    {
        var handler = new StubHandler()
            .Respond(HttpStatusCode.OK, SubclipDocExamples.UploadResponse)
            .Respond(HttpStatusCode.OK, SubclipDocExamples.JobResponse)
            .Respond(HttpStatusCode.OK, SubclipDocExamples.StatusText);
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        await client.CreateUploadUrlAsync(new CreateUploadUrlRequest { FileName = "a.mp4", FileSize = 1 });
        await client.CreateJobAsync(new CreateJobRequest { Url = SubclipDocExamples.TikTokUrl, Language = LanguageCode.En });
        await client.GetJobAsync("stproj_1");

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests, Has.Count.EqualTo(3));
            Assert.That(handler.Requests.Select(r => r.Header("Authorization")), Is.All.EqualTo("Bearer " + SecretKey));
            Assert.That(handler.Requests.Select(r => r.Header("Accept")), Is.All.EqualTo("application/json"));
        });
    }

    [Test]
    public void Options_ToString_never_shows_the_key()
    {
        var options = new SubclipClientOptions { ApiKey = SecretKey };

        var text = options.ToString();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain(SecretKey));
            Assert.That(text, Does.Contain("https://www.subclip.app/api/v1"));
        });
    }

    [Test]
    public void Key_never_appears_in_the_message_of_a_vendor_error()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.Unauthorized, SubclipDocExamples.Unauthorized);
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() => client.GetJobAsync("stproj_1"));

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests.Single().Header("Authorization"), Is.EqualTo("Bearer " + SecretKey), "the key was sent");
            Assert.That(error!.Message, Does.Not.Contain(SecretKey));
            Assert.That(error.ToString(), Does.Not.Contain(SecretKey));
        });
    }
}
