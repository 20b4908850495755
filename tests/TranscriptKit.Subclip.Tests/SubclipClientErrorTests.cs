using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Subclip.Tests;

/// <summary>The documented error statuses (400, 401, 429, 500) of every operation become typed exceptions; what is and is not retried.</summary>
[TestFixture]
public sealed class SubclipClientErrorTests
{
    public enum Operation
    {
        CreateUploadUrl,
        CreateJob,
        GetJob,
    }

    private static readonly Dictionary<Operation, (HttpMethod Method, string Path)> s_routes = new()
    {
        [Operation.CreateUploadUrl] = (HttpMethod.Post, "/api/v1/social-transcripts/uploads"),
        [Operation.CreateJob] = (HttpMethod.Post, "/api/v1/social-transcripts/jobs"),
        [Operation.GetJob] = (HttpMethod.Get, "/api/v1/social-transcripts/jobs/stproj_abc"),
    };

    public static IEnumerable<TestCaseData> DocumentedErrors()
    {
        foreach (var operation in Enum.GetValues<Operation>())
        {
            yield return new TestCaseData(operation, HttpStatusCode.BadRequest, SubclipDocExamples.BadRequest, typeof(TranscriptKitBadRequestException), "Invalid request body or unsupported parameter")
                .SetName($"{operation}_400_becomes_BadRequest_with_vendor_message");
            yield return new TestCaseData(operation, HttpStatusCode.Unauthorized, SubclipDocExamples.Unauthorized, typeof(TranscriptKitAuthenticationException), "Missing, invalid, or revoked API key")
                .SetName($"{operation}_401_becomes_Authentication_error_with_vendor_message");
            yield return new TestCaseData(operation, HttpStatusCode.TooManyRequests, SubclipDocExamples.RateLimited, typeof(TranscriptKitRateLimitException), "Rate limit exceeded")
                .SetName($"{operation}_429_becomes_RateLimit_error_with_vendor_message");
            yield return new TestCaseData(operation, HttpStatusCode.InternalServerError, SubclipDocExamples.ServerError, typeof(TranscriptKitServerException), "Unexpected processing error")
                .SetName($"{operation}_500_becomes_Server_error_with_vendor_message");
        }
    }

