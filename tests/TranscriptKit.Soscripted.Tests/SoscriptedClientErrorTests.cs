using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Soscripted.Tests;

/// <summary>The documented status codes become typed exceptions with the vendor's message; a paid request is never sent twice.</summary>
[TestFixture]
public sealed class SoscriptedClientErrorTests
{
    [TestCase(HttpStatusCode.BadRequest, typeof(TranscriptKitBadRequestException))]
    [TestCase(HttpStatusCode.Unauthorized, typeof(TranscriptKitAuthenticationException))]
    [TestCase(HttpStatusCode.PaymentRequired, typeof(TranscriptKitInsufficientCreditsException))]
    [TestCase(HttpStatusCode.InternalServerError, typeof(TranscriptKitServerException))]
    [TestCase(HttpStatusCode.GatewayTimeout, typeof(TranscriptKitServerException))]
    public void Documented_status_with_the_doc_error_body_becomes_its_typed_exception(HttpStatusCode status, Type expected)
    {
        var handler = new StubHandler().Respond(status, SoscriptedDocExamples.ErrorResponse);
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.CatchAsync<TranscriptKitException>(() => client.TranscribeAsync(TestClients.DocRequest));

        Assert.That(error, Is.TypeOf(expected));
        AssertVendorError(error!, status, SoscriptedDocExamples.ErrorDescription);
        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void Status_400_missing_url_becomes_BadRequest_with_vendor_message()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.BadRequest, """{"error": "Missing URL"}""");
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitBadRequestException>(() => client.TranscribeAsync(new TranscribeRequest { Url = "" }));

        AssertVendorError(error!, HttpStatusCode.BadRequest, "Missing URL");
    }

    [Test]
    public void Status_401_becomes_Authentication_error_with_a_hint_about_the_key()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.Unauthorized, """{"error": "Invalid API key"}""");
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() => client.TranscribeAsync(TestClients.DocRequest));

        AssertVendorError(error!, HttpStatusCode.Unauthorized, "Invalid API key");
        Assert.That(error!.Message, Does.Contain("API key"));
    }

    [Test]
    public void Status_402_becomes_InsufficientCredits_with_vendor_message()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.PaymentRequired, """{"error": "Insufficient credits"}""");
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitInsufficientCreditsException>(() => client.TranscribeAsync(TestClients.DocRequest));

        AssertVendorError(error!, HttpStatusCode.PaymentRequired, "Insufficient credits");
    }

    [Test]
    public void Status_500_becomes_Server_error_with_vendor_message()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.InternalServerError, """{"error": "Transcription failed"}""");
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitServerException>(() => client.TranscribeAsync(TestClients.DocRequest));

        AssertVendorError(error!, HttpStatusCode.InternalServerError, "Transcription failed");
    }

    [Test]
    public void Status_504_becomes_Server_error_with_status_504_and_vendor_message()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.GatewayTimeout, """{"error": "Transcription took too long"}""");
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitServerException>(() => client.TranscribeAsync(TestClients.DocRequest));

        AssertVendorError(error!, HttpStatusCode.GatewayTimeout, "Transcription took too long");
    }

    [Test]
    public void Request_id_header_of_an_error_is_kept()
    {
        var handler = new StubHandler().Respond(
            HttpStatusCode.InternalServerError,
            SoscriptedDocExamples.ErrorResponse,
            configure: r => r.Headers.Add("x-request-id", "req-7"));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitServerException>(() => client.TranscribeAsync(TestClients.DocRequest));

        Assert.Multiple(() =>
        {
            Assert.That(error!.RequestId, Is.EqualTo("req-7"));
            Assert.That(error.Message, Does.Contain("req-7"));
        });
    }

    [Test]
    public async Task A_429_is_a_refusal_so_it_is_retried_after_Retry_After()
    {
        // Not in the docs' status table, but a 429 means nothing was started or charged, so sending again is safe.
        var time = new FakeTimeProvider();
        var handler = new StubHandler()
            .Respond(HttpStatusCode.TooManyRequests, """{"error": "Too many requests"}""", configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2)))
            .Respond(HttpStatusCode.OK, SoscriptedDocExamples.SuccessResponse);
        using var client = TestClients.Create(handler, time, new RetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(30) });

        var call = client.TranscribeAsync(TestClients.DocRequest);
        await Eventually.RequestsAsync(handler, 1);
        time.Advance(TimeSpan.FromMilliseconds(1900));
        await Eventually.SettleAsync();
        Assert.That(Eventually.Count(handler), Is.EqualTo(1), "not before Retry-After");

        time.Advance(TimeSpan.FromMilliseconds(100));
        var result = await call;

        Assert.Multiple(() =>
        {
            Assert.That(result.Caption!.Text, Is.EqualTo("Full transcript text here..."));
            Assert.That(handler.Requests, Has.Count.EqualTo(2));
            Assert.That(handler.Requests[1].BodyText, Is.EqualTo(handler.Requests[0].BodyText));
        });
    }

    [Test]
    public void A_429_with_retries_off_becomes_RateLimit_error_carrying_Retry_After()
    {
        var handler = new StubHandler()
            .Respond(HttpStatusCode.TooManyRequests, """{"error": "Too many requests"}""", configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(30)));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitRateLimitException>(() => client.TranscribeAsync(TestClients.DocRequest));

        Assert.Multiple(() =>
        {
            Assert.That(error!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(error.VendorMessage, Is.EqualTo("Too many requests"));
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
        });
    }

    internal static void AssertVendorError(TranscriptKitException error, HttpStatusCode status, string vendorMessage)
    {
        Assert.Multiple(() =>
        {
            Assert.That(error.Vendor, Is.EqualTo("soscripted"));
            Assert.That(error.Status, Is.EqualTo(status));
            Assert.That(error.VendorMessage, Is.EqualTo(vendorMessage));
            Assert.That(error.Message, Does.Contain(vendorMessage));
            Assert.That(error.Message, Does.Contain("Soscripted"));
            Assert.That(error.Message, Does.Contain(((int)status).ToString(CultureInfo.InvariantCulture)));
            Assert.That(error.Message, Does.Not.Contain(TestClients.ApiKey));
            Assert.That(error.ToString(), Does.Not.Contain(TestClients.ApiKey));
        });
    }
}
