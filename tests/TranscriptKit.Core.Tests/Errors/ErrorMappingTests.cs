using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Core.Tests.Http;

namespace TranscriptKit.Core.Tests.Errors;

/// <summary>Every failed response becomes the matching exception, with the vendor's words and never the key.</summary>
public class ErrorMappingTests
{
    private static Exception Fail(HttpStatusCode status, string body, string mediaType = "application/json", Action<System.Net.Http.HttpResponseMessage>? configure = null)
    {
        var fixture = new PipelineFixture(retry: new RetryOptions { MaxRetries = 0 });
        fixture.Handler.Respond(status, body, mediaType, configure);
        return Assert.CatchAsync(() => fixture.Pipeline.SendAsync(fixture.Request(), null, PipelineFixture.Get, CancellationToken.None))!;
    }

    [TestCase(HttpStatusCode.BadRequest, typeof(TranscriptKitBadRequestException))]
    [TestCase(HttpStatusCode.Unauthorized, typeof(TranscriptKitAuthenticationException))]
    [TestCase(HttpStatusCode.PaymentRequired, typeof(TranscriptKitInsufficientCreditsException))]
    [TestCase(HttpStatusCode.Forbidden, typeof(TranscriptKitAuthenticationException))]
    [TestCase(HttpStatusCode.NotFound, typeof(TranscriptKitNotFoundException))]
    [TestCase(HttpStatusCode.UnsupportedMediaType, typeof(TranscriptKitBadRequestException))]
    [TestCase(HttpStatusCode.TooManyRequests, typeof(TranscriptKitRateLimitException))]
    [TestCase(HttpStatusCode.InternalServerError, typeof(TranscriptKitServerException))]
    [TestCase(HttpStatusCode.GatewayTimeout, typeof(TranscriptKitServerException))]
    public void Status_maps_to_its_exception_type(HttpStatusCode status, Type expected)
    {
        var error = Fail(status, "{\"error\": \"Id Not Found\"}");

        Assert.That(error, Is.TypeOf(expected));
        var vendorError = (TranscriptKitException)error;
        Assert.That(vendorError.Vendor, Is.EqualTo("testvendor"));
        Assert.That(vendorError.Status, Is.EqualTo(status));
        Assert.That(vendorError.VendorMessage, Is.EqualTo("Id Not Found"));
        Assert.That(vendorError.Message, Does.StartWith($"Test Vendor answered {(int)status}").And.Contain("Id Not Found"));
        Assert.That(vendorError.Message + vendorError, Does.Not.Contain("secret-key-123"));
    }

    [TestCase(HttpStatusCode.TooManyRequests, "Test Vendor answered 429 Too Many Requests to getThing: ")]
    [TestCase(HttpStatusCode.ServiceUnavailable, "Test Vendor answered 503 Service Unavailable to getThing: ")]
    [TestCase(HttpStatusCode.Unauthorized, "Test Vendor answered 401 Unauthorized to getThing: ")]
    [TestCase((HttpStatusCode)499, "Test Vendor answered 499 to getThing: ")]
    public void Message_names_the_status_in_words_every_time(HttpStatusCode status, string expected)
    {
        // Twice: the words are worked out once per status and kept, so the second error must read the same.
        foreach (var _ in new[] { 1, 2 })
        {
            Assert.That(Fail(status, "{\"error\": \"no\"}").Message, Does.StartWith(expected + "no"));
        }
    }

    [Test]
    public void A_vendor_message_longer_than_the_message_buffer_is_kept_whole()
    {
        var words = string.Concat(System.Linq.Enumerable.Repeat("too long ", 300)).TrimEnd();

        var error = (TranscriptKitException)Fail(HttpStatusCode.BadRequest, "{\"error\": {\"code\": \"E42\", \"message\": \"" + words + "\"}}");

        Assert.That(error.Message, Does.StartWith("Test Vendor answered 400 Bad Request to getThing: " + words + " (code E42)."));
    }

    [Test]
    public void Message_and_code_come_from_the_paths_the_spec_names()
    {
        var error = (TranscriptKitException)Fail(HttpStatusCode.BadRequest, """{ "error": { "code": "VALIDATION_ERROR", "message": "Invalid file format", "details": { "field": "file" } } }""");

        Assert.That(error.ErrorCode, Is.EqualTo("VALIDATION_ERROR"));
        Assert.That(error.VendorMessage, Is.EqualTo("Invalid file format"));
        Assert.That(error.Message, Does.Contain("(code VALIDATION_ERROR)"));
    }

    [Test]
    public void Trailing_commas_in_error_bodies_are_accepted()
    {
        var error = (TranscriptKitException)Fail(HttpStatusCode.UnsupportedMediaType, "{\n  \"status\": \"error\",\n  \"msg\": \"uploaded file is not a video\",\n}");

        Assert.That(error.VendorMessage, Is.EqualTo("uploaded file is not a video"));
    }

    [Test]
    public void HTML_error_page_is_named_as_such_not_dumped()
    {
        var error = (TranscriptKitException)Fail(HttpStatusCode.BadGateway, "<html><body><h1>502 Bad Gateway</h1>" + new string('x', 5000) + "</body></html>", "text/html");

        Assert.That(error, Is.TypeOf<TranscriptKitServerException>());
        Assert.That(error.Message, Does.Contain("HTML page"));
        Assert.That(error.Message.Length, Is.LessThan(300));
        Assert.That(error.VendorMessage, Is.Null);
    }

    [Test]
    public void Empty_body_is_described()
    {
        var error = (TranscriptKitException)Fail(HttpStatusCode.InternalServerError, string.Empty, "text/plain");

        Assert.That(error.Message, Is.EqualTo("Test Vendor answered 500 Internal Server Error to getThing with an empty body."));
    }

    [Test]
    public void Plain_text_body_is_quoted_briefly()
    {
        var error = (TranscriptKitException)Fail(HttpStatusCode.BadRequest, "missing url", "text/plain");

        Assert.That(error.Message, Does.Contain(": missing url"));
    }

    [Test]
    public void Request_id_header_is_kept()
    {
        var error = (TranscriptKitException)Fail(HttpStatusCode.NotFound, "{}", configure: r => r.Headers.Add("x-request-id", "req-7"));

        Assert.That(error.RequestId, Is.EqualTo("req-7"));
        Assert.That(error.Message, Does.Contain("[request id req-7]"));
    }

    [Test]
    public async Task Malformed_success_body_is_a_response_exception()
    {
        var fixture = new PipelineFixture();
        fixture.Handler.Respond(HttpStatusCode.OK, "{ not json");
        var response = await fixture.Pipeline.SendAsync(fixture.Request(), null, PipelineFixture.Get, CancellationToken.None);

        var error = Assert.ThrowsAsync<TranscriptKitResponseException>(() => fixture.Pipeline.ReadJsonAsync(response, static (ref System.Text.Json.Utf8JsonReader r) => r.GetString(), CancellationToken.None))!;
        Assert.That(error.Message, Does.Contain("does not match the spec"));
    }
}