    [TestCaseSource(nameof(DocumentedErrors))]
    public void Documented_error_status_becomes_its_typed_exception(Operation operation, HttpStatusCode status, string body, Type expected, string vendorMessage)
    {
        var handler = new StubHandler().Respond(status, body);
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.CatchAsync<TranscriptKitException>(() => Call(client, operation));

        Assert.That(error, Is.TypeOf(expected));
        AssertVendorError(error!, status, vendorMessage);
        var request = handler.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo(s_routes[operation].Method));
            Assert.That(request.Uri.AbsolutePath, Is.EqualTo(s_routes[operation].Path));
        });
    }

    [TestCase(Operation.CreateUploadUrl)]
    [TestCase(Operation.CreateJob)]
    [TestCase(Operation.GetJob)]
    public void A_429_when_retries_are_off_carries_Retry_After(Operation operation)
    {
        var handler = new StubHandler().Respond(
            HttpStatusCode.TooManyRequests,
            SubclipDocExamples.RateLimited,
            configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitRateLimitException>(() => Call(client, operation));

        Assert.Multiple(() =>
        {
            Assert.That(error!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
            Assert.That(error.Message, Does.Contain("7 s"));
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Error_body_with_message_instead_of_error_still_gives_the_vendor_message()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.BadRequest, """{"message": "language is required"}""");
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitBadRequestException>(() => Call(client, Operation.CreateJob));

        AssertVendorError(error!, HttpStatusCode.BadRequest, "language is required");
    }

    [Test]
    public void Request_id_header_of_an_error_is_kept()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.BadRequest, SubclipDocExamples.BadRequest, configure: r => r.Headers.Add("x-request-id", "req-42"));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitBadRequestException>(() => Call(client, Operation.CreateJob));

        Assert.Multiple(() =>
        {
            Assert.That(error!.RequestId, Is.EqualTo("req-42"));
            Assert.That(error.Message, Does.Contain("req-42"));
        });
    }

    [Test]
    public void Success_body_that_is_not_the_specs_shape_becomes_a_response_error()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, """{"projectId": 42, "status": "queued"}""");
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitResponseException>(() => Call(client, Operation.CreateJob));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Vendor, Is.EqualTo("subclip"));
            Assert.That(error.Message, Does.Contain("200"));
        });
    }

    [Test]
    public async Task CreateJob_answered_429_is_sent_again_after_Retry_After_with_the_same_body()
    {
        var time = new FakeTimeProvider();
        var handler = new StubHandler()
            .Respond(HttpStatusCode.TooManyRequests, SubclipDocExamples.RateLimited, configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2)))
            .Respond(HttpStatusCode.OK, SubclipDocExamples.JobResponse);
        using var client = TestClients.Create(handler, time, new RetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(30) });

        var call = Call(client, Operation.CreateJob);
        await Eventually.RequestsAsync(handler, 1);
        time.Advance(TimeSpan.FromMilliseconds(1900));
        await Eventually.SettleAsync();
        Assert.That(Eventually.Count(handler), Is.EqualTo(1), "not retried before Retry-After has passed");

        time.Advance(TimeSpan.FromMilliseconds(100));
        await call;

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests, Has.Count.EqualTo(2), "a 429 means Subclip refused the job, so sending again is safe");
            Assert.That(handler.Requests[1].BodyText, Is.EqualTo(handler.Requests[0].BodyText));
            Assert.That(handler.Requests[1].Header("Authorization"), Is.EqualTo("Bearer test-key"));
        });
    }

    [TestCase(Operation.CreateUploadUrl)]
    [TestCase(Operation.GetJob)]
    public async Task Idempotent_operation_answered_500_then_200_is_retried_after_the_backoff(Operation operation)
    {
        var time = new FakeTimeProvider();
        var handler = new StubHandler()
            .Respond(HttpStatusCode.InternalServerError, SubclipDocExamples.ServerError)
            .Respond(HttpStatusCode.OK, operation == Operation.GetJob ? SubclipDocExamples.StatusText : SubclipDocExamples.UploadResponse);
        var retry = new RetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1) };
        using var client = TestClients.Create(handler, time, retry);

        var call = Call(client, operation);
        await Eventually.RequestsAsync(handler, 1);
        await Eventually.SettleAsync();
        Assert.That(Eventually.Count(handler), Is.EqualTo(1), "the retry waits for the backoff on the client's clock");

        time.Advance(retry.MaxDelay);
        await call;

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests, Has.Count.EqualTo(2));
            Assert.That(handler.Requests.Select(r => r.Uri.AbsolutePath), Is.All.EqualTo(s_routes[operation].Path));
            Assert.That(handler.Requests[1].BodyText, Is.EqualTo(handler.Requests[0].BodyText));
        });
    }

    private static Task Call(SubclipClient client, Operation operation) => operation switch
    {
        Operation.CreateUploadUrl => client.CreateUploadUrlAsync(new CreateUploadUrlRequest { FileName = "source.mp4", ContentType = "video/mp4", FileSize = 52428800 }),
        Operation.CreateJob => client.CreateJobAsync(new CreateJobRequest { Url = SubclipDocExamples.TikTokUrl, Language = LanguageCode.En }),
        Operation.GetJob => client.GetJobAsync("stproj_abc"),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private static void AssertVendorError(TranscriptKitException error, HttpStatusCode status, string vendorMessage)
    {
        Assert.Multiple(() =>
        {
            Assert.That(error.Vendor, Is.EqualTo("subclip"));
            Assert.That(error.Status, Is.EqualTo(status));
            Assert.That(error.VendorMessage, Is.EqualTo(vendorMessage));
            Assert.That(error.Message, Does.Contain("Subclip"));
            Assert.That(error.Message, Does.Contain(vendorMessage));
            Assert.That(error.Message, Does.Contain(((int)status).ToString(CultureInfo.InvariantCulture)));
            Assert.That(error.Message, Does.Not.Contain(TestClients.ApiKey));
            Assert.That(error.ToString(), Does.Not.Contain(TestClients.ApiKey));
        });
    }
}
