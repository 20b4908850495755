using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Cliptext.Tests;

/// <summary>
/// Each of the nine operations against the in-memory transport: method, exact URL, bearer header, JSON body sent,
/// and the parsed answer. Only getTranscription's answer and the error envelope are documented; the other bodies
/// follow the spec's inferred shapes.
/// </summary>
[TestFixture]
public sealed class CliptextClientOperationTests
{
    private const string Id = CliptextDocExamples.TranscriptionId;
    private const string JsonContentType = "application/json; charset=utf-8";

    private StubHandler _handler = null!;
    private CliptextClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _handler = new StubHandler();
        _client = TestClients.Create(_handler, new FakeTimeProvider());
    }

    [TearDown]
    public void TearDown() => _client.Dispose();

    [Test]
    public async Task GetTranscription_sends_bearer_GET_and_parses_the_documented_generic_response()
    {
        _handler.Respond(HttpStatusCode.OK, CliptextDocExamples.GenericResponse);

        var transcription = await _client.GetTranscriptionAsync(Id);

        var request = _handler.Requests.Single();
        AssertRequest(request, HttpMethod.Get, "https://api.cliptext.ai/v1/transcriptions/txn_abc123");
        Assert.Multiple(() =>
        {
            Assert.That(request.Body, Is.Null, "a GET carries no body");
            Assert.That(request.Header("Accept"), Does.Contain("application/json"), "all responses are JSON");
            Assert.That(transcription, Is.EqualTo(new Transcription
            {
                Id = "txn_abc123",
                Status = TranscriptionStatus.Completed,
                Text = "Hello, this is a transcription...",
                Duration = 45.2,
                CreatedAt = "2026-01-15T10:30:00Z",
            }));
            Assert.That(transcription.Status.Value, Is.EqualTo("completed"));
            Assert.That(transcription.Status.IsKnown, Is.True);
        });
    }

    [Test]
    public async Task CreateTranscription_sends_bearer_POST_with_upload_id_and_language_and_parses_the_generic_response_answered_201()
    {
        _handler.Respond(HttpStatusCode.Created, CliptextDocExamples.GenericResponse);

        var created = await _client.CreateTranscriptionAsync(new CreateTranscriptionRequest { UploadId = "upl_789", Language = "en" });

        var request = _handler.Requests.Single();
        AssertRequest(request, HttpMethod.Post, "https://api.cliptext.ai/v1/transcriptions");
        Assert.Multiple(() =>
        {
            Assert.That(request.ContentType, Is.EqualTo(JsonContentType), "docs: Content-Type: application/json for JSON requests");
            Assert.That(request.BodyText, Is.EqualTo("""{"upload_id":"upl_789","language":"en"}"""));
            Assert.That(created.Id, Is.EqualTo("txn_abc123"));
            Assert.That(created.Status, Is.EqualTo(TranscriptionStatus.Completed));
            Assert.That(created.Text, Is.EqualTo("Hello, this is a transcription..."));
            Assert.That(created.Duration, Is.EqualTo(45.2));
            Assert.That(created.CreatedAt, Is.EqualTo("2026-01-15T10:30:00Z"));
        });
    }

    [Test]
    public async Task CreateTranscription_leaves_out_an_unset_language_and_accepts_a_queued_answer_without_text()
    {
        _handler.Respond(HttpStatusCode.Created, """{"id": "txn_new", "status": "queued", "created_at": "2026-01-15T10:30:00Z"}""");

        var created = await _client.CreateTranscriptionAsync(new CreateTranscriptionRequest { UploadId = "upl_789" });

        Assert.Multiple(() =>
        {
            Assert.That(_handler.Requests.Single().BodyText, Is.EqualTo("""{"upload_id":"upl_789"}"""));
            Assert.That(created.Id, Is.EqualTo("txn_new"));
            Assert.That(created.Status, Is.EqualTo(TranscriptionStatus.Queued));
            Assert.That(created.Text, Is.Null);
            Assert.That(created.Duration, Is.Null);
        });
    }

    [Test]
    public async Task CreateTranscription_accepts_any_2xx_such_as_200()
    {
        _handler.Respond(HttpStatusCode.OK, CliptextDocExamples.GenericResponse);

        var created = await _client.CreateTranscriptionAsync(new CreateTranscriptionRequest { UploadId = "upl_789" });

        Assert.That(created.Id, Is.EqualTo("txn_abc123"));
    }

    [Test]
    public async Task ListTranscriptions_without_arguments_sends_no_query_and_parses_a_page()
    {
        _handler.Respond(HttpStatusCode.OK, CliptextDocExamples.TranscriptionPage);

        var page = await _client.ListTranscriptionsAsync();

        var request = _handler.Requests.Single();
        AssertRequest(request, HttpMethod.Get, "https://api.cliptext.ai/v1/transcriptions");
        Assert.That(request.Uri.Query, Is.Empty);
        Assert.That(page.Data, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(page.Data[0], Is.EqualTo(CliptextJson.ParseTranscription("""{ "id": "txn_abc123", "status": "completed", "text": "Hello, this is a transcription...", "duration": 45.2, "created_at": "2026-01-15T10:30:00Z"}"""u8)));
            Assert.That(page.Data[0].Text, Is.EqualTo("Hello, this is a transcription..."));
            Assert.That(page.Data[1].Id, Is.EqualTo("txn_def456"));
            Assert.That(page.Data[1].Status, Is.EqualTo(TranscriptionStatus.Processing));
            Assert.That(page.Data[1].Text, Is.Null, "text is null until the transcription completes");
            Assert.That(page.HasMore, Is.True);
            Assert.That(page.NextCursor, Is.EqualTo("cur_2"));
        });
    }

    [Test]
    public async Task ListTranscriptions_sends_limit_and_cursor_as_query_parameters()
    {
        _handler.Respond(HttpStatusCode.OK, CliptextDocExamples.LastTranscriptionPage);

        var page = await _client.ListTranscriptionsAsync(limit: 20, cursor: "cur_2");

        AssertRequest(_handler.Requests.Single(), HttpMethod.Get, "https://api.cliptext.ai/v1/transcriptions?limit=20&cursor=cur_2");
        Assert.Multiple(() =>
        {
            Assert.That(page.Data, Is.Empty);
            Assert.That(page.HasMore, Is.False);
            Assert.That(page.NextCursor, Is.Null);
        });
    }

    [Test]
    public async Task ListTranscriptions_sends_only_the_parameters_given()
    {
        _handler
            .Respond(HttpStatusCode.OK, CliptextDocExamples.LastTranscriptionPage)
            .Respond(HttpStatusCode.OK, CliptextDocExamples.LastTranscriptionPage);

        await _client.ListTranscriptionsAsync(limit: 5);
        await _client.ListTranscriptionsAsync(cursor: "cur_9");

        Assert.Multiple(() =>
        {
            Assert.That(_handler.Requests[0].Uri.AbsoluteUri, Is.EqualTo("https://api.cliptext.ai/v1/transcriptions?limit=5"));
            Assert.That(_handler.Requests[1].Uri.AbsoluteUri, Is.EqualTo("https://api.cliptext.ai/v1/transcriptions?cursor=cur_9"));
        });
    }

    [Test]
    public async Task ListTranscriptions_percent_encodes_a_cursor_so_it_cannot_add_parameters()
    {
        _handler.Respond(HttpStatusCode.OK, CliptextDocExamples.LastTranscriptionPage);

        await _client.ListTranscriptionsAsync(cursor: "a b&limit=1000/=");

        var uri = _handler.Requests.Single().Uri;
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        Assert.Multiple(() =>
        {
            Assert.That(query.AllKeys, Is.EqualTo(new[] { "cursor" }));
            Assert.That(query["cursor"], Is.EqualTo("a b&limit=1000/="));
            Assert.That(uri.AbsolutePath, Is.EqualTo("/v1/transcriptions"));
        });
    }

    [Test]
    public async Task ListTranscriptions_follows_next_cursor_to_the_last_page()
    {
        _handler
            .Respond(HttpStatusCode.OK, CliptextDocExamples.TranscriptionPage)
            .Respond(HttpStatusCode.OK, CliptextDocExamples.LastTranscriptionPage);

        var ids = new System.Collections.Generic.List<string>();
        string? cursor = null;
        do
        {
            var page = await _client.ListTranscriptionsAsync(limit: 2, cursor: cursor);
            ids.AddRange(page.Data.Select(t => t.Id));
            cursor = page.HasMore == true ? page.NextCursor : null;
        }
        while (cursor is not null);

        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.EqualTo(new[] { "txn_abc123", "txn_def456" }));
            Assert.That(_handler.Requests.Select(r => r.Uri.Query), Is.EqualTo(new[] { "?limit=2", "?limit=2&cursor=cur_2" }));
        });
    }

    [Test]
    public async Task DeleteTranscription_sends_bearer_DELETE_and_parses_the_result()
    {
        _handler.Respond(HttpStatusCode.OK, CliptextDocExamples.Deleted);

        var deleted = await _client.DeleteTranscriptionAsync(Id);

        var request = _handler.Requests.Single();
        AssertRequest(request, HttpMethod.Delete, "https://api.cliptext.ai/v1/transcriptions/txn_abc123");
        Assert.Multiple(() =>
        {
            Assert.That(request.Body, Is.Null, "a DELETE carries no body");
            Assert.That(deleted, Is.EqualTo(new DeletedTranscription { Id = "txn_abc123", Deleted = true }));
        });
    }

    [Test]
    public async Task DeleteTranscription_accepts_an_empty_json_object()
    {
        _handler.Respond(HttpStatusCode.OK, "{}");

        var deleted = await _client.DeleteTranscriptionAsync(Id);

        Assert.That(deleted, Is.EqualTo(new DeletedTranscription()));
    }

    [Test]
    public async Task CreatePresignedUpload_sends_bearer_POST_with_file_name_type_and_size_and_parses_the_url()
    {
        _handler.Respond(HttpStatusCode.OK, CliptextDocExamples.PresignedUpload);

        var upload = await _client.CreatePresignedUploadAsync(new CreatePresignedUploadRequest { FileName = "meeting.mp3", ContentType = "audio/mpeg", FileSize = 1_048_576 });

        var request = _handler.Requests.Single();
        AssertRequest(request, HttpMethod.Post, "https://api.cliptext.ai/v1/uploads/presigned");
        Assert.Multiple(() =>
        {
            Assert.That(request.ContentType, Is.EqualTo(JsonContentType));
            Assert.That(request.BodyText, Is.EqualTo("""{"file_name":"meeting.mp3","content_type":"audio/mpeg","file_size":1048576}"""));
            Assert.That(upload, Is.EqualTo(new PresignedUpload
            {
                UploadId = CliptextDocExamples.UploadId,
                UploadUrl = CliptextDocExamples.UploadUrl,
                ExpiresIn = 3600,
            }));
        });
    }

    [Test]
    public async Task CreatePresignedUpload_leaves_out_unset_optional_fields()
    {
        _handler.Respond(HttpStatusCode.OK, CliptextDocExamples.PresignedUpload);

        await _client.CreatePresignedUploadAsync(new CreatePresignedUploadRequest { FileName = "meeting.mp3" });

        Assert.That(_handler.Requests.Single().BodyText, Is.EqualTo("""{"file_name":"meeting.mp3"}"""));
    }

    [Test]
    public async Task CompleteUpload_sends_bearer_POST_with_upload_id_and_parses_the_result()
    {
        _handler.Respond(HttpStatusCode.OK, CliptextDocExamples.CompletedUpload);

        var completed = await _client.CompleteUploadAsync(new CompleteUploadRequest { UploadId = CliptextDocExamples.UploadId });

        var request = _handler.Requests.Single();
        AssertRequest(request, HttpMethod.Post, "https://api.cliptext.ai/v1/uploads/complete");
        Assert.Multiple(() =>
        {
            Assert.That(request.ContentType, Is.EqualTo(JsonContentType));
            Assert.That(request.BodyText, Is.EqualTo("""{"upload_id":"upl_789"}"""));
            Assert.That(completed, Is.EqualTo(new CompletedUpload { UploadId = "upl_789", Status = "completed" }));
        });
    }

    [Test]
    public async Task ListOrganizations_sends_bearer_GET_and_parses_every_organization()
    {
        _handler.Respond(HttpStatusCode.OK, CliptextDocExamples.Organizations);

        var organizations = await _client.ListOrganizationsAsync();

        var request = _handler.Requests.Single();
        AssertRequest(request, HttpMethod.Get, "https://api.cliptext.ai/v1/orgs");
        Assert.That(request.Body, Is.Null);
        Assert.That(organizations.Data, Is.EqualTo(new[]
        {
            new Organization { Id = "org_1", Name = "Acme Media", CreatedAt = "2025-11-02T08:00:00Z" },
            new Organization { Id = "org_2", Name = "Side Project", CreatedAt = "2026-01-03T12:15:00Z" },
        }));
    }

    [Test]
    public async Task GetOrganization_sends_bearer_GET_with_the_id_in_the_path_and_parses_it()
    {
        _handler.Respond(HttpStatusCode.OK, CliptextDocExamples.Organization);

        var organization = await _client.GetOrganizationAsync("org_1");

        AssertRequest(_handler.Requests.Single(), HttpMethod.Get, "https://api.cliptext.ai/v1/orgs/org_1");
        Assert.That(organization, Is.EqualTo(new Organization { Id = "org_1", Name = "Acme Media", CreatedAt = "2025-11-02T08:00:00Z" }));
    }

    [Test]
    public async Task AddOrganizationMember_sends_bearer_POST_with_email_and_role_and_parses_the_member_answered_201()
    {
        _handler.Respond(HttpStatusCode.Created, CliptextDocExamples.Member);

        var member = await _client.AddOrganizationMemberAsync("org_1", new AddMemberRequest { Email = "ana@example.com", Role = "admin" });

        var request = _handler.Requests.Single();
        AssertRequest(request, HttpMethod.Post, "https://api.cliptext.ai/v1/orgs/org_1/members");
        Assert.Multiple(() =>
        {
            Assert.That(request.ContentType, Is.EqualTo(JsonContentType));
            Assert.That(request.BodyText, Is.EqualTo("""{"email":"ana@example.com","role":"admin"}"""));
            Assert.That(member, Is.EqualTo(new OrganizationMember { Id = "mem_42", Email = "ana@example.com", Role = "admin", CreatedAt = "2026-01-15T11:00:00Z" }));
        });
    }

    [Test]
    public async Task AddOrganizationMember_leaves_out_an_unset_role()
    {
        _handler.Respond(HttpStatusCode.Created, CliptextDocExamples.Member);

        await _client.AddOrganizationMemberAsync("org_1", new AddMemberRequest { Email = "ana@example.com" });

        Assert.That(_handler.Requests.Single().BodyText, Is.EqualTo("""{"email":"ana@example.com"}"""));
    }

    [Test]
    public async Task Json_strings_in_request_bodies_are_escaped()
    {
        _handler.Respond(HttpStatusCode.Created, CliptextDocExamples.Member);

        await _client.AddOrganizationMemberAsync("org_1", new AddMemberRequest { Email = "a\"b\\c@example.com" });

        var body = _handler.Requests.Single().BodyText;
        using var document = System.Text.Json.JsonDocument.Parse(body);
        Assert.That(document.RootElement.GetProperty("email").GetString(), Is.EqualTo("a\"b\\c@example.com"));
    }

    [Test]
    public async Task Path_ids_are_percent_encoded_so_they_cannot_change_the_path()
    {
        _handler
            .Respond(HttpStatusCode.OK, CliptextDocExamples.GenericResponse)
            .Respond(HttpStatusCode.Created, CliptextDocExamples.Member);

        await _client.GetTranscriptionAsync("a/b c?d");
        await _client.AddOrganizationMemberAsync("../orgs/x", new AddMemberRequest { Email = "ana@example.com" });

        Assert.Multiple(() =>
        {
            Assert.That(_handler.Requests[0].Uri.AbsoluteUri, Is.EqualTo("https://api.cliptext.ai/v1/transcriptions/a%2Fb%20c%3Fd"));
            Assert.That(_handler.Requests[0].Uri.Query, Is.Empty);
            Assert.That(_handler.Requests[1].Uri.AbsolutePath, Is.EqualTo("/v1/orgs/..%2Forgs%2Fx/members"));
        });
    }

    [Test]
    public async Task An_unknown_status_value_is_kept_as_sent()
    {
        _handler.Respond(HttpStatusCode.OK, """{"id": "txn_abc123", "status": "Transcribing"}""");

        var transcription = await _client.GetTranscriptionAsync(Id);

        Assert.Multiple(() =>
        {
            Assert.That(transcription.Status.Value, Is.EqualTo("Transcribing"));
            Assert.That(transcription.Status.IsKnown, Is.False);
            Assert.That(transcription.Text, Is.Null);
        });
    }

    [Test]
    public void A_transcription_without_its_required_status_is_a_response_error_naming_the_field()
    {
        _handler.Respond(HttpStatusCode.OK, """{"id": "txn_abc123"}""");

        var error = Assert.ThrowsAsync<TranscriptKitResponseException>(() => _client.GetTranscriptionAsync(Id));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Vendor, Is.EqualTo("cliptext"));
            Assert.That(error.Message, Does.Contain("status"));
            Assert.That(error.Message, Does.Not.Contain(TestClients.ApiKey));
        });
    }

    [Test]
    public void Operations_reject_blank_ids_and_null_bodies_before_sending()
    {
        Assert.Multiple(() =>
        {
            Assert.ThrowsAsync<ArgumentException>(() => _client.GetTranscriptionAsync(" "));
            Assert.ThrowsAsync<ArgumentNullException>(() => _client.DeleteTranscriptionAsync(null!));
            Assert.ThrowsAsync<ArgumentException>(() => _client.GetOrganizationAsync(""));
            // Two overloads since the multipart body: a bare null names neither.
            Assert.ThrowsAsync<ArgumentNullException>(() => _client.CreateTranscriptionAsync((CreateTranscriptionRequest)null!));
            Assert.ThrowsAsync<ArgumentNullException>(() => _client.CreateTranscriptionAsync((UploadFile)null!));
            Assert.ThrowsAsync<ArgumentNullException>(() => _client.CreatePresignedUploadAsync(null!));
            Assert.ThrowsAsync<ArgumentNullException>(() => _client.CompleteUploadAsync(null!));
            Assert.ThrowsAsync<ArgumentNullException>(() => _client.AddOrganizationMemberAsync("org_1", null!));
            Assert.ThrowsAsync<ArgumentException>(() => _client.AddOrganizationMemberAsync(" ", new AddMemberRequest { Email = "ana@example.com" }));
        });
        Assert.That(_handler.Requests, Is.Empty);
    }

    private static void AssertRequest(RecordedRequest request, HttpMethod method, string url)
    {
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo(method));
            Assert.That(request.Uri.AbsoluteUri, Is.EqualTo(url));
            Assert.That(request.Header("Authorization"), Is.EqualTo("Bearer test-key"), "docs: Authorization: Bearer YOUR_API_KEY");
        });
    }
}
