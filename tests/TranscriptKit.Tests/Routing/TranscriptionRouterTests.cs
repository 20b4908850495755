using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using NUnit.Framework;
using Polly.CircuitBreaker;

namespace TranscriptKit.Tests.Routing;

/// <summary>
/// The router picks the first vendor whose capabilities fit and falls back only while no job can exist: a refusal
/// before sending, a refused submit (auth, credit, 429, open circuit). A lost submit answer or a failure after the
/// vendor accepted never reaches a second vendor, so a paid job is never placed twice.
/// </summary>
[TestFixture]
[CancelAfter(10_000)]
public sealed class TranscriptionRouterTests
{
    private static readonly TranscriptionRequest s_url = TranscriptionRequest.FromUrl("https://media.example/talk.mp3");

    [Test]
    public async Task A_vendor_that_does_not_take_urls_is_skipped_without_a_call()
    {
        var filesOnly = new ScriptedTranscriber("filesonly", ScriptedTranscriber.Everything with { AcceptsUrls = false });
        var second = new ScriptedTranscriber("second");

        var routed = await new TranscriptionRouter([filesOnly, second]).TranscribeRoutedAsync(s_url);

        Assert.That(routed.Transcript.Vendor, Is.EqualTo("second"));
        Assert.That(filesOnly.Submits, Is.Zero);
        Assert.That(routed.Attempts.Select(a => (a.Vendor, a.Outcome)), Is.EqualTo(new[] { ("filesonly", RouteAttemptOutcome.Skipped), ("second", RouteAttemptOutcome.Accepted) }));
        Assert.That(routed.Attempts[0].Reason, Does.Contain("URL"));
    }

    [Test]
    public async Task A_vendor_whose_spec_does_not_list_the_links_platform_is_skipped_as_platform_not_supported_without_a_request()
    {
        var http = new StubHandler();
        var soscripted = Transcribers.Create("soscripted", new VendorSettings { ApiKey = "key" }, httpClient: new System.Net.Http.HttpClient(http));
        var second = new ScriptedTranscriber("second");
        var vimeo = TranscriptionRequest.FromUrl("https://vimeo.com/76979871");

        var routed = await new TranscriptionRouter([soscripted, second]).TranscribeRoutedAsync(vimeo);

        Assert.That(routed.Transcript.Vendor, Is.EqualTo("second"));
        Assert.That(http.Requests, Is.Empty, "Soscripted charges per request: it is never asked");
        Assert.That(routed.Attempts.Select(a => (a.Vendor, a.Outcome)), Is.EqualTo(new[] { ("soscripted", RouteAttemptOutcome.Skipped), ("second", RouteAttemptOutcome.Accepted) }));
        Assert.That(routed.Attempts[0].Reason, Does.StartWith("platform not supported").And.Contain("vimeo.com"));
        Assert.That(TranscriptionRouter.Misfit(soscripted.Capabilities, TranscriptionRequest.FromUrl("https://www.youtube.com/watch?v=a")), Is.Null, "a listed platform fits");
    }

    [Test]
    public async Task Any_vendor_declaring_hosts_is_skipped_for_another_host_and_tried_for_its_own()
    {
        var hosts = new ScriptedTranscriber("hosts", ScriptedTranscriber.Everything with { UrlHosts = ["media.example"] });
        var second = new ScriptedTranscriber("second");
        var router = new TranscriptionRouter([hosts, second]);

        var elsewhere = await router.TranscribeRoutedAsync(TranscriptionRequest.FromUrl("https://other.example/talk.mp3"));
        var own = await router.TranscribeRoutedAsync(TranscriptionRequest.FromUrl("https://cdn.media.example/talk.mp3"));

        Assert.That(elsewhere.Transcript.Vendor, Is.EqualTo("second"));
        Assert.That(elsewhere.Attempts[0].Reason, Does.StartWith("platform not supported"));
        Assert.That(own.Transcript.Vendor, Is.EqualTo("hosts"));
        Assert.That(router.Capabilities.UrlHosts, Is.Empty, "the router takes any host while one of its URL vendors does");
    }

