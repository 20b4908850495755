using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.CaptionCat.Tests;

/// <summary>Documented error statuses become typed exceptions with the vendor's message; what is and is not retried.</summary>
[TestFixture]
public sealed class CaptionCatClientErrorTests
{
    private const string Id = CaptionCatDocExamples.VideoId;

    [Test]
    public void Status_400_becomes_BadRequest_with_vendor_message()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.BadRequest, CaptionCatDocExamples.BadRequest);
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitBadRequestException>(() => client.UpdateSrtAsync(Id, CaptionCatDocExamples.SrtDocument));

        AssertVendorError(error!, HttpStatusCode.BadRequest, "Missing required field: name");
    }

    [Test]
    public void Status_401_becomes_Authentication_error_with_vendor_message()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.Unauthorized, CaptionCatDocExamples.Unauthorized);
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() => client.GetBalanceAsync());

        AssertVendorError(error!, HttpStatusCode.Unauthorized, "Invalid or missing token");
    }

    [Test]
    public void Status_404_becomes_NotFound_with_vendor_message()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.NotFound, CaptionCatDocExamples.NotFound);
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitNotFoundException>(() => client.GetSrtAsync("no-such-video"));

        AssertVendorError(error!, HttpStatusCode.NotFound, "Id Not Found");
    }

    [Test]
    public void Status_415_on_upload_becomes_BadRequest_with_the_msg_of_the_status_error_body()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.UnsupportedMediaType, CaptionCatDocExamples.UploadNotAVideo);
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        using var file = UploadFile.FromStream(new MemoryStream([1, 2, 3]), "notes.txt");

        var error = Assert.ThrowsAsync<TranscriptKitBadRequestException>(() => client.UploadVideoAsync(file));

        AssertVendorError(error!, HttpStatusCode.UnsupportedMediaType, "uploaded file is not a video");
        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void Request_id_header_of_an_error_is_kept()
    {
        var handler = new StubHandler().Respond(
            HttpStatusCode.NotFound,
            CaptionCatDocExamples.NotFound,
            configure: r => r.Headers.Add("x-request-id", "req-42"));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitNotFoundException>(() => client.GetTextAsync(Id));

        Assert.Multiple(() =>
        {
            Assert.That(error!.RequestId, Is.EqualTo("req-42"));
            Assert.That(error.Message, Does.Contain("req-42"));
        });
    }

    [Test]
    public async Task GetBalance_answered_503_then_200_is_retried_after_the_backoff()
    {
        var time = new FakeTimeProvider();
        var handler = new StubHandler()
            .Respond(HttpStatusCode.ServiceUnavailable, "")
            .Respond(HttpStatusCode.OK, CaptionCatDocExamples.Balance);
        var retry = new RetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1) };
        using var client = TestClients.Create(handler, time, retry);

        var call = client.GetBalanceAsync();
        await Eventually.RequestsAsync(handler, 1);
        await Eventually.SettleAsync();
        Assert.That(Eventually.Count(handler), Is.EqualTo(1), "the retry waits for the backoff on the client's clock");
        Assert.That(call.IsCompleted, Is.False);

        time.Advance(retry.MaxDelay);
        var balance = await call;

        Assert.Multiple(() =>
        {
            Assert.That(balance.Balance, Is.EqualTo(6012));
            Assert.That(handler.Requests, Has.Count.EqualTo(2));
            Assert.That(handler.Requests.All(r => r.Method == HttpMethod.Get && r.Uri.AbsolutePath == "/v1/balance"), Is.True);
            Assert.That(handler.Requests[1].Header("Authorization"), Is.EqualTo("Bearer test-key"), "the retry is authenticated too");
        });
    }

    [Test]
    public async Task StartTranscription_answered_429_with_Retry_After_2_is_retried_after_2_seconds()
    {
        var time = new FakeTimeProvider();
        var handler = new StubHandler()
            .Respond(HttpStatusCode.TooManyRequests, """{"error": "Too many requests"}""", configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2)))
            .Respond(HttpStatusCode.OK, CaptionCatDocExamples.StatusSuccess);
        using var client = TestClients.Create(handler, time, new RetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(30) });

        var call = client.StartTranscriptionAsync(Id);
        await Eventually.RequestsAsync(handler, 1);

        time.Advance(TimeSpan.FromMilliseconds(1900));
        await Eventually.SettleAsync();
        Assert.That(Eventually.Count(handler), Is.EqualTo(1), "not retried before Retry-After has passed");
        Assert.That(call.IsCompleted, Is.False);

        time.Advance(TimeSpan.FromMilliseconds(100));
        var result = await call;

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(ResultStatus.Success));
            Assert.That(handler.Requests, Has.Count.EqualTo(2), "a 429 means the vendor refused it, so sending again is safe");
            Assert.That(handler.Requests.All(r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath == "/v1/transcribe/" + Id), Is.True);
        });
    }

    [Test]
    public void A_429_when_retries_are_off_becomes_RateLimit_error_carrying_Retry_After()
    {
        var handler = new StubHandler()
            .Respond(HttpStatusCode.TooManyRequests, """{"error": "Too many requests"}""", configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2)));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitRateLimitException>(() => client.StartTranscriptionAsync(Id));

        Assert.Multiple(() =>
        {
            Assert.That(error!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(error.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(error.VendorMessage, Is.EqualTo("Too many requests"));
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
        });
    }

    private static void AssertVendorError(TranscriptKitException error, HttpStatusCode status, string vendorMessage)
    {
        Assert.Multiple(() =>
        {
            Assert.That(error.Vendor, Is.EqualTo("captioncat"));
            Assert.That(error.Status, Is.EqualTo(status));
            Assert.That(error.VendorMessage, Is.EqualTo(vendorMessage));
            Assert.That(error.Message, Does.Contain(vendorMessage));
            Assert.That(error.Message, Does.Contain(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(error.Message, Does.Not.Contain(TestClients.ApiKey));
            Assert.That(error.ToString(), Does.Not.Contain(TestClients.ApiKey));
        });
    }
}
