using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Vendors.Tests;

/// <summary>Every operation sends the credentials in its scheme's headers, and the key never leaks into an error.</summary>
[TestFixture]
[CancelAfter(10_000)]
public sealed class CredentialTests
{
    [TestCaseSource(typeof(Cases), nameof(Cases.EveryOperation))]
    public async Task Every_operation_sends_the_credentials_in_the_schemes_headers(VendorDefinition vendor, VendorOperation operation)
    {
        var sample = Sample.For(vendor, operation);
        var handler = new StubHandler().Otherwise(_ => sample.Answer());
        using var client = vendor.CreateClient(Sample.Options(vendor), new HttpClient(handler));

        await sample.Invoke(client);

        var request = handler.Requests.First();
        var credentials = vendor.Credentials;
        Assert.Multiple(() =>
        {
            Assert.That(request.Uri.Scheme, Is.EqualTo("https"));
            if (credentials.Scheme == CredentialScheme.Bearer)
            {
                Assert.That(request.Header(credentials.KeyHeader), Is.EqualTo("Bearer " + Sample.Key));
            }
            else
            {
                Assert.That(request.Header(credentials.KeyHeader), Is.EqualTo(Sample.Key));
                if (credentials.SecretHeader is { } secret)
                {
                    Assert.That(request.Header(secret), Is.EqualTo(Sample.Secret));
                }
            }
        });
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.EveryOperation))]
    public void Key_never_appears_in_an_error_even_when_the_server_echoes_it(VendorDefinition vendor, VendorOperation operation)
    {
        var sample = Sample.For(vendor, operation);
        var echo = $$"""{ "error": { "code": "invalid_key", "message": "key {{Sample.Key}} secret {{Sample.Secret}} is not valid" }, "message": "key {{Sample.Key}} is not valid", "detail": "{{Sample.Key}}" }""";
        var handler = new StubHandler().Otherwise(_ => Http.Json(echo, HttpStatusCode.Unauthorized));
        using var client = vendor.CreateClient(Sample.Options(vendor), new HttpClient(handler));

        var error = Assert.CatchAsync<TranscriptKitException>(() => sample.Invoke(client));

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<TranscriptKitAuthenticationException>());
            Assert.That(handler.Requests, Is.Not.Empty, "the key was sent");
            Assert.That(error!.ToString(), Does.Not.Contain(Sample.Key));
            if (vendor.Credentials.RequiresSecret)
            {
                Assert.That(error.ToString(), Does.Not.Contain(Sample.Secret));
            }
            Assert.That(error.VendorMessage ?? "", Does.Not.Contain(Sample.Key));
        });
    }
}