    [TestCase(TimestampGranularity.Word, "word timings")]
    [TestCase(TimestampGranularity.Segment, "timings")]
    public async Task A_vendor_without_the_wanted_timings_is_skipped(TimestampGranularity wanted, string reason)
    {
        var textOnly = new ScriptedTranscriber("textonly", ScriptedTranscriber.Everything with { Timings = false, WordTimestamps = false });
        var timed = new ScriptedTranscriber("timed");

        var routed = await new TranscriptionRouter([textOnly, timed]).TranscribeRoutedAsync(s_url with { Timestamps = wanted });

        Assert.That(routed.Transcript.Vendor, Is.EqualTo("timed"));
        Assert.That(routed.Attempts[0].Reason, Does.Contain(reason));
        Assert.That(textOnly.Submits, Is.Zero);
    }

    [Test]
    public async Task A_language_the_vendor_does_not_list_is_sent_to_one_that_does_and_a_regional_tag_matches_its_language()
    {
        var english = new ScriptedTranscriber("english", ScriptedTranscriber.Everything with { Languages = ["en"] });
        var french = new ScriptedTranscriber("french", ScriptedTranscriber.Everything with { Languages = ["fr"] });
        var router = new TranscriptionRouter([english, french]);

        var routed = await router.TranscribeRoutedAsync(s_url with { Language = "fr-CA" });
        var english2 = await router.TranscribeRoutedAsync(s_url with { Language = "en" });

        Assert.That(routed.Transcript.Vendor, Is.EqualTo("french"));
        Assert.That(routed.Attempts[0].Reason, Does.Contain("fr-CA"));
        Assert.That(english2.Transcript.Vendor, Is.EqualTo("english"));
    }

