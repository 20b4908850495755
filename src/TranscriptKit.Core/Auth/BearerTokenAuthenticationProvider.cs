using System;
using System.Collections.Generic;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using TranscriptKit.Runtime;

namespace TranscriptKit.Authentication;

/// <summary>
/// Sends <c>Authorization: Bearer &lt;token&gt;</c>. Unlike Kiota's own API-key provider it accepts plain http
/// for loopback hosts, so a local sandbox works; any other host must be https.
/// </summary>
public sealed class BearerTokenAuthenticationProvider : IAuthenticationProvider, ICredentialSource, IHeaderCredentials
{
    private readonly string _authorization;

    /// <summary>Creates the provider.</summary>
    /// <param name="token">The vendor API key or access token.</param>
    /// <exception cref="ArgumentException">The token is empty or not a valid HTTP header value (see <see cref="CredentialCheck"/>).</exception>
    public BearerTokenAuthenticationProvider(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        CredentialCheck.ThrowIfInvalid(token, "The API key", nameof(token));
        _authorization = "Bearer " + token;
    }

    /// <inheritdoc />
    public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EndpointSecurity.EnsureSecure(request.URI, "endpoint");
        request.Headers.Remove("Authorization");
        request.Headers.Add("Authorization", _authorization);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    void IHeaderCredentials.SetOn(HttpRequestHeaders headers)
    {
        headers.Remove("Authorization");
        headers.TryAddWithoutValidation("Authorization", _authorization);
    }

    /// <inheritdoc />
    IEnumerable<string> ICredentialSource.Secrets => [_authorization["Bearer ".Length..]];

    /// <summary>Never shows the token.</summary>
    public override string ToString() => "Bearer ***";
}
