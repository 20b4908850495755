using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.CaptionCat;
using TranscriptKit.Subclip;

namespace TranscriptKit.Sandbox.Tests;

/// <summary>
/// The network-level fault switches, seen from a raw <see cref="HttpClient"/> so they test the sandbox, not the
/// runtime: what reaches the wire, which operation a switch hits, and what the request log shows.
/// </summary>
[CancelAfter(20_000)]
public sealed class NetworkFaultTests
{
    /// <summary>How long a test waits for bytes that a fault withholds before it concludes they are not coming.</summary>
    private static readonly TimeSpan s_withheld = TimeSpan.FromMilliseconds(300);

    private static HttpRequestMessage Authorized(VendorSandbox sandbox, HttpMethod method, string vendor, string path) =>
        new(method, sandbox.GetEndpoint(vendor) + path) { Headers = { { "Authorization", "Bearer " + sandbox.ApiKey } } };

    private static async Task<string> CaptionCatUploadAsync(VendorSandbox sandbox, CancellationToken cancellationToken)
    {
        var client = new CaptionCatClient(new CaptionCatClientOptions { ApiKey = sandbox.ApiKey, Endpoint = sandbox.GetEndpoint("captioncat"), Retry = TestMedia.FastRetries });
        using var file = TestMedia.Upload(TestMedia.SampleBytes);
        return (await client.UploadVideoAsync(file, cancellationToken: cancellationToken)).Id;
    }

