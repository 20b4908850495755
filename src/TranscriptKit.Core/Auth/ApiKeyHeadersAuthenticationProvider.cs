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
/// Sends a key and a secret in two headers (for example <c>X-API-Key</c> and <c>X-API-Secret</c>). https only,
/// except for loopback hosts.
/// </summary>
public sealed class ApiKeyHeadersAuthenticationProvider : IAuthenticationProvider, ICredentialSource, IHeaderCredentials
{
    private readonly string _keyHeader;
    private readonly string _key;
    private readonly string _secretHeader;
    private readonly string _secret;

    /// <summary>Creates the provider.</summary>
    /// <param name="keyHeader">The header that carries the key.</param>
    /// <param name="key">The API key.</param>
    /// <param name="secretHeader">The header that carries the secret.</param>
    /// <param name="secret">The API secret.</param>
    /// <exception cref="ArgumentException">A value is empty, or the key or secret is not a valid HTTP header value (see <see cref="CredentialCheck"/>).</exception>
    public ApiKeyHeadersAuthenticationProvider(string keyHeader, string key, string secretHeader, string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyHeader);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretHeader);
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        CredentialCheck.ThrowIfInvalid(key, "The API key", nameof(key));
        CredentialCheck.ThrowIfInvalid(secret, "The API secret", nameof(secret));
        (_keyHeader, _key, _secretHeader, _secret) = (keyHeader, key, secretHeader, secret);
    }

    /// <inheritdoc />
    public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EndpointSecurity.EnsureSecure(request.URI, "endpoint");
        request.Headers.Remove(_keyHeader);
        request.Headers.Remove(_secretHeader);
        request.Headers.Add(_keyHeader, _key);
        request.Headers.Add(_secretHeader, _secret);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    void IHeaderCredentials.SetOn(HttpRequestHeaders headers)
    {
        headers.Remove(_keyHeader);
        headers.Remove(_secretHeader);
        headers.TryAddWithoutValidation(_keyHeader, _key);
        headers.TryAddWithoutValidation(_secretHeader, _secret);
    }

    /// <inheritdoc />
    IEnumerable<string> ICredentialSource.Secrets => [_key, _secret];

    /// <summary>Never shows the key or the secret.</summary>
    public override string ToString() => $"{_keyHeader}: ***, {_secretHeader}: ***";
}
