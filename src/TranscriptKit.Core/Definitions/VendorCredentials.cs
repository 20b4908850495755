using System;

namespace TranscriptKit;

/// <summary>How a vendor authenticates, from the spec's security schemes.</summary>
/// <param name="Scheme">Bearer token, or API key (and secret) headers.</param>
/// <param name="KeyHeader">The header that carries the key (<c>Authorization</c> for bearer).</param>
/// <param name="SecretHeader">The header that carries the secret, for vendors that need one; otherwise <see langword="null"/>.</param>
public sealed record VendorCredentials(CredentialScheme Scheme, string KeyHeader, string? SecretHeader = null)
{
    /// <summary>Whether the vendor needs an API secret as well as the key.</summary>
    public bool RequiresSecret => SecretHeader is not null;

    /// <summary>The header names that carry credentials, for redaction.</summary>
    public string[] Headers => SecretHeader is null ? [KeyHeader] : [KeyHeader, SecretHeader];
}

/// <summary>The kind of credential a vendor takes.</summary>
public enum CredentialScheme
{
    /// <summary>An API key sent as <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    Bearer,

    /// <summary>An API key (and possibly a secret) sent in vendor-named headers.</summary>
    ApiKeyHeaders,
}
