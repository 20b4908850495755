using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Cliptext;

namespace TranscriptKit.Sandbox.Tests;

public sealed class CliptextSandboxTests
{
    private static CliptextClient Client(VendorSandbox sandbox, string? key = null) =>
        new(new CliptextClientOptions { ApiKey = key ?? sandbox.ApiKey, Endpoint = sandbox.GetEndpoint("cliptext"), Retry = TestMedia.FastRetries });

    [Test]
    public async Task Presigned_upload_complete_transcribe_and_poll_returns_the_sidecar_text()
    {
        await using var sandbox = await TestMedia.StartAsync();
        var client = Client(sandbox);
        using var file = TestMedia.Upload(TestMedia.SampleBytes);

        var upload = await client.UploadFileAsync(file);
        var created = await client.CreateTranscriptionAsync(new CreateTranscriptionRequest { UploadId = upload.UploadId, Language = "en" });
        var done = await client.WaitForTranscriptionAsync(created.Id, TestMedia.FastPolling);

        Assert.That(created.Status.ToString(), Is.EqualTo("queued"));
        Assert.That(done.Status.ToString(), Is.EqualTo("completed"));
        Assert.That(done.Text, Is.EqualTo(TestMedia.SampleText));
        Assert.That(done.Duration, Is.EqualTo(4.5));
        Assert.That(TestMedia.Count(sandbox, "cliptext", "POST", "/uploads/complete"), Is.EqualTo(1));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task The_file_in_a_multipart_create_is_transcribed_without_the_presigned_flow()
    {
        await using var sandbox = await TestMedia.StartAsync();
        var client = Client(sandbox);
        using var file = TestMedia.Upload(TestMedia.SampleBytes);

        var created = await client.CreateTranscriptionAsync(file, language: "en");
        var done = await client.WaitForTranscriptionAsync(created.Id, TestMedia.FastPolling);

        Assert.That(created.Status.ToString(), Is.EqualTo("queued"));
        Assert.That(done.Text, Is.EqualTo(TestMedia.SampleText));
        Assert.That(TestMedia.Count(sandbox, "cliptext", "POST", "/uploads/presigned"), Is.EqualTo(0));
        Assert.That(TestMedia.Count(sandbox, "cliptext", "POST", "/transcriptions"), Is.EqualTo(1));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_multipart_create_without_a_part_named_file_gets_the_docs_VALIDATION_ERROR_naming_field_file()
    {
        await using var sandbox = await TestMedia.StartAsync();
        using var http = new HttpClient();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(TestMedia.SampleBytes), "\"audio\"", "\"talk.mp3\"" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, sandbox.GetEndpoint("cliptext") + "/transcriptions") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sandbox.ApiKey);

        using var response = await http.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var error = body.RootElement.GetProperty("error");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("VALIDATION_ERROR"));
        Assert.That(error.GetProperty("details").GetProperty("field").GetString(), Is.EqualTo("file"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_multipart_file_of_a_format_Cliptext_refuses_gets_the_docs_error_example()
    {
        await using var sandbox = await TestMedia.StartAsync();
        var client = Client(sandbox);
        using var file = UploadFile.FromStream(new System.IO.MemoryStream(TestMedia.SampleBytes), "notes.txt");

        var refused = Assert.ThrowsAsync<TranscriptKitBadRequestException>(() => client.CreateTranscriptionAsync(file));

        Assert.That(refused!.ErrorCode, Is.EqualTo("VALIDATION_ERROR"));
        Assert.That(refused.VendorMessage, Is.EqualTo("Invalid file format"));
    }

    [Test]
    public async Task List_pages_with_limit_and_cursor_and_delete_removes()
    {
        await using var sandbox = await TestMedia.StartAsync();
        var client = Client(sandbox);
        using var file = TestMedia.Upload(TestMedia.SampleBytes);
        var upload = await client.UploadFileAsync(file);
        var ids = new System.Collections.Generic.List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await client.CreateTranscriptionAsync(new CreateTranscriptionRequest { UploadId = upload.UploadId })).Id);
        }

        var first = await client.ListTranscriptionsAsync(limit: 2);
        var second = await client.ListTranscriptionsAsync(limit: 2, cursor: first.NextCursor);
        var deleted = await client.DeleteTranscriptionAsync(ids[0]);

        Assert.That(first.Data.Select(t => t.Id), Is.EqualTo(ids.Take(2)));
        Assert.That(first.HasMore, Is.True);
        Assert.That(second.Data.Select(t => t.Id), Is.EqualTo(ids.Skip(2)));
        Assert.That(second.HasMore, Is.False);
        Assert.That(second.NextCursor, Is.Null);
        Assert.That(deleted.Deleted, Is.True);
        Assert.ThrowsAsync<TranscriptKitNotFoundException>(() => client.GetTranscriptionAsync(ids[0]));
    }

    [Test]
    public async Task Organizations_and_members()
    {
        await using var sandbox = await TestMedia.StartAsync();
        var client = Client(sandbox);

        var orgs = await client.ListOrganizationsAsync();
        var org = await client.GetOrganizationAsync(orgs.Data[0].Id);
        var member = await client.AddOrganizationMemberAsync(org.Id, new AddMemberRequest { Email = "ada@example.com", Role = "admin" });
        var invalid = Assert.ThrowsAsync<TranscriptKitBadRequestException>(() => client.AddOrganizationMemberAsync(org.Id, new AddMemberRequest { Email = "not-an-email" }));

        Assert.That(member.Email, Is.EqualTo("ada@example.com"));
        Assert.That(member.Role, Is.EqualTo("admin"));
        Assert.That(invalid!.ErrorCode, Is.EqualTo("VALIDATION_ERROR"));
        Assert.ThrowsAsync<TranscriptKitNotFoundException>(() => client.GetOrganizationAsync("org_missing"));
    }

    [Test]
    public async Task The_docs_invalid_file_format_error_comes_in_the_envelope()
    {
        await using var sandbox = await TestMedia.StartAsync();

        var error = Assert.ThrowsAsync<TranscriptKitBadRequestException>(() => Client(sandbox).CreatePresignedUploadAsync(new CreatePresignedUploadRequest { FileName = "notes.txt" }));

        Assert.That(error!.ErrorCode, Is.EqualTo("VALIDATION_ERROR"));
        Assert.That(error.VendorMessage, Is.EqualTo("Invalid file format"));
    }

    [Test]
    public async Task A_bad_key_gets_401_in_the_envelope()
    {
        await using var sandbox = await TestMedia.StartAsync();

        var error = Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() => Client(sandbox, "bad").ListOrganizationsAsync());

        Assert.That(error!.ErrorCode, Is.EqualTo("UNAUTHORIZED"));
    }

    [Test]
    public async Task A_plan_rate_limit_429_is_retried_after_Retry_After()
    {
        await using var sandbox = await TestMedia.StartAsync();
        sandbox.Faults.For("cliptext").FailNext(1, 429, retryAfter: System.TimeSpan.Zero);

        var orgs = await Client(sandbox).ListOrganizationsAsync();

        Assert.That(orgs.Data, Has.Count.EqualTo(1));
        Assert.That(sandbox.Requests.Select(r => r.StatusCode), Is.EqualTo(new[] { 429, 200 }));
    }
}