    [Test]
    public async Task Stall_after_headers_sends_the_status_and_length_then_no_body(CancellationToken cancellationToken)
    {
        await using var sandbox = await TestMedia.StartAsync();
        sandbox.Faults.For("captioncat").StallAfterHeadersNext(1);
        using var http = new HttpClient();

        using var response = await http.SendAsync(Authorized(sandbox, HttpMethod.Get, "captioncat", "/balance"), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(s_withheld);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentLength, Is.GreaterThan(0));
        Assert.That(async () => await body.ReadAsync(new byte[16], wait.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(sandbox.Requests.Single(), Is.EqualTo(new SandboxRequest("captioncat", "GET", "/balance", "", 200, "getBalance", "stall-after-headers")));
    }

    [Test]
    public async Task Stall_after_headers_on_the_job_starting_call_still_charges_the_job(CancellationToken cancellationToken)
    {
        await using var sandbox = await TestMedia.StartAsync();
        var id = await CaptionCatUploadAsync(sandbox, cancellationToken);
        sandbox.Faults.For("captioncat").StallAfterHeadersNext(1, operation: "startTranscription");
        using var http = new HttpClient();

        using (var stalled = await http.SendAsync(Authorized(sandbox, HttpMethod.Post, "captioncat", "/transcribe/" + id), HttpCompletionOption.ResponseHeadersRead, cancellationToken))
        {
            Assert.That(stalled.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        // The vendor accepted and charged the job; only its answer was lost: the case a client must never repeat.
        var balance = await http.SendAsync(Authorized(sandbox, HttpMethod.Get, "captioncat", "/balance"), cancellationToken);
        Assert.That(await balance.Content.ReadAsStringAsync(cancellationToken), Does.Not.Contain("2400"));
        Assert.That(sandbox.Requests.Select(r => (r.Operation, r.Fault)), Is.EqualTo(new[]
        {
            ("uploadVideo", (string?)null),
            ("startTranscription", "stall-after-headers"),
            ("getBalance", null),
        }));
    }

    [Test]
    public async Task Reset_mid_body_sends_half_the_body_then_drops_the_connection(CancellationToken cancellationToken)
    {
        await using var sandbox = await TestMedia.StartAsync();
        sandbox.Faults.For("captioncat").ResetMidBodyNext(1, operation: "getBalanceHistory");
        using var http = new HttpClient();

        using var untouched = await http.SendAsync(Authorized(sandbox, HttpMethod.Get, "captioncat", "/balance"), cancellationToken);
        using var response = await http.SendAsync(Authorized(sandbox, HttpMethod.Get, "captioncat", "/balance/history"), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var length = response.Content.Headers.ContentLength;
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var received = new MemoryStream();

        Assert.That(async () => await body.CopyToAsync(received, cancellationToken), Throws.InstanceOf<IOException>());
        Assert.That(untouched.StatusCode, Is.EqualTo(HttpStatusCode.OK), "only the targeted operation is cut");
        Assert.That(received.Length, Is.GreaterThan(0).And.LessThan(length!.Value));
        Assert.That(sandbox.Requests.Select(r => r.Fault), Is.EqualTo(new[] { null, "reset-mid-body" }));
    }

    [Test]
    public async Task Close_without_answer_charges_the_job_then_closes_the_connection_without_a_byte(CancellationToken cancellationToken)
    {
        await using var sandbox = await TestMedia.StartAsync();
        var id = await CaptionCatUploadAsync(sandbox, cancellationToken);
        sandbox.Faults.For("captioncat").CloseWithoutAnswerNext(1, operation: "startTranscription");

        // A raw socket: HttpClient may itself re-send a request whose pooled connection closed unanswered.
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, sandbox.BaseAddress.Port, cancellationToken);
        var request = $"POST {sandbox.GetEndpoint("captioncat").AbsolutePath}/transcribe/{id} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {sandbox.ApiKey}\r\nContent-Length: 0\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None, cancellationToken);
        var received = await ReceiveAllAsync(socket, cancellationToken);
        using var http = new HttpClient();
        using var balance = await http.SendAsync(Authorized(sandbox, HttpMethod.Get, "captioncat", "/balance"), cancellationToken);

        Assert.That(received, Is.Zero, "not one byte of an answer");
        Assert.That(await balance.Content.ReadAsStringAsync(cancellationToken), Does.Not.Contain("2400"), "the job was charged");
        Assert.That(sandbox.Requests.Single(r => r.Operation == "startTranscription"), Is.EqualTo(new SandboxRequest("captioncat", "POST", "/transcribe/" + id, "", 0, "startTranscription", "close-without-answer")));
    }

    [Test]
    public async Task Hang_upload_never_answers_a_signed_storage_put_and_logs_it_unanswered(CancellationToken cancellationToken)
    {
        await using var sandbox = await TestMedia.StartAsync();
        var subclip = new SubclipClient(new SubclipClientOptions { ApiKey = sandbox.ApiKey, Endpoint = sandbox.GetEndpoint("subclip"), Retry = TestMedia.FastRetries });
        var target = await subclip.CreateUploadUrlAsync(new CreateUploadUrlRequest { FileName = TestMedia.SampleName, ContentType = "video/mp4", FileSize = TestMedia.SampleBytes.Length }, cancellationToken);
        sandbox.Faults.For("subclip").HangUploadNext(1);
        using var http = new HttpClient();
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        giveUp.CancelAfter(s_withheld);

        Assert.That(
            async () => await http.PutAsync(target.UploadUrl, new ByteArrayContent(TestMedia.SampleBytes), giveUp.Token),
            Throws.InstanceOf<OperationCanceledException>());
        using var retried = await http.PutAsync(target.UploadUrl, new ByteArrayContent(TestMedia.SampleBytes), cancellationToken);

        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the switch was armed for one upload");
        var puts = sandbox.Requests.Where(r => r.Method == "PUT").ToList();
        Assert.That(puts.Select(r => (r.Operation, r.StatusCode, r.Fault)), Is.EqualTo(new[]
        {
            (VendorFaults.SignedUploadOperation, 0, (string?)"hang-upload"),
            (VendorFaults.SignedUploadOperation, 200, null),
        }));
    }

    [Test]
    public async Task Hang_upload_holds_a_multipart_upload_but_no_other_request(CancellationToken cancellationToken)
    {
        await using var sandbox = await TestMedia.StartAsync();
        sandbox.Faults.For("captioncat").HangUploadNext(1);
        using var http = new HttpClient();
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        giveUp.CancelAfter(s_withheld);

        using var balance = await http.SendAsync(Authorized(sandbox, HttpMethod.Get, "captioncat", "/balance"), cancellationToken);
        var upload = Authorized(sandbox, HttpMethod.Post, "captioncat", "/upload");
        upload.Content = new MultipartFormDataContent { { new ByteArrayContent(TestMedia.SampleBytes), "video", TestMedia.SampleName } };

        Assert.That(async () => await http.SendAsync(upload, giveUp.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(balance.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(sandbox.Requests.Select(r => (r.Operation, r.Fault)), Is.EqualTo(new[] { ("getBalance", (string?)null), ("uploadVideo", "hang-upload") }));
    }

    [Test]
    public async Task A_503_with_a_ten_minute_Retry_After_hits_only_its_operation(CancellationToken cancellationToken)
    {
        await using var sandbox = await TestMedia.StartAsync();
        sandbox.Faults.For("transcriptgenerate").FailNext(1, 503, retryAfter: TimeSpan.FromMinutes(10), operation: "queryTask");
        using var http = new HttpClient();
        HttpRequestMessage Get(string path) => new(HttpMethod.Get, sandbox.GetEndpoint("transcriptgenerate") + path)
        {
            Headers = { { "X-API-Key", sandbox.ApiKey }, { "X-API-Secret", sandbox.ApiSecret } },
        };

        using var quota = await http.SendAsync(Get("/transcript-api/v1/quota/usage"), cancellationToken);
        using var query = await http.SendAsync(Get("/transcript-api/v1/task/query?taskId=nope"), cancellationToken);

        Assert.That(quota.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(query.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(query.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromMinutes(10)));
        Assert.That(sandbox.Requests.Select(r => (r.Operation, r.StatusCode, r.Fault)), Is.EqualTo(new[] { ("getQuotaUsage", 200, (string?)null), ("queryTask", 503, "fail") }));
    }

    [Test]
    public async Task A_silenced_stream_sends_its_first_event_then_nothing(CancellationToken cancellationToken)
    {
        await using var sandbox = await TestMedia.StartAsync();
        sandbox.Faults.For("soscripted").SilenceStreamNext(1);
        using var http = new HttpClient();
        using var response = await SoscriptedStreamAsync(sandbox, http, cancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8);

        Assert.That(await reader.ReadLineAsync(cancellationToken), Is.EqualTo("event: progress"));
        Assert.That(await reader.ReadLineAsync(cancellationToken), Does.StartWith("data: "));
        Assert.That(await reader.ReadLineAsync(cancellationToken), Is.Empty);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(s_withheld);
        Assert.That(async () => await reader.ReadLineAsync(wait.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(sandbox.Requests.Single(), Is.EqualTo(new SandboxRequest("soscripted", "POST", "/transcribe", "", 200, "transcribe", "silent-stream")));
    }

    [Test]
    public async Task A_silenced_stream_with_keep_alive_sends_only_comments(CancellationToken cancellationToken)
    {
        await using var sandbox = await TestMedia.StartAsync();
        sandbox.Faults.For("soscripted").SilenceStreamNext(1, keepAliveInterval: TimeSpan.FromMilliseconds(5));
        using var http = new HttpClient();
        using var response = await SoscriptedStreamAsync(sandbox, http, cancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8);

        for (var i = 0; i < 3; i++)
        {
            await reader.ReadLineAsync(cancellationToken);
        }

        // Well past the three progress events the stream would otherwise have sent: only comments follow.
        for (var i = 0; i < 10; i++)
        {
            Assert.That(await reader.ReadLineAsync(cancellationToken), Is.EqualTo(": keep-alive"));
            Assert.That(await reader.ReadLineAsync(cancellationToken), Is.Empty);
        }
    }

    [Test]
    public async Task The_next_stream_is_not_silenced_once_the_switch_is_spent(CancellationToken cancellationToken)
    {
        await using var sandbox = await TestMedia.StartAsync();
        sandbox.Faults.For("soscripted").SilenceStreamNext(0);
        using var http = new HttpClient();
        using var response = await SoscriptedStreamAsync(sandbox, http, cancellationToken);

        var text = await response.Content.ReadAsStringAsync(cancellationToken);

        Assert.That(text, Does.Contain("event: final").And.Contain("event: done"));
        Assert.That(sandbox.Requests.Single().Fault, Is.Null);
    }

    [Test]
    public async Task A_switch_for_an_operation_the_vendor_does_not_have_is_refused()
    {
        await using var sandbox = await TestMedia.StartAsync();
        var faults = sandbox.Faults.For("subclip");

        var error = Assert.Throws<ArgumentException>(() => faults.StallAfterHeadersNext(1, operation: "createjob"));
        Assert.That(error!.Message, Does.Contain("createJob").And.Contain(VendorFaults.SignedUploadOperation));
        Assert.Throws<ArgumentException>(() => faults.FailNext(1, 503, operation: "startTranscription"));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.ResetMidBodyNext(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => sandbox.Faults.For("soscripted").SilenceStreamNext(1, TimeSpan.Zero));
    }

    [Test]
    public async Task Reset_disarms_the_network_switches(CancellationToken cancellationToken)
    {
        await using var sandbox = await TestMedia.StartAsync();
        sandbox.Faults.For("captioncat").StallAfterHeadersNext(3).ResetMidBodyNext(3).HangUploadNext(3);
        sandbox.Faults.Reset();
        using var http = new HttpClient();

        using var balance = await http.SendAsync(Authorized(sandbox, HttpMethod.Get, "captioncat", "/balance"), cancellationToken);
        var id = await CaptionCatUploadAsync(sandbox, cancellationToken);

        Assert.That(await balance.Content.ReadAsStringAsync(cancellationToken), Does.Contain("2400"));
        Assert.That(id, Is.Not.Empty);
        Assert.That(sandbox.Requests.Select(r => r.Fault), Is.All.Null);
    }

    /// <summary>Reads until the server closes the connection (a reset counts as closed); returns the byte count.</summary>
    private static async Task<int> ReceiveAllAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var total = 0;
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken)) > 0)
            {
                total += read;
            }
        }
        catch (SocketException)
        {
            // Reset by the server: closed all the same.
        }

        return total;
    }

    private static Task<HttpResponseMessage> SoscriptedStreamAsync(VendorSandbox sandbox, HttpClient http, CancellationToken cancellationToken)
    {
        var request = Authorized(sandbox, HttpMethod.Post, "soscripted", "/transcribe");
        request.Headers.Add("Accept", "text/event-stream");
        request.Content = new StringContent("{\"url\":\"https://www.youtube.com/shorts/hello.mp4\"}", Encoding.UTF8, "application/json");
        return http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }
}
