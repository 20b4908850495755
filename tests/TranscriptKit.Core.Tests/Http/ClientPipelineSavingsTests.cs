using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using NUnit.Framework;
using TranscriptKit.Runtime;
using TranscriptKit.Tests;

namespace TranscriptKit.Core.Tests.Http;

/// <summary>
/// What the per-call savings must never cost: a reused Kiota request carries nothing from the call before it, a
/// request whose URL Kiota keeps is never reused, and bodies written with the thread's reused JSON writer keep their bytes.
/// </summary>
[CancelAfter(10_000)]
public class ClientPipelineSavingsTests
{
    [Test]
    public async Task A_reused_request_carries_no_header_or_path_value_of_the_call_before_it()
    {
        var fixture = new PipelineFixture();
        fixture.Handler.Otherwise(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });

        var first = fixture.Pipeline.CreateRequest(Method.POST, "{+baseurl}/things/{id}");
        first.PathParameters["id"] = "first";
        first.Headers.Add("X-Trace", "trace-1");
        using (await fixture.Pipeline.SendAsync(first, null, PipelineFixture.Get, CancellationToken.None))
        {
        }

        var second = fixture.Pipeline.CreateRequest(Method.GET, "{+baseurl}/other");
        using (await fixture.Pipeline.SendAsync(second, null, PipelineFixture.Get, CancellationToken.None))
        {
        }

        Assert.That(second, Is.SameAs(first), "the pipeline reuses the request once its call ended");
        var wire = fixture.Handler.Requests;
        Assert.That(wire[0].Uri.AbsoluteUri, Is.EqualTo("https://api.example.com/v1/things/first"));
        Assert.That(wire[0].Header("X-Trace"), Is.EqualTo("trace-1"));
        Assert.That(wire[1].Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(wire[1].Uri.AbsoluteUri, Is.EqualTo("https://api.example.com/v1/other"));
        Assert.That(wire[1].Header("X-Trace"), Is.Null);
        Assert.That(wire[1].Header("Authorization"), Is.EqualTo("Bearer secret-key-123"), "credentials are set on every call, reused request or not");
    }

    [Test]
    public async Task A_request_that_failed_is_reused_clean_too()
    {
        var fixture = new PipelineFixture(retry: new RetryOptions { MaxRetries = 0 });
        fixture.Handler.Respond(HttpStatusCode.BadRequest, """{"msg":"no"}""").Respond(HttpStatusCode.OK, "{}");
        var first = fixture.Request();
        first.Headers.Add("X-Trace", "trace-1");
        Assert.ThrowsAsync<TranscriptKitBadRequestException>(() => fixture.Pipeline.SendAsync(first, null, PipelineFixture.Get, CancellationToken.None));

        var second = fixture.Request();
        using (await fixture.Pipeline.SendAsync(second, null, PipelineFixture.Get, CancellationToken.None))
        {
        }

        Assert.That(second, Is.SameAs(first));
        Assert.That(fixture.Handler.Requests[1].Header("X-Trace"), Is.Null);
    }

    [Test]
    public async Task A_template_Kiota_expands_is_not_reused_so_no_call_sees_an_earlier_url()
    {
        var fixture = new PipelineFixture();
        fixture.Handler.Otherwise(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });
        var urls = new List<RequestInformation>();
        foreach (var page in new[] { "1", "2" })
        {
            var request = fixture.Pipeline.CreateRequest(Method.GET, "{+baseurl}/things{?page}");
            request.QueryParameters["page"] = page;
            urls.Add(request);
            using (await fixture.Pipeline.SendAsync(request, null, PipelineFixture.Get, CancellationToken.None))
            {
            }
        }

