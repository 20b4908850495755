using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Vendors.Tests;

/// <summary>
/// The one retry rule, for every operation of every vendor: an idempotent call is sent again after a 5xx or a transport
/// fault; a call that starts a paid job (or is otherwise not idempotent) is sent exactly once whatever goes wrong (the sacred property).
/// </summary>
[TestFixture]
[CancelAfter(10_000)]
public sealed class RetryTests
{
    // No backoff to wait for: the rule is what is re-sent, not when.
    private static readonly RetryOptions s_retries = new() { MaxRetries = 2, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };

    private static HttpResponseMessage Failure(HttpStatusCode status) => Http.Json("""{ "error": { "message": "upstream failed" } }""", status);

    [TestCaseSource(typeof(Cases), nameof(Cases.IdempotentOperations))]
    public async Task Idempotent_operation_is_sent_again_after_503(VendorDefinition vendor, VendorOperation operation)
    {
        var sample = Sample.For(vendor, operation);
        var handler = new StubHandler().Respond(_ => Failure(HttpStatusCode.ServiceUnavailable)).Otherwise(_ => sample.Answer());
        using var client = vendor.CreateClient(Sample.Options(vendor, s_retries), new HttpClient(handler));

        await sample.Invoke(client);

        Assert.That(handler.Requests, Has.Count.EqualTo(2));
        Assert.That(handler.Requests.Select(r => r.BodyText).Distinct().Count(), Is.EqualTo(1), "the same request is re-sent");
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.IdempotentOperations))]
    public async Task Idempotent_operation_is_sent_again_after_a_transport_fault(VendorDefinition vendor, VendorOperation operation)
    {
        var sample = Sample.For(vendor, operation);
        var handler = new StubHandler().Respond(_ => throw new HttpRequestException("connection reset")).Otherwise(_ => sample.Answer());
        using var client = vendor.CreateClient(Sample.Options(vendor, s_retries), new HttpClient(handler));

        await sample.Invoke(client);

        Assert.That(handler.Requests, Has.Count.EqualTo(2));
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.SentOnceOperations))]
    public void Paid_or_non_idempotent_operation_is_sent_exactly_once_after_any_5xx(VendorDefinition vendor, VendorOperation operation)
    {
        foreach (var status in new[] { HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout })
        {
            var sample = Sample.For(vendor, operation);
            var handler = new StubHandler().Otherwise(_ => Failure(status));
            using var client = vendor.CreateClient(Sample.Options(vendor, s_retries), new HttpClient(handler));

            var error = Assert.CatchAsync<TranscriptKitException>(() => sample.Invoke(client));

            Assert.Multiple(() =>
            {
                Assert.That(error, Is.InstanceOf<TranscriptKitServerException>(), status.ToString());
                Assert.That(handler.Requests, Has.Count.EqualTo(1), status.ToString());
            });
        }
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.SentOnceOperations))]
    public void Paid_or_non_idempotent_operation_is_sent_exactly_once_after_a_reset_connection(VendorDefinition vendor, VendorOperation operation)
    {
        var sample = Sample.For(vendor, operation);
        var handler = new StubHandler().Otherwise(_ => throw new HttpRequestException("connection reset"));
        using var client = vendor.CreateClient(Sample.Options(vendor, s_retries), new HttpClient(handler));

        Assert.CatchAsync<TranscriptKitException>(() => sample.Invoke(client));

        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.SentOnceOperations))]
    public async Task Paid_or_non_idempotent_operation_is_not_sent_again_after_a_timeout(VendorDefinition vendor, VendorOperation operation)
    {
        var sample = Sample.For(vendor, operation);
        var handler = new HangingHandler();
        var options = Sample.Options(vendor, new RetryOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) });
        options.RequestTimeout = TimeSpan.FromSeconds(10);
        var time = (FakeTimeProvider)options.TimeProvider;
        using var client = vendor.CreateClient(options, new HttpClient(handler));

        var pending = sample.Invoke(client);
        await Eventually.RequestsAsync(handler, 1);
        // Past whichever timeout governs the attempt (the spec's own or the client's), then past any backoff a retry would wait.
        time.Advance((operation.Timeout ?? options.RequestTimeout) + TimeSpan.FromMilliseconds(1));
        await Eventually.WaitUntilAsync(() => pending.IsCompleted, $"{sample}'s timeout");
        time.Advance(TimeSpan.FromMinutes(5));
        await Eventually.SettleAsync();

        var error = Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => pending);
        Assert.Multiple(() =>
        {
            Assert.That(handler.Count, Is.EqualTo(1), "a call that may have started a job is never re-sent after a timeout");
            Assert.That(error!.Vendor, Is.EqualTo(vendor.Id));
            Assert.That(error.Job, Is.Null, "a single request, not a job wait");
            Assert.That(error.Message, Does.Contain(operation.OperationId).And.Contain("not sent again"));
        });
    }
}
