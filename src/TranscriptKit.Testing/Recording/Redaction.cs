using System;
using System.Collections.Generic;

namespace TranscriptKit.Testing;

/// <summary>The redaction marker and the names that are always redacted, whatever the options say.</summary>
internal static class Redaction
{
    /// <summary>What a redacted value becomes; on replay it matches any value.</summary>
    public const string Marker = "[REDACTED]";

    /// <summary>Headers that carry credentials.</summary>
    public static readonly IReadOnlyList<string> SecretHeaders = ["Authorization", "Proxy-Authorization", "X-API-Key", "X-API-Secret", "Cookie", "Set-Cookie"];

    /// <summary>
    /// Query parameters that make a URL a credential: S3 and GCS presigned URLs, Azure SAS and CloudFront signatures,
    /// plain tokens, and API keys passed in the query (as some vendors and proxies take them).
    /// </summary>
    public static readonly IReadOnlyList<string> SignatureParameters =
        ["X-Amz-Signature", "X-Amz-Credential", "X-Amz-Security-Token", "Signature", "sig", "se", "token", "X-Goog-Signature",
         "api_key", "apikey", "api-key", "key", "access_token", "client_secret"];

    /// <summary>Whether a recorded value accepts an actual one: equal, or a marker standing for any value.</summary>
    public static bool ValueMatches(string expected, string actual) =>
        string.Equals(expected, actual, StringComparison.Ordinal) || string.Equals(expected, Marker, StringComparison.Ordinal);

    /// <summary>Whether a header's value is a credential that must not show, even in a mismatch message.</summary>
    public static bool IsSecretHeader(string name)
    {
        foreach (var secret in SecretHeaders)
        {
            if (string.Equals(secret, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A credential header's value with the secret replaced; an authorization scheme (<c>Bearer</c>, <c>Basic</c>) is
    /// kept, since which scheme the client uses is part of the contract.
    /// </summary>
    public static string RedactSecret(string name, string value)
    {
        if (name.EndsWith("Authorization", StringComparison.OrdinalIgnoreCase))
        {
            var space = value.IndexOf(' ', StringComparison.Ordinal);
            return space > 0 ? value[..space] + " " + Marker : Marker;
        }

        return Marker;
    }
}
