using System.Net.Http;
using System.Net.Http.Headers;

namespace NSwagGenerated.Subclip;

/// <summary>Bearer auth the way NSwag documents it: its <c>PrepareRequest</c> hook on the generated (build-time) client.</summary>
public partial class SubclipNSwagClient
{
    public AuthenticationHeaderValue? Authorization { get; set; }

    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url) => request.Headers.Authorization = Authorization;
}