    [Test]
    public async Task A_file_type_the_vendor_does_not_list_is_skipped()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "router-sample.flac");
        await File.WriteAllBytesAsync(path, [1, 2, 3]);
        var videoOnly = new ScriptedTranscriber("video", ScriptedTranscriber.Everything with { FileTypes = [".mp4", ".mov"] });
        var any = new ScriptedTranscriber("any");

        var routed = await new TranscriptionRouter([videoOnly, any]).TranscribeRoutedAsync(TranscriptionRequest.FromFile(path));

        Assert.That(routed.Transcript.Vendor, Is.EqualTo("any"));
        Assert.That(routed.Attempts[0].Reason, Does.Contain(".flac"));
    }

    public static IEnumerable<TestCaseData> Refusals()
    {
        yield return new TestCaseData(new Func<Exception>(() => new TranscriptKitAuthenticationException("first", "First answered 401.", HttpStatusCode.Unauthorized) { Submission = SubmissionOutcome.NotAccepted })).SetArgDisplayNames("auth");
        yield return new TestCaseData(new Func<Exception>(() => new TranscriptKitInsufficientCreditsException("first", "First answered 402.", HttpStatusCode.PaymentRequired) { Submission = SubmissionOutcome.NotAccepted })).SetArgDisplayNames("credits");
        yield return new TestCaseData(new Func<Exception>(() => new TranscriptKitRateLimitException("first", "First answered 429.", TimeSpan.FromSeconds(30)) { Submission = SubmissionOutcome.NotAccepted })).SetArgDisplayNames("429");
        yield return new TestCaseData(new Func<Exception>(() => new TranscriptKitServerException("first", "First's upload answered 503.", HttpStatusCode.ServiceUnavailable) { Submission = SubmissionOutcome.NotASubmission })).SetArgDisplayNames("5xx before the submit");
        yield return new TestCaseData(new Func<Exception>(() => new BrokenCircuitException("The circuit is now open."))).SetArgDisplayNames("circuit open");
        yield return new TestCaseData(new Func<Exception>(() => new TranscriptionNotSupportedException("first", "First takes only YouTube URLs."))).SetArgDisplayNames("refused before sending");
    }

    [TestCaseSource(nameof(Refusals))]
    public async Task A_vendor_that_refuses_before_accepting_falls_back_to_the_next(Func<Exception> refusal)
    {
        var first = new ScriptedTranscriber("first") { SubmitFails = refusal };
        var second = new ScriptedTranscriber("second");

        var routed = await new TranscriptionRouter([first, second]).TranscribeRoutedAsync(s_url);

        Assert.That(routed.Transcript.Vendor, Is.EqualTo("second"));
        Assert.That((first.Submits, second.Submits), Is.EqualTo((1, 1)));
        Assert.That(routed.Attempts[0].Outcome, Is.EqualTo(RouteAttemptOutcome.Refused));
        Assert.That(routed.Attempts[0].Reason, Does.Contain(refusal().Message));
    }

    [Test]
    public void A_lost_submit_answer_never_reaches_a_second_vendor_and_hands_out_the_job_to_resume()
    {
        var job = new TranscriptionJob("first", "j-7");
        var first = new ScriptedTranscriber("first")
        {
            SubmitFails = () => new TranscriptionSubmissionUnknownException("first", "First may have accepted job j-7.", job, "First's job list", new TranscriptKitServerException("first", "502", HttpStatusCode.BadGateway) { Submission = SubmissionOutcome.Unknown }),
        };
        var second = new ScriptedTranscriber("second");

        var lost = Assert.ThrowsAsync<TranscriptionSubmissionUnknownException>(() => new TranscriptionRouter([first, second]).TranscribeAsync(s_url))!;

        Assert.That(second.Submits, Is.Zero);
        Assert.That(lost.Job!.ToToken(), Is.EqualTo(job.ToToken()));
    }

    [Test]
    public void A_server_error_on_the_submit_that_may_have_started_a_job_does_not_fall_back()
    {
        var first = new ScriptedTranscriber("first") { SubmitFails = () => new TranscriptKitServerException("first", "First answered 500.", HttpStatusCode.InternalServerError) { Submission = SubmissionOutcome.Unknown } };
        var second = new ScriptedTranscriber("second");

        Assert.ThrowsAsync<TranscriptKitServerException>(() => new TranscriptionRouter([first, second]).TranscribeAsync(s_url));
        Assert.That(second.Submits, Is.Zero);
    }

    [Test]
    public void A_timeout_on_the_submit_does_not_fall_back()
    {
        var first = new ScriptedTranscriber("first") { SubmitFails = () => new TranscriptKitTimeoutException("first", "First did not answer.", job: null, TimeSpan.FromSeconds(30)) { Submission = SubmissionOutcome.Unknown } };
        var second = new ScriptedTranscriber("second");

        Assert.ThrowsAsync<TranscriptKitTimeoutException>(() => new TranscriptionRouter([first, second]).TranscribeAsync(s_url));
        Assert.That(second.Submits, Is.Zero);
    }

    [Test]
    public void A_bad_request_is_the_callers_to_fix_and_is_not_sent_elsewhere()
    {
        var first = new ScriptedTranscriber("first") { SubmitFails = () => new TranscriptKitBadRequestException("first", "First answered 400.", HttpStatusCode.BadRequest) { Submission = SubmissionOutcome.NotAccepted } };
        var second = new ScriptedTranscriber("second");

        Assert.ThrowsAsync<TranscriptKitBadRequestException>(() => new TranscriptionRouter([first, second]).TranscribeAsync(s_url));
        Assert.That(second.Submits, Is.Zero);
    }

    [Test]
    public void A_failure_after_the_vendor_accepted_the_job_is_never_submitted_elsewhere_even_if_it_looks_like_a_refusal()
    {
        // A 503 while polling carries NotASubmission, like a 503 on an upload: only the split between start and wait tells them apart.
        var first = new ScriptedTranscriber("first") { WaitFails = () => new TranscriptKitServerException("first", "First's status answered 503.", HttpStatusCode.ServiceUnavailable) { Submission = SubmissionOutcome.NotASubmission } };
        var second = new ScriptedTranscriber("second");

        Assert.ThrowsAsync<TranscriptKitServerException>(() => new TranscriptionRouter([first, second]).TranscribeAsync(s_url));
        Assert.That((first.Submits, second.Submits), Is.EqualTo((1, 0)));
    }

    [Test]
    public void When_no_vendor_fits_or_accepts_the_exception_lists_every_attempt_and_promises_no_job()
    {
        var urlsOnly = new ScriptedTranscriber("urlsonly", ScriptedTranscriber.Everything with { AcceptsLanguage = false });
        var broke = new ScriptedTranscriber("broke") { SubmitFails = () => new TranscriptKitInsufficientCreditsException("broke", "Broke has no credits left.", HttpStatusCode.PaymentRequired) { Submission = SubmissionOutcome.NotAccepted } };

        var none = Assert.ThrowsAsync<TranscriptionRoutingException>(() => new TranscriptionRouter([urlsOnly, broke]).TranscribeAsync(s_url with { Language = "de" }))!;

        Assert.That(none.Attempts.Select(a => a.Outcome), Is.EqualTo(new[] { RouteAttemptOutcome.Skipped, RouteAttemptOutcome.Refused }));
        Assert.That(none.Submission, Is.EqualTo(SubmissionOutcome.NotAccepted));
        Assert.That(none.InnerException, Is.InstanceOf<TranscriptKitInsufficientCreditsException>());
        Assert.That(none.Message, Does.Contain("urlsonly").And.Contain("Broke has no credits left"));
    }

    [Test]
    public async Task A_job_started_through_the_router_resumes_from_its_token_with_the_vendor_that_accepted_it()
    {
        var first = new ScriptedTranscriber("first") { SubmitFails = () => new TranscriptKitRateLimitException("first", "429", null) { Submission = SubmissionOutcome.NotAccepted } };
        var second = new ScriptedTranscriber("second");
        var router = new TranscriptionRouter([first, second]);

        var started = await router.StartRoutedAsync(s_url);
        var transcript = await router.WaitAsync(TranscriptionJob.FromToken(started.Job.ToToken()));

        Assert.That(started.Job.Vendor, Is.EqualTo("second"));
        Assert.That(transcript.Vendor, Is.EqualTo("second"));
        Assert.That((first.Waits, second.Waits, second.Submits), Is.EqualTo((0, 1, 1)));
    }

    [Test]
    public async Task Starting_a_job_skips_vendors_without_resumable_jobs_but_transcribing_uses_them()
    {
        var oneShot = new ScriptedTranscriber("oneshot", ScriptedTranscriber.Everything with { ResumableJobs = false });
        var jobs = new ScriptedTranscriber("jobs");
        var router = new TranscriptionRouter([oneShot, jobs]);

        var started = await router.StartRoutedAsync(s_url);
        var transcribed = await router.TranscribeRoutedAsync(s_url);

        Assert.That(started.Job.Vendor, Is.EqualTo("jobs"));
        Assert.That(started.Attempts[0].Reason, Does.Contain("resumable"));
        Assert.That(transcribed.Transcript.Vendor, Is.EqualTo("oneshot"));
    }

    [Test]
    public async Task A_stream_is_rewound_for_the_next_vendor_after_a_refusal()
    {
        using var content = new MemoryStream([1, 2, 3, 4]);
        var request = TranscriptionRequest.FromStream(content, "talk.mp3");
        var first = new ScriptedTranscriber("first") { SubmitFails = () => { content.Position = 4; return new TranscriptKitRateLimitException("first", "429", null) { Submission = SubmissionOutcome.NotAccepted }; } };
        var second = new ScriptedTranscriber("second");
        var router = new TranscriptionRouter([first, second]);

        var routed = await router.StartRoutedAsync(request);

        Assert.That(routed.Job.Vendor, Is.EqualTo("second"));
        Assert.That(content.Position, Is.Zero);
    }

    [Test]
    public async Task Each_attempt_is_an_activity_named_by_vendor_and_outcome()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == TranscriptKitDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { if (a.OperationName == "TranscriptKit.Route.Attempt") { lock (spans) { spans.Add(a); } } },
        };
        ActivitySource.AddActivityListener(listener);
        var first = new ScriptedTranscriber("spanfirst") { SubmitFails = () => new TranscriptKitRateLimitException("spanfirst", "429", null) { Submission = SubmissionOutcome.NotAccepted } };
        var second = new ScriptedTranscriber("spansecond");

        await new TranscriptionRouter([first, second]).TranscribeAsync(s_url);

        var mine = spans.Where(s => ((string?)s.GetTagItem("transcriptkit.vendor"))?.StartsWith("span", StringComparison.Ordinal) == true).ToList();
        Assert.That(mine.Select(s => (s.GetTagItem("transcriptkit.vendor"), s.GetTagItem("transcriptkit.route.outcome"))), Is.EqualTo(new[] { ((object)"spanfirst", (object)"Refused"), ("spansecond", "Accepted") }));
    }

    [Test]
    public void A_vendor_listed_twice_is_refused_because_its_jobs_could_not_find_their_way_back()
    {
        Assert.Throws<ArgumentException>(() => _ = new TranscriptionRouter([new ScriptedTranscriber("a"), new ScriptedTranscriber("A")]));
    }
}
