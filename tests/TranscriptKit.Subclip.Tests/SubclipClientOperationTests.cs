using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Subclip.Tests;

/// <summary>Each operation against the in-memory transport: the request it sends (the docs' request examples) and how it reads the docs' answers.</summary>
[TestFixture]
public sealed class SubclipClientOperationTests
{
    private const string UploadsUrl = "https://www.subclip.app/api/v1/social-transcripts/uploads";
    private const string JobsUrl = "https://www.subclip.app/api/v1/social-transcripts/jobs";

    private StubHandler _handler = null!;
    private SubclipClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _handler = new StubHandler();
        _client = TestClients.Create(_handler, new FakeTimeProvider());
    }

    [TearDown]
    public void TearDown() => _client.Dispose();

    // ---- createUploadUrl ----

    [Test]
    public async Task CreateUploadUrl_sends_the_reference_request_example_and_parses_its_response()
    {
        _handler.Respond(HttpStatusCode.OK, SubclipDocExamples.UploadResponse);

        var result = await _client.CreateUploadUrlAsync(new CreateUploadUrlRequest
        {
            FileName = "source.mp4",
            ContentType = "video/mp4",
            FileSize = 52428800,
        });

        var request = _handler.Requests.Single();
        AssertJsonRequest(request, HttpMethod.Post, UploadsUrl);
        JsonText.AssertSameAs(request.BodyText, SubclipDocExamples.UploadRequest);
        Assert.That(result, Is.EqualTo(new UploadUrlResult
        {
            UploadUrl = "https://...",
            SourceObjectKey = "user_.../social-transcripts-api/sources/abc123-source.mp4",
            ExpiresIn = 900,
        }));
    }

    [Test]
    public async Task CreateUploadUrl_sends_the_worked_example_request_and_parses_every_field_of_its_response()
    {
        _handler.Respond(HttpStatusCode.OK, SubclipDocExamples.WorkedUploadResponse);

        var result = await _client.CreateUploadUrlAsync(new CreateUploadUrlRequest
        {
            FileName = "creator-video.mp4",
            ContentType = "video/mp4",
            FileSize = 73400320,
        });

        var request = _handler.Requests.Single();
        AssertJsonRequest(request, HttpMethod.Post, UploadsUrl);
        JsonText.AssertSameAs(request.BodyText, SubclipDocExamples.WorkedUploadRequest);
        Assert.That(result, Is.EqualTo(new UploadUrlResult
        {
            UploadUrl = "https://...",
            Method = "PUT",
            SourceObjectKey = "user_.../social-transcripts-api/sources/abc123-creator-video.mp4",
            SourceObjectName = "creator-video.mp4",
            SourceObjectMimeType = "video/mp4",
            ExpiresIn = 900,
        }));
    }

    [Test]
    public async Task CreateUploadUrl_leaves_out_an_absent_contentType_and_keeps_a_size_above_int32()
    {
        _handler.Respond(HttpStatusCode.OK, SubclipDocExamples.UploadResponse);

        await _client.CreateUploadUrlAsync(new CreateUploadUrlRequest { FileName = "big.mkv", FileSize = 2147483648L });

        Assert.That(_handler.Requests.Single().BodyText, Is.EqualTo("""{"fileName":"big.mkv","fileSize":2147483648}"""));
    }

    [Test]
    public void CreateUploadUrl_response_without_the_required_sourceObjectKey_is_a_response_error()
    {
        _handler.Respond(HttpStatusCode.OK, """{"uploadUrl": "https://storage.example.com/put?X-Amz-Signature=abc", "expiresIn": 900}""");

        var error = Assert.ThrowsAsync<TranscriptKitResponseException>(() =>
            _client.CreateUploadUrlAsync(new CreateUploadUrlRequest { FileName = "a.mp4", FileSize = 1 }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Vendor, Is.EqualTo("subclip"));
            Assert.That(error.Message, Does.Contain("sourceObjectKey"));
        });
    }

    // ---- createJob ----

    [Test]
    public async Task CreateJob_sends_the_reference_request_example_and_parses_its_response()
    {
        _handler.Respond(HttpStatusCode.OK, SubclipDocExamples.JobResponse);

        var result = await _client.CreateJobAsync(new CreateJobRequest
        {
            Url = SubclipDocExamples.TikTokUrl,
            Platform = Platform.Tiktok,
            Language = LanguageCode.En,
            Format = TranscriptFormat.Srt,
            IncludeWordTimestamps = true,
        });

        var request = _handler.Requests.Single();
        AssertJsonRequest(request, HttpMethod.Post, JobsUrl);
        JsonText.AssertSameAs(request.BodyText, SubclipDocExamples.JobRequest);
        Assert.That(result, Is.EqualTo(new CreateJobResult
        {
            ProjectId = "stproj_...",
            Status = JobStatus.Queued,
            RunId = "run_...",
            EstimatedCredits = 9,
            StatusUrl = "/api/v1/.../jobs/stproj_...",
            DownloadUrl = "/api/v1/.../jobs/stproj_.../download",
        }));
    }

    [Test]
    public async Task CreateJob_from_a_social_url_sends_the_docs_body_without_platform_and_reads_null_estimatedCredits()
    {
        _handler.Respond(HttpStatusCode.OK, SubclipDocExamples.SocialUrlJobResponse);

        var result = await _client.CreateJobAsync(new CreateJobRequest { Url = SubclipDocExamples.TikTokUrl, Language = LanguageCode.En });

        var request = _handler.Requests.Single();
        AssertJsonRequest(request, HttpMethod.Post, JobsUrl);
        JsonText.AssertSameAs(request.BodyText, SubclipDocExamples.SocialUrlJobRequest);
        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(new CreateJobResult
            {
                ProjectId = "stproj_...",
                Status = JobStatus.Queued,
                RunId = "run_...",
                Platform = Platform.Tiktok,
                Format = TranscriptFormat.Text,
                EstimatedCredits = null,
                StatusUrl = "/api/v1/social-transcripts/jobs/stproj_...",
            }));
            Assert.That(result.EstimatedCredits, Is.Null, "null means not known yet");
            Assert.That(result.Platform!.Value.IsKnown, Is.True);
        });
    }

    [Test]
    public async Task CreateJob_from_an_uploaded_source_sends_the_worked_example_body()
    {
        _handler.Respond(HttpStatusCode.OK, SubclipDocExamples.JobResponse);

        await _client.CreateJobAsync(new CreateJobRequest
        {
            SourceObjectKey = SubclipDocExamples.WorkedSourceObjectKey,
            SourceObjectName = "creator-video.mp4",
            SourceObjectMimeType = "video/mp4",
            Language = LanguageCode.En,
            Format = TranscriptFormat.Text,
        });

        var request = _handler.Requests.Single();
        AssertJsonRequest(request, HttpMethod.Post, JobsUrl);
        JsonText.AssertSameAs(request.BodyText, SubclipDocExamples.WorkedJobRequest);
    }

    [Test]
    public async Task CreateJob_from_a_public_url_with_platform_public_sends_the_docs_body()
    {
        _handler.Respond(HttpStatusCode.OK, SubclipDocExamples.JobResponse);

        await _client.CreateJobAsync(new CreateJobRequest
        {
            Url = SubclipDocExamples.PublicMediaUrl,
            Platform = Platform.Public,
            Language = LanguageCode.En,
        });

        var request = _handler.Requests.Single();
        AssertJsonRequest(request, HttpMethod.Post, JobsUrl);
        JsonText.AssertSameAs(request.BodyText, SubclipDocExamples.PublicUrlJobRequest);
    }

    [Test]
    public async Task CreateJob_with_json_format_and_word_timestamps_sends_the_docs_options_fragment()
    {
        _handler.Respond(HttpStatusCode.OK, SubclipDocExamples.JobResponse);

        await _client.CreateJobAsync(new CreateJobRequest
        {
            Url = "https://www.youtube.com/watch?v=abc",
            Language = LanguageCode.En,
            Format = TranscriptFormat.Json,
            IncludeWordTimestamps = true,
        });

        // The docs show only these two options, not a whole body: they must appear in it with these values.
        var sent = JsonText.Parse(_handler.Requests.Single().BodyText);
        var fragment = JsonText.Parse(SubclipDocExamples.StructuredOutputOptions);
        Assert.Multiple(() =>
        {
            foreach (var property in fragment.EnumerateObject())
            {
                Assert.That(sent.TryGetProperty(property.Name, out var value), Is.True, property.Name);
                Assert.That(value.GetRawText(), Is.EqualTo(property.Value.GetRawText()), property.Name);
            }

            Assert.That(sent.GetProperty("url").GetString(), Is.EqualTo("https://www.youtube.com/watch?v=abc"));
            Assert.That(sent.GetProperty("language").GetString(), Is.EqualTo("en"));
        });
    }

    [Test]
    public async Task CreateJob_sends_a_known_language_constant_as_its_code()
    {
        _handler.Respond(HttpStatusCode.OK, SubclipDocExamples.JobResponse);

        await _client.CreateJobAsync(new CreateJobRequest { Url = SubclipDocExamples.TikTokUrl, Language = LanguageCode.En });

        Assert.Multiple(() =>
        {
            Assert.That(LanguageCode.En.IsKnown, Is.True);
            Assert.That(JsonText.Parse(_handler.Requests.Single().BodyText).GetProperty("language").GetString(), Is.EqualTo("en"));
        });
    }

    [TestCase("xx")]
    [TestCase("haw")]
    [TestCase("pt-BR")]
    public async Task CreateJob_sends_any_language_code_as_is_known_or_not(string code)
    {
        _handler.Respond(HttpStatusCode.OK, SubclipDocExamples.JobResponse);

        await _client.CreateJobAsync(new CreateJobRequest { Url = SubclipDocExamples.TikTokUrl, Language = new LanguageCode(code) });

        Assert.That(JsonText.Parse(_handler.Requests.Single().BodyText).GetProperty("language").GetString(), Is.EqualTo(code));
    }

    [Test]
    public void An_unknown_language_code_is_accepted_but_not_known()
    {
        var unknown = new LanguageCode("xx");

        Assert.Multiple(() =>
        {
            Assert.That(unknown.Value, Is.EqualTo("xx"));
            Assert.That(unknown.IsKnown, Is.False);
            Assert.That(new LanguageCode("EN"), Is.EqualTo(LanguageCode.En), "codes compare case-insensitively");
        });
    }

    [Test]
    public async Task CreateJob_response_with_an_unknown_status_keeps_the_value()
    {
        _handler.Respond(HttpStatusCode.OK, """{"projectId": "stproj_1", "status": "downloading", "estimatedCredits": 2.5}""");

        var result = await _client.CreateJobAsync(new CreateJobRequest { Url = SubclipDocExamples.TikTokUrl, Language = LanguageCode.En });

        Assert.Multiple(() =>
        {
            Assert.That(result.Status.Value, Is.EqualTo("downloading"));
            Assert.That(result.Status.IsKnown, Is.False);
            Assert.That(result.EstimatedCredits, Is.EqualTo(2.5));
        });
    }

    // ---- getJob ----

    [Test]
    public async Task GetJob_sends_the_docs_poll_request_and_parses_the_srt_response()
    {
        _handler.Respond(HttpStatusCode.OK, SubclipDocExamples.StatusSrt);

        var status = await _client.GetJobAsync(SubclipDocExamples.ProjectId);

        var request = _handler.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo(HttpMethod.Get));
            Assert.That(request.Uri.AbsoluteUri, Is.EqualTo(SubclipDocExamples.PollStatusUrl));
            Assert.That(request.Header("Authorization"), Is.EqualTo("Bearer test-key"));
            Assert.That(request.Body, Is.Null, "a GET carries no body");
        });
        Assert.That(status, Is.EqualTo(new JobStatusResult
        {
            ProjectId = "stproj_...",
            Status = JobStatus.Completed,
            OutputReady = true,
            Format = TranscriptFormat.Srt,

            // The docs print the JSON escape "\\n", which is a backslash followed by n, not a line break.
            Output = @"1\n00:00:00,000 --> 00:00:02,000\nHello world",
        }));
    }

    [Test]
    public async Task GetJob_parses_the_text_format_response()
    {
        _handler.Respond(HttpStatusCode.OK, SubclipDocExamples.StatusText);

        var status = await _client.GetJobAsync(SubclipDocExamples.ProjectId);

        Assert.That(status, Is.EqualTo(new JobStatusResult
        {
            ProjectId = "stproj_...",
            Status = JobStatus.Completed,
            OutputReady = true,
            Platform = Platform.Youtube,
            Format = TranscriptFormat.Text,
            DurationSeconds = 126,
            CreditsUsed = 3,
            Text = "Full transcript text...",
        }));
    }

    [Test]
    public async Task GetJob_parses_the_json_format_response_with_segments_words_and_word_timestamps()
    {
        _handler.Respond(HttpStatusCode.OK, SubclipDocExamples.StatusJsonWithWordTimestamps);

        var status = await _client.GetJobAsync(SubclipDocExamples.ProjectId);

        var first = new WordTimestamp { Word = "First", Start = 0, End = 0.4 };
        Assert.Multiple(() =>
        {
            Assert.That(status.ProjectId, Is.EqualTo("stproj_..."));
            Assert.That(status.Status, Is.EqualTo(JobStatus.Completed));
            Assert.That(status.OutputReady, Is.True);
            Assert.That(status.Format, Is.EqualTo(TranscriptFormat.Json));
            Assert.That(status.IncludeWordTimestamps, Is.True);
            Assert.That(status.Text, Is.Null);
            Assert.That(status.Output, Is.Null);
            Assert.That(status.Transcript, Is.Not.Null);
            Assert.That(status.Transcript!.Text, Is.EqualTo("Full transcript text..."));
            Assert.That(status.Transcript.Segments, Has.Count.EqualTo(1));
            Assert.That(status.WordTimestamps, Is.EqualTo(new[] { first }));
        });
        var segment = status.Transcript!.Segments![0];
        Assert.Multiple(() =>
        {
            Assert.That(segment.Start, Is.EqualTo(0));
            Assert.That(segment.End, Is.EqualTo(2.4));
            Assert.That(segment.Text, Is.EqualTo("First sentence."));
            Assert.That(segment.Words, Is.EqualTo(new[] { first }));
        });
    }

    [Test]
    public async Task GetJob_ignores_fields_the_spec_does_not_know()
    {
        _handler.Respond(HttpStatusCode.OK, """{"projectId": "stproj_1", "status": "processing", "outputReady": false, "progress": {"stage": "download"}, "extra": [1, 2]}""");

        var status = await _client.GetJobAsync("stproj_1");

        Assert.Multiple(() =>
        {
            Assert.That(status.Status, Is.EqualTo(JobStatus.Processing));
            Assert.That(status.OutputReady, Is.False);
        });
    }

    [Test]
    public async Task GetJob_escapes_a_project_id_into_a_single_path_segment()
    {
        _handler.Respond(HttpStatusCode.OK, SubclipDocExamples.StatusText);

        await _client.GetJobAsync("stproj_a/b c?d");

        Assert.That(_handler.Requests.Single().Uri.AbsolutePath, Is.EqualTo("/api/v1/social-transcripts/jobs/stproj_a%2Fb%20c%3Fd"));
    }

    [TestCase("")]
    [TestCase("  ")]
    public void GetJob_with_a_blank_project_id_is_refused_before_any_request(string projectId)
    {
        Assert.ThrowsAsync<ArgumentException>(() => _client.GetJobAsync(projectId));
        Assert.That(_handler.Requests, Is.Empty);
    }

    private static void AssertJsonRequest(RecordedRequest request, HttpMethod method, string url)
    {
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo(method));
            Assert.That(request.Uri.AbsoluteUri, Is.EqualTo(url));
            Assert.That(request.Uri.Query, Is.Empty, "no query string");
            Assert.That(request.Header("Authorization"), Is.EqualTo("Bearer test-key"));
            Assert.That(request.ContentType, Does.StartWith("application/json"));
        });
    }
}
