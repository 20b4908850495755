using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Soscripted.Tests;

/// <summary>A custom authentication provider replaces the key (the endpoint and key cases every vendor shares live in TranscriptKit.Vendors.Tests).</summary>
[TestFixture]
public sealed class SoscriptedAuthenticationProviderTests
{
    [Test]
    public async Task Custom_AuthenticationProvider_replaces_the_key()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, SoscriptedDocExamples.SuccessResponse);
        var options = new SoscriptedClientOptions
        {
            AuthenticationProvider = new FixedBearer("sk_rotated_token"),
            TimeProvider = new FakeTimeProvider(),
            Retry = TestClients.NoRetries,
        };
        using var client = new SoscriptedClient(new HttpClient(handler), options);

        await client.TranscribeAsync(TestClients.DocRequest);

        Assert.That(handler.Requests.Single().Header("Authorization"), Is.EqualTo("Bearer sk_rotated_token"));
    }

    private sealed class FixedBearer(string token) : IAuthenticationProvider
    {
        public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            request.Headers.Add("Authorization", "Bearer " + token);
            return Task.CompletedTask;
        }
    }
}
