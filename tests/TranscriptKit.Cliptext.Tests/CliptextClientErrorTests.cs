using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Cliptext.Tests;

/// <summary>
/// The documented error envelope becomes a typed exception with the vendor's code and message; which statuses are
/// retried. The envelope is documented, the status codes are not (spec assumption 10).
/// </summary>
[TestFixture]
public sealed class CliptextClientErrorTests
{
    private const string Id = CliptextDocExamples.TranscriptionId;

    [Test]
    public void Documented_error_envelope_on_400_becomes_BadRequest_with_code_and_message()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.BadRequest, CliptextDocExamples.ErrorEnvelope);
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitBadRequestException>(
            () => client.CreatePresignedUploadAsync(new CreatePresignedUploadRequest { FileName = "notes.txt", ContentType = "text/plain", FileSize = 10 }));

        AssertVendorError(error!, HttpStatusCode.BadRequest, "VALIDATION_ERROR", "Invalid file format");
        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }

    [TestCase(HttpStatusCode.UnprocessableEntity)]
    [TestCase(HttpStatusCode.UnsupportedMediaType)]
    public void Documented_error_envelope_on_other_4xx_becomes_BadRequest(HttpStatusCode status)
    {
        var handler = new StubHandler().Respond(status, CliptextDocExamples.ErrorEnvelope);
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitBadRequestException>(() => client.CreateTranscriptionAsync(new CreateTranscriptionRequest { UploadId = "upl_789" }));

        AssertVendorError(error!, status, "VALIDATION_ERROR", "Invalid file format");
    }

    [Test]
    public void Status_401_becomes_Authentication_error_with_code_and_message()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.Unauthorized, CliptextDocExamples.Unauthorized);
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() => client.ListOrganizationsAsync());

        AssertVendorError(error!, HttpStatusCode.Unauthorized, "UNAUTHORIZED", "Invalid API key");
    }

    [Test]
    public void Status_404_becomes_NotFound_with_code_and_message()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.NotFound, CliptextDocExamples.NotFound);
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitNotFoundException>(() => client.GetTranscriptionAsync("txn_missing"));

        AssertVendorError(error!, HttpStatusCode.NotFound, "NOT_FOUND", "Transcription not found");
    }

    [Test]
    public void Status_429_with_retries_off_becomes_RateLimit_error_carrying_Retry_After()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.TooManyRequests, CliptextDocExamples.RateLimited, configure: RetryAfterSeconds(7));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitRateLimitException>(() => client.ListTranscriptionsAsync());

        AssertVendorError(error!, HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED", "Rate limit exceeded: 10 requests/minute on the Free plan");
        Assert.Multiple(() =>
        {
            Assert.That(error!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
            Assert.That(error.Message, Does.Contain("7 s"), "the message says how long to wait");
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Status_429_with_a_Retry_After_date_carries_the_wait_measured_on_the_client_clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 10, 30, 0, TimeSpan.Zero));
        var handler = new StubHandler().Respond(
            HttpStatusCode.TooManyRequests,
            CliptextDocExamples.RateLimited,
            configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(30)));
        using var client = TestClients.Create(handler, time);

        var error = Assert.ThrowsAsync<TranscriptKitRateLimitException>(() => client.GetTranscriptionAsync(Id));

        Assert.That(error!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void Status_500_becomes_Server_error_with_code_and_message()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.InternalServerError, CliptextDocExamples.ServerError);
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitServerException>(() => client.GetOrganizationAsync("org_1"));

        AssertVendorError(error!, HttpStatusCode.InternalServerError, "INTERNAL_ERROR", "Something went wrong");
    }

    [Test]
    public void Request_id_header_of_an_error_is_kept()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.BadRequest, CliptextDocExamples.ErrorEnvelope, configure: r => r.Headers.Add("x-request-id", "req_9f8e"));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitBadRequestException>(() => client.CompleteUploadAsync(new CompleteUploadRequest { UploadId = "upl_789" }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.RequestId, Is.EqualTo("req_9f8e"));
            Assert.That(error.Message, Does.Contain("req_9f8e"));
        });
    }

    [Test]
    public void The_documented_error_envelope_parses_into_its_model_with_details()
    {
        var envelope = CliptextJson.ParseErrorEnvelope(System.Text.Encoding.UTF8.GetBytes(CliptextDocExamples.ErrorEnvelope));

        Assert.Multiple(() =>
        {
            Assert.That(envelope.Error.Code, Is.EqualTo("VALIDATION_ERROR"));
            Assert.That(envelope.Error.Message, Is.EqualTo("Invalid file format"));
            Assert.That(envelope.Error.Details, Is.Not.Null);
            Assert.That(envelope.Error.Details!.Value.GetProperty("field").GetString(), Is.EqualTo("file"));
            Assert.That(envelope.Error.Details!.Value.GetProperty("allowed").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "mp3", "wav", "mp4" }));
        });
    }

    [Test]
    public async Task GetTranscription_answered_429_with_Retry_After_is_retried_only_after_Retry_After_has_passed()
    {
        var time = new FakeTimeProvider();
        var handler = new StubHandler()
            .Respond(HttpStatusCode.TooManyRequests, CliptextDocExamples.RateLimited, configure: RetryAfterSeconds(6))
            .Respond(HttpStatusCode.OK, CliptextDocExamples.GenericResponse);
        using var client = TestClients.Create(handler, time, Retries(3));

        var call = client.GetTranscriptionAsync(Id);
        await Eventually.RequestsAsync(handler, 1);

        time.Advance(TimeSpan.FromMilliseconds(5999));
        await Eventually.SettleAsync();
        Assert.That(Eventually.Count(handler), Is.EqualTo(1), "not sent again before Retry-After (6 s) has passed");
        Assert.That(call.IsCompleted, Is.False);

        time.Advance(TimeSpan.FromMilliseconds(1));
        var transcription = await call;

        Assert.Multiple(() =>
        {
            Assert.That(transcription.Text, Is.EqualTo("Hello, this is a transcription..."));
            Assert.That(handler.Requests, Has.Count.EqualTo(2));
            Assert.That(handler.Requests.All(r => r.Method == HttpMethod.Get && r.Uri.AbsolutePath == "/v1/transcriptions/txn_abc123"), Is.True);
            Assert.That(handler.Requests[1].Header("Authorization"), Is.EqualTo("Bearer test-key"), "the retry is authenticated too");
        });
    }

    [Test]
    public async Task GetTranscription_answered_429_with_a_Retry_After_date_is_retried_when_that_date_is_reached_on_the_client_clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 10, 30, 0, TimeSpan.Zero));
        var handler = new StubHandler()
            .Respond(
                HttpStatusCode.TooManyRequests,
                CliptextDocExamples.RateLimited,
                configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(5)))
            .Respond(HttpStatusCode.OK, CliptextDocExamples.GenericResponse);
        using var client = TestClients.Create(handler, time, Retries(3));

        var call = client.GetTranscriptionAsync(Id);
        await Eventually.RequestsAsync(handler, 1);
        time.Advance(TimeSpan.FromMilliseconds(4999));
        await Eventually.SettleAsync();
        Assert.That(Eventually.Count(handler), Is.EqualTo(1), "not sent again before the Retry-After date");

        time.Advance(TimeSpan.FromMilliseconds(1));
        var transcription = await call;

        Assert.Multiple(() =>
        {
            Assert.That(transcription.Id, Is.EqualTo("txn_abc123"));
            Assert.That(handler.Requests, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task CreateTranscription_answered_429_is_sent_again_with_the_same_body_after_Retry_After_elapses()
    {
        var time = new FakeTimeProvider();
        var handler = new StubHandler()
            .Respond(HttpStatusCode.TooManyRequests, CliptextDocExamples.RateLimited, configure: RetryAfterSeconds(2))
            .Respond(HttpStatusCode.Created, CliptextDocExamples.GenericResponse);
        using var client = TestClients.Create(handler, time, Retries(2));

        var call = client.CreateTranscriptionAsync(new CreateTranscriptionRequest { UploadId = "upl_789", Language = "en" });
        await Eventually.RequestsAsync(handler, 1);

        time.Advance(TimeSpan.FromMilliseconds(1999));
        await Eventually.SettleAsync();
        Assert.That(Eventually.Count(handler), Is.EqualTo(1), "not sent again before Retry-After has passed");

        time.Advance(TimeSpan.FromMilliseconds(1));
        var created = await call;

        Assert.Multiple(() =>
        {
            Assert.That(created.Id, Is.EqualTo("txn_abc123"));
            Assert.That(handler.Requests, Has.Count.EqualTo(2), "a 429 means Cliptext refused the request, so sending it again is safe");
            Assert.That(handler.Requests.All(r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath == "/v1/transcriptions"), Is.True);
            Assert.That(handler.Requests[1].BodyText, Is.EqualTo(handler.Requests[0].BodyText).And.EqualTo("""{"upload_id":"upl_789","language":"en"}"""));
        });
    }

    [Test]
    public async Task GetOrganization_answered_500_then_200_is_retried_after_the_backoff()
    {
        var time = new FakeTimeProvider();
        var handler = new StubHandler()
            .Respond(HttpStatusCode.InternalServerError, CliptextDocExamples.ServerError)
            .Respond(HttpStatusCode.OK, CliptextDocExamples.Organization);
        var retry = new RetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1) };
        using var client = TestClients.Create(handler, time, retry);

        var call = client.GetOrganizationAsync("org_1");
        await Eventually.RequestsAsync(handler, 1);
        await Eventually.SettleAsync();
        Assert.That(Eventually.Count(handler), Is.EqualTo(1), "the retry waits for the backoff on the client's clock");

        time.Advance(retry.MaxDelay);
        var organization = await call;

        Assert.Multiple(() =>
        {
            Assert.That(organization.Name, Is.EqualTo("Acme Media"));
            Assert.That(handler.Requests, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task A_Retry_After_longer_than_MaxRetryAfter_is_not_waited_for()
    {
        var time = new FakeTimeProvider();
        var handler = new StubHandler()
            .Respond(HttpStatusCode.TooManyRequests, CliptextDocExamples.RateLimited, configure: RetryAfterSeconds(120))
            .Otherwise(_ => Http.Json(CliptextDocExamples.GenericResponse));
        using var client = TestClients.Create(handler, time, Retries(3) with { MaxRetryAfter = TimeSpan.FromSeconds(60) });

        var call = client.GetTranscriptionAsync(Id);
        await Eventually.WaitUntilAsync(() => call.IsCompleted, "the call to end without the clock moving");

        var error = Assert.ThrowsAsync<TranscriptKitRateLimitException>(() => call);
        Assert.Multiple(() =>
        {
            Assert.That(error!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(120)));
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Repeated_429s_end_in_RateLimit_error_after_MaxRetries()
    {
        var time = new FakeTimeProvider();
        var handler = new StubHandler().Otherwise(_ => Http.Json(CliptextDocExamples.RateLimited, HttpStatusCode.TooManyRequests, RetryAfterSeconds(1)));
        using var client = TestClients.Create(handler, time, Retries(2));

        var call = client.ListOrganizationsAsync();
        for (var n = 1; n <= 3; n++)
        {
            await Eventually.WaitUntilAsync(() => call.IsCompleted || Eventually.Count(handler) >= n, $"attempt {n}");
            time.Advance(TimeSpan.FromSeconds(1));
        }

        await Eventually.WaitUntilAsync(() => call.IsCompleted, "the call to end");
        var error = Assert.ThrowsAsync<TranscriptKitRateLimitException>(() => call);
        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests, Has.Count.EqualTo(3), "the first attempt and two retries");
            Assert.That(error!.ErrorCode, Is.EqualTo("RATE_LIMIT_EXCEEDED"));
        });
    }

    private static RetryOptions Retries(int max) =>
        new() { MaxRetries = max, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };

    private static Action<HttpResponseMessage> RetryAfterSeconds(int seconds) =>
        r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));

    private static void AssertVendorError(TranscriptKitException error, HttpStatusCode status, string code, string vendorMessage)
    {
        Assert.Multiple(() =>
        {
            Assert.That(error.Vendor, Is.EqualTo("cliptext"));
            Assert.That(error.Status, Is.EqualTo(status));
            Assert.That(error.ErrorCode, Is.EqualTo(code));
            Assert.That(error.VendorMessage, Is.EqualTo(vendorMessage));
            Assert.That(error.Message, Does.Contain("Cliptext"));
            Assert.That(error.Message, Does.Contain(vendorMessage));
            Assert.That(error.Message, Does.Contain(code));
            Assert.That(error.Message, Does.Contain(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(error.Message, Does.Not.Contain(TestClients.ApiKey));
            Assert.That(error.ToString(), Does.Not.Contain(TestClients.ApiKey));
        });
    }
}
