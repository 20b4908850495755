using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.CaptionCat;
using TranscriptKit.Sandbox;
using TranscriptKit.Subclip;
using TranscriptKit.Tests.Support;

namespace TranscriptKit.Tests.Jobs;

/// <summary>
/// A job-starting call whose answer is lost (the pipeline says <see cref="SubmissionOutcome.Unknown"/>, or the caller
/// cancels it in flight) never looks like a plain failure: the facade hands out the job when its id was known before
/// the submit, and otherwise says where to check. The vendor accepted the job in every case here (the test double
/// calls the real sandbox, then loses the answer), so a blind retry would pay twice.
/// </summary>
[TestFixture]
[NonParallelizable]
[CancelAfter(60_000)]
public sealed class AmbiguousSubmitTests
{
    private static readonly PollingOverride s_fastPolling = new() { InitialInterval = TimeSpan.FromMilliseconds(5), MaxInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(30) };
    private VendorSandbox _sandbox = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartSandbox()
    {
        var options = new SandboxOptions { PendingPolls = 1 };
        options.MediaDirectories.Add(RepositoryPaths.Samples);
        _sandbox = await VendorSandbox.StartAsync(options);
        _http = new HttpClient();
    }

    [OneTimeTearDown]
    public async Task StopSandbox()
    {
        _http.Dispose();
        await _sandbox.DisposeAsync();
    }

    [SetUp]
    public void ClearLog() => _sandbox.ClearRequests();

