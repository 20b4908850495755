using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Subclip;

namespace TranscriptKit.Tests.Jobs;

/// <summary>
/// One token everywhere: the token a timeout error carries (or quotes in its message) resumes through the facade and
/// through the client's operation, never submitting a second job; older token forms still resume; a token is never
/// accepted by another vendor. An in-memory Subclip on a fake clock.
/// </summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed partial class ResumeFromTokenTests
{
    private static readonly Uri s_endpoint = new("http://127.0.0.1:9/api/v1");
    private static readonly VendorSettings s_subclip = new() { ApiKey = "sc-key", Endpoint = s_endpoint };

    [Test]
    public async Task The_token_of_a_timeout_thrown_through_the_facade_finishes_the_job_without_a_second_submit()
    {
        var clock = new FakeTimeProvider();
        var vendor = new InMemorySubclip();
        var transcriber = Transcribers.Create("subclip", s_subclip, new TranscriberOptions { TimeProvider = clock, Polling = new() { Timeout = TimeSpan.FromMinutes(5) } }, new HttpClient(vendor));

        var error = await TimeOutAsync(clock, vendor, transcriber.TranscribeAsync(TranscriptionRequest.FromUrl("https://www.tiktok.com/@creator/video/1") with { Language = "en" }));
        vendor.Finished = true;
        var transcript = await transcriber.WaitAsync(TranscriptionJob.FromToken(error.Job!.ToString()));

        Assert.That(transcript.Text, Is.EqualTo("hello world"));
        Assert.That(transcript.JobId, Is.EqualTo("stproj_1"));
        Assert.That(vendor.Submits, Is.EqualTo(1), "the paid createJob is sent once");
    }

    [Test]
    public async Task The_token_quoted_in_a_client_timeout_message_resumes_through_the_facade()
    {
        var clock = new FakeTimeProvider();
        var vendor = new InMemorySubclip();
        var client = new SubclipClient(new HttpClient(vendor), new SubclipClientOptions { ApiKey = "sc-key", Endpoint = s_endpoint, TimeProvider = clock });

        var error = await TimeOutAsync(clock, vendor, client.WaitForJobAsync("stproj_1", SubclipClient.DefaultJobPolling with { Timeout = TimeSpan.FromMinutes(5) }));
        var quoted = QuotedToken().Match(error.Message);
        vendor.Finished = true;
        var transcriber = Transcribers.Create("subclip", s_subclip, new TranscriberOptions { TimeProvider = clock }, new HttpClient(vendor));
        var transcript = await transcriber.WaitAsync(TranscriptionJob.FromToken(quoted.Value));

        Assert.That(quoted.Success, Is.True, error.Message);
        Assert.That(transcript.Text, Is.EqualTo("hello world"));
        Assert.That(vendor.Submits, Is.Zero);
    }

    [Test]
    public async Task An_operation_reports_its_status_once_and_rehydrates_from_its_token()
    {
        var vendor = new InMemorySubclip();
        var client = new SubclipClient(new HttpClient(vendor), new SubclipClientOptions { ApiKey = "sc-key", Endpoint = s_endpoint, TimeProvider = new FakeTimeProvider() });

        var operation = client.GetJobOperation("stproj_1");
        await operation.UpdateStatusAsync();
        Assert.That(operation.HasCompleted, Is.False);
        Assert.That(operation.HasValue, Is.False);
        Assert.That(operation.State, Is.EqualTo("processing"));
        Assert.Throws<InvalidOperationException>(() => _ = operation.Value);

        vendor.Finished = true;
        var rehydrated = client.GetJobOperation(JobToken.Parse(operation.Token.ToString()));
        var value = await rehydrated.WaitForCompletionAsync();
        var polls = vendor.Polls.CurrentCount;
        var again = await rehydrated.UpdateStatusAsync();

        Assert.That(rehydrated.Id, Is.EqualTo("stproj_1"));
        Assert.That(rehydrated.HasCompleted && rehydrated.HasValue, Is.True);
        Assert.That(rehydrated.Value.Text, Is.EqualTo("hello world"));
        Assert.That(again, Is.SameAs(value));
        Assert.That(vendor.Polls.CurrentCount, Is.EqualTo(polls), "a completed operation sends nothing more");
    }

    [Test]
    public async Task A_failed_operation_throws_the_failure_from_value()
    {
        var vendor = new InMemorySubclip { Fail = true };
        var client = new SubclipClient(new HttpClient(vendor), new SubclipClientOptions { ApiKey = "sc-key", Endpoint = s_endpoint, TimeProvider = new FakeTimeProvider() });
        var operation = client.GetJobOperation("stproj_1");

        Assert.ThrowsAsync<TranscriptKitJobFailedException>(() => operation.UpdateStatusAsync());

        Assert.That(operation.HasCompleted, Is.True);
        Assert.That(operation.HasValue, Is.False);
        Assert.Throws<TranscriptKitJobFailedException>(() => _ = operation.Value);
        await Task.CompletedTask;
    }

    [Test]
    public async Task A_tkjob1_token_from_an_older_version_still_resumes()
    {
        // Written by TranscriptionJob.ToToken before tokens were unified: {"v":"subclip","id":"proj_123","s":{"format":"json"}}.
        var job = TranscriptionJob.FromToken("tkjob1.eyJ2Ijoic3ViY2xpcCIsImlkIjoicHJval8xMjMiLCJzIjp7ImZvcm1hdCI6Impzb24ifX0");
        var vendor = new InMemorySubclip { Finished = true, ProjectId = "proj_123" };
        var transcriber = Transcribers.Create("subclip", s_subclip, new TranscriberOptions { TimeProvider = new FakeTimeProvider() }, new HttpClient(vendor));

        var transcript = await transcriber.WaitAsync(job);

        Assert.That((job.Vendor, job.Id, job.State["format"]), Is.EqualTo(("subclip", "proj_123", "json")));
        Assert.That(transcript.Text, Is.EqualTo("hello world"));
    }

    [Test]
    public void A_client_token_from_an_older_version_is_read_as_the_same_job()
    {
        // Written by CaptionCatClient.CreateTranscriptionToken before tokens were unified (no prefix): {"f":1,"v":"captioncat","k":"Transcription","p":{"id":…}}.
        var job = TranscriptionJob.FromToken("eyJmIjoxLCJ2IjoiY2FwdGlvbmNhdCIsImsiOiJUcmFuc2NyaXB0aW9uIiwicCI6eyJpZCI6ImNiNmRjNzkzZmExY2VhZGI1NTc0NGJhMGE3YjBhZjU2In19");

        Assert.That(job.Token, Is.EqualTo(new CaptionCat.CaptionCatClient(new CaptionCat.CaptionCatClientOptions { ApiKey = "k" }).CreateTranscriptionToken("cb6dc793fa1ceadb55744ba0a7b0af56")));
        Assert.That(job.ToToken(), Does.StartWith("tkjob2."));
    }

    [Test]
    public void A_token_for_one_vendor_given_to_another_is_a_clear_error_and_sends_nothing()
    {
        var vendor = new InMemorySubclip();
        var captionCat = Transcribers.Create("captioncat", new VendorSettings { ApiKey = "cc-key", Endpoint = s_endpoint }, new TranscriberOptions(), new HttpClient(vendor));
        var subclipToken = new SubclipClient(new SubclipClientOptions { ApiKey = "k" }).CreateJobToken("stproj_1").ToString();

        var error = Assert.ThrowsAsync<ArgumentException>(() => captionCat.WaitAsync(TranscriptionJob.FromToken(subclipToken)))!;
        var client = Assert.Throws<ArgumentException>(() => new CaptionCat.CaptionCatClient(new CaptionCat.CaptionCatClientOptions { ApiKey = "k" }).GetTranscriptionOperation(JobToken.Parse(subclipToken)))!;

        Assert.That(error.Message, Does.Contain("subclip").And.Contain("captioncat"));
        Assert.That(client.Message, Does.Contain("subclip Job").And.Contain("captioncat Transcription"));
        Assert.That(vendor.Polls.CurrentCount, Is.Zero);
    }

    /// <summary>Drives the fake clock a minute per status request until <paramref name="wait"/> times out.</summary>
    private static async Task<TranscriptKitTimeoutException> TimeOutAsync<T>(FakeTimeProvider clock, InMemorySubclip vendor, Task<T> wait)
    {
        for (var minute = 0; minute < 60 && !wait.IsCompleted; minute++)
        {
            await Task.WhenAny(vendor.Polls.WaitAsync(), wait);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        return Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => wait)!;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"tkjob2\.[A-Za-z0-9_-]+")]
    private static partial System.Text.RegularExpressions.Regex QuotedToken();

    /// <summary>Subclip's createJob and getJob: processing until <see cref="Finished"/>.</summary>
    private sealed class InMemorySubclip : HttpMessageHandler
    {
        public SemaphoreSlim Polls { get; } = new(0);

        public bool Finished { get; set; }

        public bool Fail { get; init; }

        public string ProjectId { get; init; } = "stproj_1";

        public int Submits { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string body;
            if (request.Method == HttpMethod.Post)
            {
                Assert.That(request.RequestUri!.AbsolutePath, Is.EqualTo("/api/v1/social-transcripts/jobs"));
                Submits++;
                body = $$"""{"projectId":"{{ProjectId}}","status":"queued"}""";
            }
            else
            {
                Assert.That(request.RequestUri!.AbsolutePath, Is.EqualTo("/api/v1/social-transcripts/jobs/" + ProjectId));
                Polls.Release();
                body = Fail ? $$"""{"projectId":"{{ProjectId}}","status":"failed","outputReady":false}"""
                    : Finished ? $$"""{"projectId":"{{ProjectId}}","status":"completed","outputReady":true,"format":"text","text":"hello world"}"""
                    : $$"""{"projectId":"{{ProjectId}}","status":"processing","outputReady":false}""";
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
