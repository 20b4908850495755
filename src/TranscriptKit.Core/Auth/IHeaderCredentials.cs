using System.Net.Http.Headers;

namespace TranscriptKit.Authentication;

/// <summary>
/// Our own providers' credentials are fixed headers, checked when the provider was made. The pipeline sets them on
/// each attempt's <see cref="System.Net.Http.HttpRequestMessage"/> itself, over an endpoint it checked once when it
/// was built, instead of through Kiota's <c>RequestInformation</c> (a parsed <c>Uri</c> for the https check, a header
/// set and a copy of it per call). A user's own <c>IAuthenticationProvider</c> still goes through Kiota.
/// </summary>
internal interface IHeaderCredentials
{
    /// <summary>Sets the credential headers, replacing any the request already had.</summary>
    void SetOn(HttpRequestHeaders headers);
}
