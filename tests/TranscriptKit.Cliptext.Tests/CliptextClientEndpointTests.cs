using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Cliptext.Tests;

/// <summary>The documented base URL, endpoint overrides, HTTPS only, and the API key: required, sent, never shown.</summary>
[TestFixture]
public sealed class CliptextClientEndpointTests
{
    private const string SecretKey = TestClients.ApiKey;

    [Test]
    public async Task Default_endpoint_is_the_documented_base_url()
    {
        var options = new CliptextClientOptions { ApiKey = SecretKey, TimeProvider = new FakeTimeProvider(), Retry = TestClients.NoRetries };
        Assert.Multiple(() =>
        {
            Assert.That(options.Endpoint, Is.EqualTo(new Uri("https://api.cliptext.ai/v1")));
            Assert.That(CliptextClientOptions.DefaultEndpoint, Is.EqualTo(new Uri("https://api.cliptext.ai/v1")));
            Assert.That(CliptextClient.VendorId, Is.EqualTo("cliptext"));
        });

        var handler = new StubHandler().Respond(HttpStatusCode.OK, CliptextDocExamples.Organizations);
        using var client = new CliptextClient(new HttpClient(handler), options);
        await client.ListOrganizationsAsync();

        Assert.That(handler.Requests.Single().Uri.AbsoluteUri, Is.EqualTo("https://api.cliptext.ai/v1/orgs"));
    }

    [TestCase("http://127.0.0.1:5000/cliptext/v1")]
    [TestCase("http://127.0.0.1:5000/cliptext/v1/")]
    public async Task Endpoint_path_is_kept_with_or_without_trailing_slash(string endpoint)
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, CliptextDocExamples.GenericResponse);
        using var client = TestClients.Create(handler, new FakeTimeProvider(), endpoint: new Uri(endpoint));

        await client.GetTranscriptionAsync(CliptextDocExamples.TranscriptionId);

        Assert.That(handler.Requests.Single().Uri.AbsoluteUri, Is.EqualTo("http://127.0.0.1:5000/cliptext/v1/transcriptions/txn_abc123"));
    }

    [Test]
    public async Task HttpClient_BaseAddress_is_ignored_in_favour_of_the_endpoint()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, CliptextDocExamples.Organizations);
        var http = new HttpClient(handler) { BaseAddress = new Uri("https://elsewhere.example/other/") };
        using var client = new CliptextClient(http, TestClients.Options(new FakeTimeProvider()));

        await client.ListOrganizationsAsync();

        Assert.That(handler.Requests.Single().Uri.AbsoluteUri, Is.EqualTo("https://api.cliptext.ai/v1/orgs"));
    }

    [TestCase("http://api.cliptext.ai/v1")]
    [TestCase("http://10.0.0.5:8080/v1")]
    public void Non_loopback_http_endpoint_is_refused(string endpoint)
    {
        var handler = new StubHandler();
        var options = TestClients.Options(new FakeTimeProvider(), endpoint: new Uri(endpoint));

        var error = Assert.Throws<ArgumentException>(() => new CliptextClient(new HttpClient(handler), options));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("https"), "docs: all requests should use HTTPS");
            Assert.That(error.ToString(), Does.Not.Contain(SecretKey));
            Assert.That(handler.Requests, Is.Empty);
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void Missing_ApiKey_is_refused_with_ArgumentException_naming_ApiKey(string? apiKey)
    {
        var options = new CliptextClientOptions { ApiKey = apiKey, TimeProvider = new FakeTimeProvider() };

        var error = Assert.Throws<ArgumentException>(() => new CliptextClient(new HttpClient(new StubHandler()), options));

        Assert.That(error!.Message, Does.Contain("ApiKey"));
    }

    [Test]
    public void Options_ToString_never_shows_the_key()
    {
        var options = new CliptextClientOptions { ApiKey = SecretKey };

        var text = options.ToString();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain(SecretKey));
            Assert.That(text, Does.Contain("https://api.cliptext.ai/v1"));
        });
    }

    [Test]
    public async Task Every_operation_sends_the_key_as_a_bearer_token()
    {
        var handler = new StubHandler().Otherwise(r => Http.Json((r.Method.Method, r.Uri.AbsolutePath) switch
        {
            ("GET", "/v1/transcriptions") => CliptextDocExamples.TranscriptionPage,
            ("DELETE", _) => CliptextDocExamples.Deleted,
            ("POST", "/v1/uploads/presigned") => CliptextDocExamples.PresignedUpload,
            ("POST", "/v1/uploads/complete") => CliptextDocExamples.CompletedUpload,
            ("GET", "/v1/orgs") => CliptextDocExamples.Organizations,
            ("GET", "/v1/orgs/org_1") => CliptextDocExamples.Organization,
            ("POST", "/v1/orgs/org_1/members") => CliptextDocExamples.Member,
            _ => CliptextDocExamples.GenericResponse,
        }, HttpStatusCode.OK));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        await client.CreateTranscriptionAsync(new CreateTranscriptionRequest { UploadId = "upl_789" });
        await client.ListTranscriptionsAsync();
        await client.GetTranscriptionAsync("txn_abc123");
        await client.DeleteTranscriptionAsync("txn_abc123");
        await client.CreatePresignedUploadAsync(new CreatePresignedUploadRequest { FileName = "a.mp3" });
        await client.CompleteUploadAsync(new CompleteUploadRequest { UploadId = "upl_789" });
        await client.ListOrganizationsAsync();
        await client.GetOrganizationAsync("org_1");
        await client.AddOrganizationMemberAsync("org_1", new AddMemberRequest { Email = "ana@example.com" });

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests, Has.Count.EqualTo(9));
            Assert.That(handler.Requests.Select(r => r.Header("Authorization")), Is.All.EqualTo("Bearer " + SecretKey));
            Assert.That(handler.Requests.Select(r => r.Uri.Scheme), Is.All.EqualTo("https"));
        });
    }

    [Test]
    public void Key_never_appears_in_a_vendor_error()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.Unauthorized, CliptextDocExamples.Unauthorized);
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() => client.GetTranscriptionAsync("txn_abc123"));

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests.Single().Header("Authorization"), Is.EqualTo("Bearer " + SecretKey), "the key was sent");
            Assert.That(error!.Message, Does.Not.Contain(SecretKey));
            Assert.That(error.ToString(), Does.Not.Contain(SecretKey));
        });
    }
}
