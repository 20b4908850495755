using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TranscriptKit.Prism.Tests;

/// <summary>
/// Where Prism, not our spec or client, is wrong, shown on a spec of its own so the workaround in the flows
/// (<see cref="Utf8SafeSample"/>) is kept only while the defect lasts: when a Prism upgrade fixes it, this fails and
/// says to upload the real samples again.
/// </summary>
[Category("Prism")]
[Explicit("Needs Node and the pinned Prism: npm ci --prefix tests/Prism, then dotnet test tests/TranscriptKit.Prism.Tests --filter Category=Prism (.ci/run does both)")]
[CancelAfter(90_000)]
public sealed class PrismDefectTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: { title: Upload probe, version: "1" }
        servers: [{ url: "http://127.0.0.1/" }]
        paths:
          /upload:
            post:
              operationId: upload
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      required: [file]
                      properties:
                        file: { type: string, format: binary }
              responses:
                "200":
                  description: Stored.
                  content:
                    application/json:
                      schema: { type: object }
        """;

    [Test]
    public async Task Prism_5_14_2_rewrites_bytes_that_are_not_UTF_8_in_a_body_it_forwards(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("tk-prism-probe-").FullName;
        try
        {
            var specPath = Path.Combine(folder, "upload.yaml");
            await File.WriteAllTextAsync(specPath, Spec, cancellationToken);
            using var upstream = new HttpListener();
            var port = PrismProxy.FreeLoopbackPort();
            upstream.Prefixes.Add($"http://127.0.0.1:{port}/");
            upstream.Start();
            var received = ReceiveOneAsync(upstream, cancellationToken);

            await using var prism = await PrismProxy.StartAsync(specPath, new Uri($"http://127.0.0.1:{port}"), TimeSpan.FromSeconds(60), cancellationToken);
            byte[] sent = [.. Enumerable.Range(0, 256).Select(i => (byte)i)];
            using var form = new MultipartFormDataContent();
            var part = new ByteArrayContent(sent);
            // Without a Content-Type on the file part Prism's multipart parser throws and the whole process exits;
            // RFC 7578 only says SHOULD, and our client labels every file part (application/octet-stream if unknown).
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            part.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = "\"clip.bin\"" };
            form.Add(part);
            using var http = new HttpClient();
            HttpResponseMessage response;
            try
            {
                response = await http.PostAsync(new Uri(prism.Address, "upload"), form, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                Assert.Fail($"Prism dropped the request ({e.Message}):{Environment.NewLine}{prism.Tail()}");
                return;
            }

            using var _ = response;

            var body = await received.WaitAsync(cancellationToken);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), prism.Tail());
            Assert.That(Contains(body, sent), Is.False,
                "Prism now forwards binary bytes intact: upload the real samples in FacadeFlowsThroughPrismTests and retire Utf8SafeSample");
            Assert.That(Contains(body, [0xEF, 0xBF, 0xBD]), Is.True, "each invalid byte became U+FFFD");
            Assert.That(Contains(body, sent[..0x80]), Is.True, "bytes below 0x80 arrive as sent, which is why Utf8SafeSample crosses intact");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<byte[]> ReceiveOneAsync(HttpListener listener, CancellationToken cancellationToken)
    {
        var context = await listener.GetContextAsync().WaitAsync(cancellationToken);
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body, cancellationToken);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.Close("{}"u8.ToArray(), willBlock: false);
        return body.ToArray();
    }

    private static bool Contains(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
