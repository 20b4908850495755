using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions;
using NUnit.Framework;

namespace TranscriptKit.Core.Tests.Http;

/// <summary>The pipeline expands simple templates itself (Kiota's expansion allocates ~2 KB a call); the URL must be the one Kiota builds.</summary>
public class ClientPipelineUrlTests
{
    [TestCase("{+baseurl}/things/{id}", "42")]
    [TestCase("{+baseurl}/things/{id}", "stproj_...")]
    [TestCase("{+baseurl}/things/{id}", "a b/c?d&e=f#g%h+i")]
    [TestCase("{+baseurl}/things/{id}", "ünïcødé ✓ ~-._")]
    [TestCase("{+baseurl}/things/{id}/poll", "cb6dc793fa1ceadb55744ba0a7b0af56")]
    [TestCase("{+baseurl}/task/query{?id}", "1893456789012345678")]
    [TestCase("{+baseurl}/things{/id}", "x y")]
    [TestCase("{+baseurl}/things/{id}/{ID}", "a parameter named twice, in either case")]
    [TestCase("{+baseurl}/things/{id}", "longer than the 256-character buffer the URL is written into: ✓✓✓✓✓✓✓✓✓✓ " +
        "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789" +
        "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task Url_is_the_one_Kiota_expands(string template, string id)
    {
        var fixture = new PipelineFixture("https://api.example.com/v1");
        fixture.Handler.Respond(HttpStatusCode.OK, "{}");
        var request = fixture.Pipeline.CreateRequest(Method.GET, template);
        if (template.Contains("{?", System.StringComparison.Ordinal))
        {
            request.QueryParameters["id"] = id;
        }
        else
        {
            request.PathParameters["id"] = id;
        }

        var kiota = new RequestInformation { HttpMethod = Method.GET, UrlTemplate = template };
        foreach (var (name, value) in request.PathParameters)
        {
            kiota.PathParameters[name] = value;
        }

        foreach (var (name, value) in request.QueryParameters)
        {
            kiota.QueryParameters[name] = value;
        }

        using var _ = await fixture.Pipeline.SendAsync(request, null, PipelineFixture.Get, CancellationToken.None);

        Assert.That(fixture.Handler.Requests.Single().Uri.OriginalString, Is.EqualTo(kiota.URI.OriginalString));
    }
}