        Assert.That(urls[1], Is.Not.SameAs(urls[0]));
        Assert.That(fixture.Handler.Requests.Select(r => r.Uri.PathAndQuery), Is.EqualTo(new[] { "/v1/things?page=1", "/v1/things?page=2" }));
    }

    [Test]
    public async Task A_users_own_provider_sees_each_calls_url_and_its_requests_are_not_reused()
    {
        var handler = new StubHandler().Otherwise(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });
        var provider = new QueryKeyProvider();
        using var pipeline = new ClientPipeline(PipelineFixture.Vendor, new TestOptions(new Uri("https://api.example.com/v1")), provider, new HttpClient(handler));
        var requests = new List<RequestInformation>();
        foreach (var id in new[] { "a", "b" })
        {
            var request = pipeline.CreateRequest(Method.GET, "{+baseurl}/things/{id}");
            request.PathParameters["id"] = id;
            requests.Add(request);
            using (await pipeline.SendAsync(request, null, PipelineFixture.Get, CancellationToken.None))
            {
            }
        }

        Assert.That(requests[1], Is.Not.SameAs(requests[0]));
        Assert.That(provider.Seen, Is.EqualTo(new[] { "https://api.example.com/v1/things/a", "https://api.example.com/v1/things/b" }));
        Assert.That(handler.Requests.Select(r => r.Uri.PathAndQuery), Is.EqualTo(new[] { "/v1/things/a?key=k-123456789", "/v1/things/b?key=k-123456789" }));
    }

    [Test]
    public async Task Json_bodies_written_one_after_another_keep_their_own_bytes()
    {
        var big = new string('x', 100_000);
        var first = JsonRequestBody.Create(big, static (writer, value) => writer.WriteStringValue(value));
        var second = JsonRequestBody.Create("small", static (writer, value) => writer.WriteStringValue(value));
        var third = JsonRequestBody.Create(42, static (writer, value) => writer.WriteNumberValue(value));

        Assert.That(await Text(first), Is.EqualTo("\"" + big + "\""), "a body over the kept buffer size is written whole");
        Assert.That(await Text(second), Is.EqualTo("\"small\""));
        Assert.That(await Text(third), Is.EqualTo("42"));
    }

    [Test]
    public void A_writer_that_throws_leaves_the_next_body_clean()
    {
        Assert.Throws<InvalidOperationException>(() => JsonRequestBody.Create(1, static (writer, _) =>
        {
            writer.WriteStartObject();
            writer.WriteString("half", "written");
            throw new InvalidOperationException("the generated writer failed");
        }));

        var next = JsonRequestBody.Create("clean", static (writer, value) => writer.WriteStringValue(value));

        Assert.That(Text(next).Result, Is.EqualTo("\"clean\""));
    }

    [Test]
    public async Task A_body_longer_than_its_Content_Length_is_read_whole()
    {
        var fixture = new PipelineFixture();
        fixture.Handler.Respond(_ =>
        {
            var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("""{"a":"0123456789"}""")));
            content.Headers.ContentLength = 5;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });

        using var response = await fixture.Pipeline.SendAsync(fixture.Request(), null, PipelineFixture.Get, CancellationToken.None);

        Assert.That(await fixture.Pipeline.ReadTextAsync(response, CancellationToken.None), Is.EqualTo("""{"a":"0123456789"}"""));
    }

    [TestCase(true, false)]
    [TestCase(false, true)]
    public async Task A_job_starting_JSON_body_refuses_a_second_send_below_the_pipeline(bool idempotent, bool refused)
    {
        // What SocketsHttpHandler does on its own silent retry: serialize the same content again.
        var handler = new SerializeTwiceHandler();
        var fixture = new PipelineFixture(handler: handler);
        var body = JsonRequestBody.Create("job", static (writer, value) => writer.WriteStringValue(value));
        var operation = idempotent ? PipelineFixture.Get : PipelineFixture.StartJob;

        using (await fixture.Pipeline.SendAsync(fixture.Request(Method.POST), body, operation, CancellationToken.None))
        {
        }

        Assert.That(handler.First, Is.EqualTo("\"job\""));
        Assert.That(handler.ContentType, Is.EqualTo("application/json; charset=utf-8"));
        Assert.That(handler.SecondSend, refused ? Is.InstanceOf<InvalidOperationException>() : Is.Null);
    }

    [Test]
    public async Task Without_any_timeout_a_call_still_ends_when_the_caller_cancels()
    {
        // With every limit infinite the pipeline makes no attempt timer; the caller's token must still reach the send.
        var started = new TaskCompletionSource();
        var fixture = new PipelineFixture(requestTimeout: Timeout.InfiniteTimeSpan, handler: new HangingHandler(started));
        using var cancel = new CancellationTokenSource();

        var call = fixture.Pipeline.SendAsync(fixture.Request(), null, PipelineFixture.Get, cancel.Token);
        await started.Task;
        await cancel.CancelAsync();

        Assert.CatchAsync<OperationCanceledException>(() => call);
    }

    private static async Task<string> Text(RequestBody body)
    {
        using var content = body.CreateContent();
        return await content.ReadAsStringAsync();
    }

    private sealed class HangingHandler(TaskCompletionSource started) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("not reached");
        }
    }

    private sealed class SerializeTwiceHandler : HttpMessageHandler
    {
        public string? First { get; private set; }

        public string? ContentType { get; private set; }

        public Exception? SecondSend { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var first = new MemoryStream();
            await request.Content!.CopyToAsync(first, cancellationToken);
            (First, ContentType) = (Encoding.UTF8.GetString(first.ToArray()), request.Content.Headers.ContentType?.ToString());
            try
            {
                await request.Content.CopyToAsync(Stream.Null, cancellationToken);
            }
            catch (InvalidOperationException ex)
            {
                SecondSend = ex;
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") };
        }
    }

    /// <summary>A user's provider that puts the key in the query, as some vendors want.</summary>
    private sealed class QueryKeyProvider : IAuthenticationProvider
    {
        public List<string> Seen { get; } = new();

        public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            Seen.Add(request.URI.AbsoluteUri);
            request.URI = new Uri(request.URI.AbsoluteUri + "?key=k-123456789");
            return Task.CompletedTask;
        }
    }
}
