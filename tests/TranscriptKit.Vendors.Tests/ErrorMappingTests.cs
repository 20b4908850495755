using System;
using System.Net;
using System.Net.Http;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Vendors.Tests;

/// <summary>
/// Every operation maps each error status to the pipeline's exception type, and bodies that are not the vendor's
/// (a gateway's HTML page, nothing at all) to a readable error.
/// </summary>
[TestFixture]
[CancelAfter(10_000)]
public sealed class ErrorMappingTests
{
    private const string Html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    [TestCaseSource(typeof(Cases), nameof(Cases.EveryOperation))]
    public void Html_502_from_a_gateway_becomes_Server_error_without_markup(VendorDefinition vendor, VendorOperation operation)
    {
        var sample = Sample.For(vendor, operation);
        var handler = new StubHandler().Respond(HttpStatusCode.BadGateway, Html, "text/html");
        using var client = vendor.CreateClient(Sample.Options(vendor), new HttpClient(handler));

        var error = Assert.CatchAsync<TranscriptKitException>(() => sample.Invoke(client));

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<TranscriptKitServerException>());
            Assert.That(error!.Vendor, Is.EqualTo(vendor.Id));
            Assert.That(error.Status, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(error.VendorMessage, Is.Null, "an HTML page is not the vendor's message");
            Assert.That(error.Message, Does.Contain(vendor.DisplayName).And.Contain("502").And.Contain("HTML"));
            Assert.That(error.Message, Does.Not.Contain("<html>").And.Not.Contain("nginx"), "markup is not dumped into the message");
            Assert.That(error.ToString(), Does.Not.Contain(Sample.Key));
        });
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.EveryOperation))]
    public void Empty_5xx_becomes_Server_error_with_a_readable_message(VendorDefinition vendor, VendorOperation operation)
    {
        foreach (var status in new[] { HttpStatusCode.InternalServerError, HttpStatusCode.GatewayTimeout })
        {
            var sample = Sample.For(vendor, operation);
            var handler = new StubHandler().Respond(_ => new HttpResponseMessage(status) { Content = new ByteArrayContent([]) });
            using var client = vendor.CreateClient(Sample.Options(vendor), new HttpClient(handler));

            var error = Assert.CatchAsync<TranscriptKitException>(() => sample.Invoke(client));

            Assert.Multiple(() =>
            {
                Assert.That(error, Is.InstanceOf<TranscriptKitServerException>(), status.ToString());
                Assert.That(error!.Status, Is.EqualTo(status));
                Assert.That(error.VendorMessage, Is.Null);
                Assert.That(error.Message, Does.Contain(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture)).And.Contain("empty body"));
            });
        }
    }

    private static readonly (HttpStatusCode Status, Type Expected)[] s_kinds =
    [
        (HttpStatusCode.BadRequest, typeof(TranscriptKitBadRequestException)),
        (HttpStatusCode.UnprocessableContent, typeof(TranscriptKitBadRequestException)),
        (HttpStatusCode.Unauthorized, typeof(TranscriptKitAuthenticationException)),
        (HttpStatusCode.Forbidden, typeof(TranscriptKitAuthenticationException)),
        (HttpStatusCode.NotFound, typeof(TranscriptKitNotFoundException)),
        (HttpStatusCode.TooManyRequests, typeof(TranscriptKitRateLimitException)),
        (HttpStatusCode.InternalServerError, typeof(TranscriptKitServerException)),
        (HttpStatusCode.ServiceUnavailable, typeof(TranscriptKitServerException)),
    ];

    [TestCaseSource(typeof(Cases), nameof(Cases.EveryOperation))]
    public void Each_error_status_becomes_its_exception_type_naming_vendor_operation_and_status(VendorDefinition vendor, VendorOperation operation)
    {
        foreach (var (status, expected) in s_kinds)
        {
            var sample = Sample.For(vendor, operation);
            // A message no vendor documents, so no vendor-specific rule (an envelope's business codes) can reclassify it.
            var handler = new StubHandler().Respond(_ => Http.Json("""{ "error": { "message": "shared suite failure" } }""", status));
            using var client = vendor.CreateClient(Sample.Options(vendor), new HttpClient(handler));

            var error = Assert.CatchAsync<TranscriptKitException>(() => sample.Invoke(client));

            Assert.Multiple(() =>
            {
                Assert.That(error, Is.InstanceOf(expected), status.ToString());
                Assert.That(error!.Vendor, Is.EqualTo(vendor.Id), status.ToString());
                Assert.That(error.Status, Is.EqualTo(status));
                Assert.That(error.OperationId, Is.EqualTo(operation.OperationId), status.ToString());
                Assert.That(error.ToString(), Does.Not.Contain(Sample.Key).And.Not.Contain(Sample.Secret), status.ToString());
                Assert.That(handler.Requests, Has.Count.EqualTo(1), "retries are off: " + status);
            });
        }
    }
}
