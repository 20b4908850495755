using System;
using System.Net;

namespace TranscriptKit.Runtime;

/// <summary>Credentials travel only over https, or over plain http to this machine (a sandbox or a test).</summary>
internal static class EndpointSecurity
{
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    /// <summary>Scheme, host and port only: user info in a URL is a credential and never goes into a message.</summary>
    public static string Describe(Uri uri) => uri.IsAbsoluteUri ? $"{uri.Scheme}://{uri.Authority}" : "(relative URL)";

    public static void EnsureSecure(Uri uri, string what)
    {
        if (!uri.IsAbsoluteUri)
        {
            throw new ArgumentException($"The {what} is not an absolute URL.");
        }

        if (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)))
        {
            return;
        }

        throw new ArgumentException(
            $"The {what} '{Describe(uri)}' must use https; plain http is allowed only for loopback hosts (127.0.0.1, ::1, localhost).");
    }
}
