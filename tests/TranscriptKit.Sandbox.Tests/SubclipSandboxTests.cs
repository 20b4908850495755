using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Subclip;

namespace TranscriptKit.Sandbox.Tests;

public sealed class SubclipSandboxTests
{
    private static SubclipClient Client(VendorSandbox sandbox, string? key = null) =>
        new(new SubclipClientOptions { ApiKey = key ?? sandbox.ApiKey, Endpoint = sandbox.GetEndpoint("subclip"), Retry = TestMedia.FastRetries });

    [Test]
    public async Task Signed_upload_then_job_from_sourceObjectKey_returns_the_sidecar_as_json_with_words()
    {
        await using var sandbox = await TestMedia.StartAsync();
        var client = Client(sandbox);
        using var file = TestMedia.Upload(TestMedia.SampleBytes);

        var key = await client.UploadSourceAsync(file);
        var job = await client.CreateJobAsync(new CreateJobRequest { SourceObjectKey = key, Language = "en", Format = "json", IncludeWordTimestamps = true });
        var done = await client.WaitForJobAsync(job.ProjectId, TestMedia.FastPolling);

        Assert.That(done.OutputReady, Is.True);
        Assert.That(done.Transcript!.Text, Is.EqualTo(TestMedia.SampleText));
        Assert.That(done.Transcript.Segments!.Select(s => s.Text), Is.EqualTo(new[] { "Hello sandbox world", "Second line here" }));
        // Words are spread evenly over their segment: 3 words in 0–2 s.
        var words = done.Transcript.Segments![0].Words!;
        Assert.That(words.Select(w => w.Word), Is.EqualTo(new[] { "Hello", "sandbox", "world" }));
        Assert.That(words[1].Start, Is.EqualTo(0.667).Within(0.001));
        Assert.That(done.WordTimestamps, Has.Count.EqualTo(6));
        Assert.That(done.CreditsUsed, Is.EqualTo(1));
        Assert.That(TestMedia.Count(sandbox, "subclip", "PUT", "/storage/"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_public_url_job_matches_the_sample_by_file_name_and_answers_srt()
    {
        await using var sandbox = await TestMedia.StartAsync();
        var client = Client(sandbox);

        var job = await client.CreateJobAsync(new CreateJobRequest { Url = sandbox.GetMediaUrl(TestMedia.SampleName).ToString(), Platform = "public", Language = "en", Format = "srt" });
        var done = await client.WaitForJobAsync(job.ProjectId, TestMedia.FastPolling);

        Assert.That(job.Status.ToString(), Is.EqualTo("queued"));
        Assert.That(done.Output, Is.EqualTo(TestMedia.Srt));
        Assert.That(TestMedia.Count(sandbox, "subclip", "GET", "/social-transcripts/jobs/"), Is.EqualTo(3));
    }

    [Test]
    public async Task A_social_url_the_sandbox_does_not_know_gets_the_simulated_text()
    {
        await using var sandbox = await TestMedia.StartAsync();
        var client = Client(sandbox);

        var job = await client.CreateJobAsync(new CreateJobRequest { Url = "https://www.tiktok.com/@creator/video/123", Language = "en" });
        var done = await client.WaitForJobAsync(job.ProjectId, TestMedia.FastPolling);

        Assert.That(job.Platform?.ToString(), Is.EqualTo("tiktok"));
        Assert.That(done.Text, Does.StartWith("[simulated transcript"));
    }

    [Test]
    public async Task An_upload_url_with_a_forged_signature_is_refused()
    {
        await using var sandbox = await TestMedia.StartAsync();
        var created = await Client(sandbox).CreateUploadUrlAsync(new CreateUploadUrlRequest { FileName = "a.mp4", FileSize = 3 });
        var forged = created.UploadUrl[..created.UploadUrl.LastIndexOf('=')] + "=deadbeef";

        using var http = new HttpClient();
        using var response = await http.PutAsync(new Uri(forged), new ByteArrayContent([1, 2, 3]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("SignatureDoesNotMatch"));
    }

    [Test]
    public async Task A_job_without_language_gets_a_400_in_the_error_shape()
    {
        await using var sandbox = await TestMedia.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, sandbox.GetEndpoint("subclip") + "/social-transcripts/jobs")
        {
            Content = new StringContent("{\"url\":\"https://www.youtube.com/watch?v=1\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", sandbox.ApiKey);

        using var response = await http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("{\"error\":\"language is required\"}"));
    }

    [Test]
    public async Task A_revoked_key_gets_401()
    {
        await using var sandbox = await TestMedia.StartAsync();

        var error = Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() => Client(sandbox, "revoked").GetJobAsync("stproj_x"));

        Assert.That(error!.VendorMessage, Is.EqualTo("Missing, invalid, or revoked API key"));
    }

    [Test]
    public async Task Jobs_stop_when_the_credits_run_out()
    {
        await using var sandbox = await TestMedia.StartAsync(o => o.InitialCredits["subclip"] = 1);
        var client = Client(sandbox);
        var request = new CreateJobRequest { Url = "https://youtu.be/abc", Language = "en" };
        await client.CreateJobAsync(request);

        Assert.ThrowsAsync<TranscriptKitInsufficientCreditsException>(() => client.CreateJobAsync(request));
    }
}
