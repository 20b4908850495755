using System;
using System.Net;
using System.Net.Http;
using System.Text;

namespace TranscriptKit.Tests;

/// <summary>Builds canned JSON answers, for <see cref="StubHandler"/> fallbacks and custom handlers that build their own responses.</summary>
public static class Http
{
    public static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK, Action<HttpResponseMessage>? configure = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        configure?.Invoke(response);
        return response;
    }
}
