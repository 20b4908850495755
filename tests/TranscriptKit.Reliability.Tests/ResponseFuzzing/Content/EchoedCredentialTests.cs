using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Runtime;
using TranscriptKit.Testing;

namespace TranscriptKit.Reliability.Tests.ResponseFuzzing.Content;

/// <summary>
/// A vendor that echoes the credentials it was sent, in every encoding, to each of the five clients: the key shows
/// neither in the exception (message, vendor message, code) nor in a cassette recorded of the exchange.
/// </summary>
public class EchoedCredentialTests
{
    private static readonly string[] s_encodings = ["raw", "url", "json-unicode", "json-unicode-upper", "base64", "base64url", "base64-in-bearer", "base64-pair"];

    private static IEnumerable<TestCaseData> Cases() =>
        from target in FuzzTarget.All().Where(t => !t.IsStream).GroupBy(t => t.VendorId).Select(g => g.First())
        from secret in target.Secrets
        from encoding in s_encodings
        select new TestCaseData(target, secret == FuzzTarget.ApiKey ? "key" : "secret", encoding).SetName($"{target.VendorId}_{(secret == FuzzTarget.ApiKey ? "key" : "secret")}_{encoding}");

    private static string Encode(string secret, IReadOnlyList<string> all, string encoding) => encoding switch
    {
        "raw" => secret,
        "url" => Uri.EscapeDataString("api_key=" + secret + "&x=/"),
        "json-unicode" => string.Concat(secret.Select(c => $"\\u{(int)c:x4}")),
        "json-unicode-upper" => string.Concat(secret.Select(c => $"\\u{(int)c:X4}")),
        "base64" => Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)),
        "base64url" => Convert.ToBase64String(Encoding.UTF8.GetBytes("?" + secret)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        "base64-in-bearer" => Convert.ToBase64String(Encoding.UTF8.GetBytes("Bearer " + secret)),
        _ => Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join(":", all))),
    };

    [TestCaseSource(nameof(Cases))]
    [CancelAfter(30_000)]
    public async Task Echoed_credential_shows_in_no_error_and_no_cassette(FuzzTarget target, string which, string encoding, CancellationToken cancellationToken)
    {
        var secret = which == "key" ? FuzzTarget.ApiKey : FuzzTarget.ApiSecret;
        var echoed = Encode(secret, target.Secrets, encoding);
        var body = $$"""{"msg":"invalid credential {{echoed}}","message":"invalid credential {{echoed}}","detail":"{{echoed}}","error":{"message":"invalid credential {{echoed}}","code":"{{echoed}}"},"code":401}""";
        var recorder = new RecordingHandler(new EchoHandler(body, echoed), target.VendorId, "echo");
        var mask = SecretMask.For(target.Secrets);

        var error = Assert.CatchAsync<TranscriptKitException>(() => target.CallAsync(recorder, cancellationToken))!;

        var shown = $"{error.Message}|{error.VendorMessage}|{error.ErrorCode}|{error.RequestId}";
        Assert.That(shown, Does.Not.Contain(echoed));
        Assert.That(mask.Reveals(shown), Is.False, shown);
        Assert.That(error.Message, Does.Contain(target.DisplayName).And.Contain(target.OperationId));
        var cassette = recorder.Cassette.ToJson();
        Assert.That(cassette, Does.Not.Contain(echoed));
        Assert.That(mask.Reveals(cassette), Is.False, cassette);
        await Task.CompletedTask;
    }

    /// <summary>Answers 401 with the body, and echoes the credential in a header and a Location URL as well.</summary>
    private sealed class EchoHandler(string body, string echoed) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(HttpStatusCode.Unauthorized)
            {
                RequestMessage = request,
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            response.Headers.TryAddWithoutValidation("X-Debug-Credential", echoed);
            response.Headers.TryAddWithoutValidation("Location", "https://vendor.example.test/login?next=/x&key=" + Uri.EscapeDataString(echoed));
            return Task.FromResult(response);
        }
    }
}