    [Test]
    public async Task Caption_cat_hands_out_the_job_to_resume_when_the_answer_to_its_submit_is_lost()
    {
        var client = new LostAnswerCaptionCat(_http, new CaptionCatClientOptions { ApiKey = _sandbox.ApiKey, Endpoint = _sandbox.GetEndpoint("captioncat") }, () => new TranscriptKitServerException("captioncat", "Caption Cat answered 502 Bad Gateway.", HttpStatusCode.BadGateway)
        {
            Submission = SubmissionOutcome.Unknown,
            OperationId = "startTranscription",
        });
        var transcriber = client.AsTranscriber(new TranscriberOptions { Polling = s_fastPolling });

        var lost = Assert.ThrowsAsync<TranscriptionSubmissionUnknownException>(() => transcriber.StartAsync(TranscriptionRequest.FromFile(RepositoryPaths.Sample("welcome.mp4"))))!;

        Assert.That(lost.Job, Is.Not.Null);
        Assert.That(lost.Job!.Vendor, Is.EqualTo("captioncat"));
        Assert.That(lost.Submission, Is.EqualTo(SubmissionOutcome.Unknown));
        Assert.That(lost.OperationId, Is.EqualTo("startTranscription"));
        Assert.That(lost.Status, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(lost.InnerException, Is.InstanceOf<TranscriptKitServerException>());
        Assert.That(lost.Message, Does.Contain("may have accepted").And.Contain(lost.Job.Id).And.Not.Contain("try again"));

        // The token resumes the job the vendor did accept, with no second submit.
        var transcript = await transcriber.WaitAsync(TranscriptionJob.FromToken(lost.Job.ToToken()));
        Assert.That(transcript.JobId, Is.EqualTo(lost.Job.Id));
        Assert.That(Submits("captioncat", "/transcribe"), Is.EqualTo(1));
    }

    [Test]
    public void Subclip_without_a_job_id_before_the_submit_says_where_to_check_and_not_to_retry()
    {
        var client = new LostAnswerSubclip(_http, new SubclipClientOptions { ApiKey = _sandbox.ApiKey, Endpoint = _sandbox.GetEndpoint("subclip") }, _ => new TranscriptKitTimeoutException("subclip", "Subclip did not answer createJob within 30 s.", job: null, TimeSpan.FromSeconds(30))
        {
            Submission = SubmissionOutcome.Unknown,
            OperationId = "createJob",
        });
        var transcriber = client.AsTranscriber();

        var lost = Assert.ThrowsAsync<TranscriptionSubmissionUnknownException>(() => transcriber.StartAsync(TranscriptionRequest.FromUrl("https://www.youtube.com/watch?v=welcome") with { Language = "en" }))!;

        Assert.That(lost.Job, Is.Null);
        Assert.That(lost.TimedOut, Is.True);
        Assert.That(lost.Cancelled, Is.False);
        Assert.That(lost.OperationId, Is.EqualTo("createJob"));
        Assert.That(lost.HowToCheck, Does.Contain("dashboard"));
        Assert.That(lost.Message, Does.Contain("may have accepted").And.Contain("may pay twice").And.Not.Contain("try again"));
        Assert.That(client.Submits, Is.EqualTo(1));
    }

    [Test]
    public void Cancelling_while_the_submit_is_in_flight_is_an_unknown_outcome_not_a_plain_cancellation()
    {
        using var cancellation = new CancellationTokenSource();
        var client = new LostAnswerSubclip(_http, new SubclipClientOptions { ApiKey = _sandbox.ApiKey, Endpoint = _sandbox.GetEndpoint("subclip") }, token =>
        {
            cancellation.Cancel();
            return new OperationCanceledException(token);
        });

        var lost = Assert.ThrowsAsync<TranscriptionSubmissionUnknownException>(() => client.AsTranscriber().StartAsync(
            TranscriptionRequest.FromUrl("https://www.youtube.com/watch?v=welcome") with { Language = "en" }, cancellation.Token))!;

        Assert.That(lost.Cancelled, Is.True);
        Assert.That(lost.Submission, Is.EqualTo(SubmissionOutcome.Unknown));
        Assert.That(lost.InnerException, Is.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void A_refused_submit_is_reported_as_it_was_because_submitting_again_is_safe()
    {
        var refused = new TranscriptKitBadRequestException("subclip", "Subclip refused the job: unknown language.", HttpStatusCode.BadRequest) { Submission = SubmissionOutcome.NotAccepted };
        var client = new LostAnswerSubclip(_http, new SubclipClientOptions { ApiKey = _sandbox.ApiKey, Endpoint = _sandbox.GetEndpoint("subclip") }, _ => refused, callVendor: false);

        var thrown = Assert.ThrowsAsync<TranscriptKitBadRequestException>(() => client.AsTranscriber().StartAsync(
            TranscriptionRequest.FromUrl("https://www.youtube.com/watch?v=welcome") with { Language = "en" }))!;

        Assert.That(thrown, Is.SameAs(refused));
    }

    [Test]
    public void Cancelling_before_the_submit_is_a_plain_cancellation()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var client = new LostAnswerCaptionCat(_http, new CaptionCatClientOptions { ApiKey = _sandbox.ApiKey, Endpoint = _sandbox.GetEndpoint("captioncat") }, () => new InvalidOperationException("The submit must not be reached."));

        Assert.That(
            async () => await client.AsTranscriber().StartAsync(TranscriptionRequest.FromFile(RepositoryPaths.Sample("welcome.mp4")), cancellation.Token),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(Submits("captioncat", "/transcribe"), Is.Zero);
    }

    [TestCase("reset after send")]
    [TestCase("502 from a gateway after forwarding")]
    public async Task Through_the_real_pipeline_a_lost_caption_cat_submit_is_sent_once_and_hands_out_its_job(string fault)
    {
        // The vendor gets the request and starts the job; then the handler loses its answer, as a proxy or network would.
        using var handler = new LoseSubmitAnswerHandler(fault == "reset after send");
        using var http = new HttpClient(handler);
        var settings = new VendorSettings { ApiKey = _sandbox.ApiKey, Endpoint = _sandbox.GetEndpoint("captioncat") };
        var transcriber = Transcribers.Create("captioncat", settings, new TranscriberOptions { Polling = s_fastPolling }, http);

        var lost = Assert.ThrowsAsync<TranscriptionSubmissionUnknownException>(() => transcriber.StartAsync(TranscriptionRequest.FromFile(RepositoryPaths.Sample("welcome.mp4"))))!;

        Assert.That(lost.Job, Is.Not.Null);
        Assert.That(lost.OperationId, Is.EqualTo("startTranscription"));
        Assert.That(((TranscriptKitException)lost.InnerException!).Submission, Is.EqualTo(SubmissionOutcome.Unknown), "the pipeline's own verdict");
        Assert.That(Submits("captioncat", "/transcribe"), Is.EqualTo(1), "never re-sent");
        var transcript = await Transcribers.Create("captioncat", settings, new TranscriberOptions { Polling = s_fastPolling }, _http).WaitAsync(lost.Job!);
        Assert.That(transcript.JobId, Is.EqualTo(lost.Job!.Id));
        Assert.That(Submits("captioncat", "/transcribe"), Is.EqualTo(1));
    }

    private int Submits(string vendor, string pathPart) =>
        _sandbox.Requests.Count(r => r.Vendor == vendor && r.Method == "POST" && r.Path.Contains(pathPart, StringComparison.Ordinal));

    /// <summary>Forwards Caption Cat's submit to the sandbox, then loses the answer: a reset, or a gateway's 502.</summary>
    private sealed class LoseSubmitAnswerHandler(bool reset) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method != HttpMethod.Post || !request.RequestUri!.AbsolutePath.Contains("/transcribe/", StringComparison.Ordinal))
            {
                return response;
            }

            response.Dispose();
            return reset
                ? throw new HttpRequestException("The response ended prematurely.", new System.IO.IOException("Connection reset by peer"))
                : new HttpResponseMessage(HttpStatusCode.BadGateway) { RequestMessage = request, Content = new StringContent("<html>502 Bad Gateway</html>") };
        }
    }

    /// <summary>The vendor starts the transcription; then the answer is lost.</summary>
    private sealed class LostAnswerCaptionCat(HttpClient http, CaptionCatClientOptions options, Func<Exception> fault) : CaptionCatClient(http, options)
    {
        public override async Task<StatusResult> StartTranscriptionAsync(string id, CancellationToken cancellationToken = default)
        {
            await base.StartTranscriptionAsync(id, cancellationToken);
            throw fault();
        }
    }

    /// <summary>The vendor creates the job (unless told not to); then the answer is lost.</summary>
    private sealed class LostAnswerSubclip(HttpClient http, SubclipClientOptions options, Func<CancellationToken, Exception> fault, bool callVendor = true) : SubclipClient(http, options)
    {
        public int Submits { get; private set; }

        public override async Task<CreateJobResult> CreateJobAsync(CreateJobRequest body, CancellationToken cancellationToken = default)
        {
            if (callVendor)
            {
                await base.CreateJobAsync(body, cancellationToken);
                Submits++;
            }

            throw fault(cancellationToken);
        }
    }
}
