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

namespace TranscriptKit.TranscriptGenerate.Tests;

/// <summary>ApiKey and ApiSecret travel as X-API-Key and X-API-Secret, are both required, and never show up in text.</summary>
[TestFixture]
public sealed class TranscriptGenerateAuthenticationTests
{
    private const string Key = TestClients.ApiKey;
    private const string Secret = TestClients.ApiSecret;

    [Test]
    public async Task Every_operation_sends_the_key_in_X_API_Key_and_the_secret_in_X_API_Secret()
    {
        var handler = new StubHandler()
            .Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.CreateTaskSuccess)
            .Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.QueryCompleted)
            .Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.QuotaLimited)
            .Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.Concurrency);
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        await client.CreateTaskAsync(new CreateTaskRequest { WorkUrl = TranscriptGenerateDocExamples.WorkUrl });
        await client.QueryTaskAsync(TranscriptGenerateDocExamples.TaskId);
        await client.GetQuotaUsageAsync();
        await client.GetConcurrencyAsync();

        Assert.That(handler.Requests, Has.Count.EqualTo(4));
        Assert.Multiple(() =>
        {
            foreach (var request in handler.Requests)
            {
                Assert.That(request.Header("X-API-Key"), Is.EqualTo(Key), request.Uri.AbsolutePath);
                Assert.That(request.Header("X-API-Secret"), Is.EqualTo(Secret), request.Uri.AbsolutePath);
                Assert.That(request.Message.Headers.Authorization, Is.Null, "no other credential scheme is sent");
                Assert.That(request.Uri.Query, Does.Not.Contain(Key).And.Not.Contain(Secret), "credentials never go into the URL");
            }
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Missing_ApiKey_is_refused_with_ArgumentException_naming_ApiKey_and_ApiSecret(string? apiKey)
    {
        var options = new TranscriptGenerateClientOptions { ApiKey = apiKey, ApiSecret = Secret, TimeProvider = new FakeTimeProvider() };
        var handler = new StubHandler();

        var error = Assert.Throws<ArgumentException>(() => new TranscriptGenerateClient(new HttpClient(handler), options));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("ApiKey").And.Contain("ApiSecret"));
            Assert.That(error.ToString(), Does.Not.Contain(Secret), "the secret that was given is not echoed");
            Assert.That(handler.Requests, Is.Empty);
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Missing_ApiSecret_is_refused_with_ArgumentException_naming_ApiKey_and_ApiSecret(string? apiSecret)
    {
        var options = new TranscriptGenerateClientOptions { ApiKey = Key, ApiSecret = apiSecret, TimeProvider = new FakeTimeProvider() };
        var handler = new StubHandler();

        var error = Assert.Throws<ArgumentException>(() => new TranscriptGenerateClient(new HttpClient(handler), options));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("ApiKey").And.Contain("ApiSecret"));
            Assert.That(error.ToString(), Does.Not.Contain(Key), "the key that was given is not echoed");
            Assert.That(handler.Requests, Is.Empty);
        });
    }

    [Test]
    public void Missing_both_is_refused_by_the_constructor_without_an_HttpClient_too()
    {
        var error = Assert.Throws<ArgumentException>(() => new TranscriptGenerateClient(new TranscriptGenerateClientOptions()));

        Assert.That(error!.Message, Does.Contain("ApiKey").And.Contain("ApiSecret"));
    }

    [Test]
    public void Options_ToString_shows_neither_the_key_nor_the_secret()
    {
        var options = new TranscriptGenerateClientOptions { ApiKey = Key, ApiSecret = Secret };

        var text = options.ToString();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain(Key));
            Assert.That(text, Does.Not.Contain(Secret));
            Assert.That(text, Does.Contain(TestClients.BaseUrl), "the endpoint is worth showing");
        });
    }

    [Test]
    public void Http_401_with_the_docs_authentication_failure_body_becomes_Authentication_error_with_reason_Unauthorized()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.Unauthorized, TranscriptGenerateDocExamples.AuthenticationFailure);
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() => client.GetQuotaUsageAsync());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Vendor, Is.EqualTo(TestClients.Vendor));
            Assert.That(error.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(error.ErrorCode, Is.EqualTo("401"));
            Assert.That(error.VendorMessage, Is.EqualTo(TranscriptGenerateDocExamples.AuthenticationFailureMessage));
            Assert.That(error.Reason, Is.EqualTo(TranscriptGenerateErrorReasons.Unauthorized));
            Assert.That(error.Message, Does.Contain("401").And.Contain(TranscriptGenerateDocExamples.AuthenticationFailureMessage));
            Assert.That(handler.Requests.Single().Header("X-API-Key"), Is.EqualTo(Key), "the key was sent");
        });
        TestClients.AssertNoCredentials(error!);
    }

    [Test]
    public void Http_401_on_createTask_is_not_retried_and_never_shows_the_credentials()
    {
        var handler = new StubHandler().Otherwise(_ => Http.Json(TranscriptGenerateDocExamples.AuthenticationFailure, HttpStatusCode.Unauthorized));
        using var client = TestClients.Create(handler, new FakeTimeProvider(), new RetryOptions { MaxRetries = 3 });

        var error = Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() => client.CreateTaskAsync(new CreateTaskRequest { WorkUrl = TranscriptGenerateDocExamples.WorkUrl }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Reason, Is.EqualTo(TranscriptGenerateErrorReasons.Unauthorized));
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
        });
        TestClients.AssertNoCredentials(error!);
    }

    [Test]
    public void Code_401_inside_an_HTTP_200_envelope_becomes_Authentication_error_with_reason_Unauthorized()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.AuthenticationFailure);
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() => client.GetConcurrencyAsync());

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo("401"));
            Assert.That(error.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(error.VendorMessage, Is.EqualTo(TranscriptGenerateDocExamples.AuthenticationFailureMessage));
            Assert.That(error.Reason, Is.EqualTo(TranscriptGenerateErrorReasons.Unauthorized));
        });
        TestClients.AssertNoCredentials(error!);
    }

    [Test]
    public async Task A_custom_AuthenticationProvider_replaces_the_key_headers_and_needs_no_key()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, TranscriptGenerateDocExamples.Concurrency);
        var options = new TranscriptGenerateClientOptions
        {
            AuthenticationProvider = new FixedHeaderProvider(),
            TimeProvider = new FakeTimeProvider(),
            Retry = TestClients.NoRetries,
        };
        using var client = new TranscriptGenerateClient(new HttpClient(handler), options);

        var usage = await client.GetConcurrencyAsync();

        var request = handler.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(usage.MaxConcurrency, Is.EqualTo(2));
            Assert.That(request.Header("X-Custom-Auth"), Is.EqualTo("token-from-vault"));
            Assert.That(request.Header("X-API-Key"), Is.Null);
            Assert.That(request.Header("X-API-Secret"), Is.Null);
        });
    }

    private sealed class FixedHeaderProvider : IAuthenticationProvider
    {
        public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            request.Headers.Add("X-Custom-Auth", "token-from-vault");
            return Task.CompletedTask;
        }
    }
}
