using System;
using System.Collections.Generic;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Core.Tests.Http;
using TranscriptKit.Runtime;

namespace TranscriptKit.Core.Tests.Polling;

/// <summary>The poller's own errors name vendor and status operation, and mask a key the vendor echoed in its failure.</summary>
public class PollerErrorTests
{
    private static readonly JobToken s_job = new("testvendor", "Transcription", new Dictionary<string, string> { ["id"] = "abc" });

    private static Task<string> WaitThroughPipeline(PipelineFixture fixture, PollingOptions options) =>
        Poller.WaitAsync(
            s_job,
            async ct =>
            {
                var response = await fixture.Pipeline.SendAsync(fixture.Request(), null, PipelineFixture.Get, ct);
                return await fixture.Pipeline.ReadJsonAsync(response, static (ref Utf8JsonReader r) => JsonPrimitives.ReadString(ref r)!, ct);
            },
            state => state.StartsWith("failed", StringComparison.Ordinal) ? PollOutcome.Failed("failed", null, state) : PollOutcome.Running(state, null),
            options,
            progress: null,
            fixture.Clock,
            CancellationToken.None);

    [Test]
    public void Job_failed_names_vendor_and_operation_and_masks_an_echoed_key()
    {
        var fixture = new PipelineFixture(retry: new RetryOptions { MaxRetries = 0 });
        fixture.Handler.Respond(HttpStatusCode.OK, "\"failed: key secret-key-123 is over quota\"", "application/json");

        var error = Assert.ThrowsAsync<TranscriptKitJobFailedException>(() => WaitThroughPipeline(fixture, new PollingOptions()))!;

        Assert.That(error.Message, Does.Contain("Test Vendor").And.Contain("getThing").And.Not.Contain("secret-key-123"));
        Assert.That(error.VendorMessage, Does.Not.Contain("secret-key-123"));
        Assert.That(error.OperationId, Is.EqualTo("getThing"));
    }

    [Test]
    public async Task Timeout_names_vendor_and_operation()
    {
        var fixture = new PipelineFixture(retry: new RetryOptions { MaxRetries = 0 });
        fixture.Handler.Otherwise(_ => new System.Net.Http.HttpResponseMessage(HttpStatusCode.OK) { Content = new System.Net.Http.StringContent("\"running\"", System.Text.Encoding.UTF8, "application/json") });

        var wait = WaitThroughPipeline(fixture, new PollingOptions { InitialInterval = TimeSpan.FromSeconds(1), MaxInterval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromSeconds(3) });
        for (var step = 0; step < 100 && !wait.IsCompleted; step++)
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        var error = Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => wait)!;
        Assert.That(error.Message, Does.Contain("Test Vendor").And.Contain("getThing"));
        Assert.That(error.OperationId, Is.EqualTo("getThing"));
    }
}
