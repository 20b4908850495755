using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions;
using NUnit.Framework;
using TranscriptKit.Authentication;
using TranscriptKit.Runtime;

namespace TranscriptKit.Core.Tests.Http;

/// <summary>What goes on the wire: URL under the endpoint's path, auth headers, bodies.</summary>
public class ClientPipelineRequestTests
{
    [TestCase("http://127.0.0.1:5000/captioncat/v1", "http://127.0.0.1:5000/captioncat/v1/things/42")]
    [TestCase("http://127.0.0.1:5000/captioncat/v1/", "http://127.0.0.1:5000/captioncat/v1/things/42")]
    [TestCase("https://api.example.com/v1", "https://api.example.com/v1/things/42")]
    [TestCase("http://localhost:8080", "http://localhost:8080/things/42")]
    [TestCase("http://[::1]:8080/base", "http://[::1]:8080/base/things/42")]
    public async Task Endpoint_path_is_kept(string endpoint, string expected)
    {
        var fixture = new PipelineFixture(endpoint);
        fixture.Handler.Respond(HttpStatusCode.OK, "{}");

        using var _ = await fixture.Pipeline.SendAsync(fixture.Request(), null, PipelineFixture.Get, CancellationToken.None);

        Assert.That(fixture.Handler.Requests.Single().Uri.AbsoluteUri, Is.EqualTo(expected));
    }

    [TestCase("http://api.example.com/v1")]
    [TestCase("http://10.0.0.5/v1")]
    [TestCase("ftp://api.example.com/v1")]
    public void Plain_http_to_a_remote_host_is_refused(string endpoint)
    {
        var error = Assert.Throws<ArgumentException>(() => _ = new PipelineFixture(endpoint))!;
        Assert.That(error.Message, Does.Contain("https"));
    }

    [Test]
    public async Task Bearer_provider_sends_the_token_and_never_shows_it()
    {
        var fixture = new PipelineFixture();
        fixture.Handler.Respond(HttpStatusCode.OK, "{}");

        using var _ = await fixture.Pipeline.SendAsync(fixture.Request(), null, PipelineFixture.Get, CancellationToken.None);

        var request = fixture.Handler.Requests.Single();
        Assert.That(request.Header("Authorization"), Is.EqualTo("Bearer secret-key-123"));
        Assert.That(request.Header("User-Agent"), Does.StartWith("TranscriptKit/"));
        Assert.That(request.Header("Accept"), Is.EqualTo("application/json"));
        Assert.That(new BearerTokenAuthenticationProvider("secret-key-123").ToString(), Does.Not.Contain("secret"));
        Assert.That(fixture.Options.ToString(), Does.Not.Contain("secret"));
    }

    [Test]
    public async Task Key_and_secret_headers_provider_sends_both()
    {
        var provider = new ApiKeyHeadersAuthenticationProvider("X-API-Key", "ak_1a2b3c4d5e", "X-API-Secret", "sk_9f8e7d6c5b");
        var request = new RequestInformation { HttpMethod = Method.GET, UrlTemplate = "https://api.example.com/x" };

        await provider.AuthenticateRequestAsync(request);

        Assert.That(request.Headers["X-API-Key"].Single(), Is.EqualTo("ak_1a2b3c4d5e"));
        Assert.That(request.Headers["X-API-Secret"].Single(), Is.EqualTo("sk_9f8e7d6c5b"));
        Assert.That(provider.ToString(), Does.Not.Contain("ak_").And.Not.Contain("sk_"));
    }

    [Test]
    public async Task Json_and_form_bodies_are_sent_with_their_content_types_and_replayed_on_retry()
    {
        var fixture = new PipelineFixture();
        fixture.Handler.Respond(HttpStatusCode.ServiceUnavailable, "{}").Respond(HttpStatusCode.OK, "{}");
        var json = JsonRequestBody.Create("hello", static (writer, value) => writer.WriteStringValue(value));

        var send = fixture.Pipeline.SendAsync(fixture.Request(Method.PUT), json, PipelineFixture.Get, CancellationToken.None);
        for (var i = 0; i < 100 && !send.IsCompleted; i++)
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        using var _ = await send;
        Assert.That(fixture.Handler.Requests.Select(r => r.BodyText), Is.EqualTo(new[] { "\"hello\"", "\"hello\"" }));
        Assert.That(fixture.Handler.Requests[0].ContentType, Is.EqualTo("application/json; charset=utf-8"));

        var form = new FormRequestBody(new System.Collections.Generic.KeyValuePair<string, string?>[] { new("srt", "1\n00:00:01,000 --> 00:00:02,000\nHi & bye"), new("skipped", null) });
        using var content = form.CreateContent();
        Assert.That(await content.ReadAsStringAsync(), Is.EqualTo("srt=1%0A00%3A00%3A01%2C000+--%3E+00%3A00%3A02%2C000%0AHi+%26+bye"));
        Assert.That(content.Headers.ContentType!.MediaType, Is.EqualTo("application/x-www-form-urlencoded"));
    }

    [Test]
    public void Credentials_in_an_endpoint_URL_never_reach_messages()
    {
        var error = Assert.Throws<ArgumentException>(() => _ = new PipelineFixture("http://user:hunter2@api.example.com/v1"))!;
        Assert.That(error.Message, Does.Not.Contain("hunter2"));
        Assert.That(new TestOptions(new Uri("https://user:hunter2@api.example.com/v1")).ToString(), Does.Not.Contain("hunter2").And.Contain("api.example.com/v1"));
    }
}
