using System;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using TranscriptKit.Sandbox;

namespace TranscriptKit.Cli.Tests;

/// <summary>
/// A submit whose answer is lost (a 502 after the vendor forwarded it, a timeout, Ctrl+C in flight) may have started a
/// paid job: the CLI prints the job token first when the job id was known before the submit (Caption Cat), otherwise
/// says plainly how to check, and never says "try again". The vendor sees exactly one submit.
/// </summary>
[TestFixture]
public sealed partial class SubmitTests
{
    private const string VideoId = "0123456789abcdef0123456789abcdef";

    [Test]
    public async Task Caption_cat_prints_the_job_token_first_when_the_answer_to_its_submit_is_lost()
    {
        await using var vendor = await LostSubmitCaptionCat.StartAsync(holdSubmit: false);

        var result = await CliProcess.RunAsync("transcribe", "samples/welcome.mp4", "--vendor", "captioncat", "--endpoint", vendor.Endpoint, "--api-key", "cc-key");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        // Progress lines and the estimate printed before anything was sent aside, the report of the lost submit starts with the token.
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("captioncat: ", StringComparison.Ordinal) && !l.StartsWith("Estimate (", StringComparison.Ordinal)).ToList();
        Assert.That(lines[0], Does.StartWith("Job token (the job may have been accepted): transcriptkit resume tkjob2."), result.ToString());
        Assert.That(TranscriptionJob.FromToken(Token().Match(lines[0]).Value).Id, Is.EqualTo(VideoId));
        Assert.That(result.Stderr, Does.Contain("may have accepted the job").And.Contain("502").And.Contain("Do not submit it again"));
        Assert.That(result.Stderr, Does.Not.Contain("try again").IgnoreCase);
        Assert.That(vendor.Submits, Is.EqualTo(1));
    }

    [Test]
    public async Task Ctrl_c_during_caption_cats_submit_exits_130_with_the_job_token()
    {
        await using var vendor = await LostSubmitCaptionCat.StartAsync(holdSubmit: true);
        var interrupted = false;

        var result = await CliProcess.RunAsync(
            ["transcribe", "samples/welcome.mp4", "--vendor", "captioncat", "--endpoint", vendor.Endpoint, "--api-key", "cc-key"],
            (line, process) =>
            {
                if (!interrupted && line.EndsWith(": submitting", StringComparison.Ordinal))
                {
                    interrupted = true;
                    CliProcess.Interrupt(process);
                }
            });

        Assert.That(interrupted, Is.True, result.ToString());
        Assert.That(result.ExitCode, Is.EqualTo(130), result.ToString());
        Assert.That(result.Stderr, Does.Contain("Job token (the job may have been accepted): transcriptkit resume tkjob2."));
        Assert.That(result.Stderr, Does.Contain("cancelled while the submit was in flight"));
        Assert.That(TranscriptionJob.FromToken(Token().Match(result.Stderr).Value).Id, Is.EqualTo(VideoId));
        Assert.That(result.Stderr, Does.Not.Contain("try again").IgnoreCase);
    }

    [TestCase("subclip", "dashboard", "--language", "en")]
    [TestCase("transcriptgenerate", "transcriptkit quota --vendor transcriptgenerate")]
    public async Task A_lost_submit_without_a_job_id_says_how_to_check_and_never_to_try_again(string vendorId, string check, params string[] extra)
    {
        await using var sandbox = await VendorSandbox.StartAsync();
        sandbox.Faults.For(vendorId).FailNext(1, 502);

        var result = await CliProcess.RunAsync(
            ["transcribe", "https://www.youtube.com/watch?v=welcome", "--vendor", vendorId, .. extra,
             "--endpoint", sandbox.GetEndpoint(vendorId).ToString(), "--api-key", sandbox.ApiKey, "--api-secret", sandbox.ApiSecret],
            null);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr, Does.Contain("may have accepted the job").And.Contain("may pay twice").And.Contain(check));
        Assert.That(result.Stderr, Does.Not.Contain("try again").IgnoreCase.And.Not.Contain("tkjob2."));
        Assert.That(sandbox.Requests.Count(r => r.Method == "POST"), Is.EqualTo(1), "one submit, never re-sent");
    }

    [Test]
    public async Task A_submit_cut_by_timeout_exits_4_with_the_explanation_the_readme_promises()
    {
        await using var sandbox = await VendorSandbox.StartAsync();
        sandbox.Faults.For("soscripted").DelayNext(1, TimeSpan.FromMinutes(5));

        var result = await CliProcess.RunAsync(
            "transcribe", "https://www.youtube.com/watch?v=welcome", "--vendor", "soscripted", "--timeout", "1s",
            "--endpoint", sandbox.GetEndpoint("soscripted").ToString(), "--api-key", sandbox.ApiKey);

        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(result.Stderr, Does.Contain("Soscripted may have accepted the job").And.Contain("credit usage").And.Contain("may pay twice"));
        Assert.That(result.Stderr, Does.Not.Contain("try again").IgnoreCase.And.Not.Contain("sent again"));
    }

    [GeneratedRegex(@"tkjob2\.[A-Za-z0-9_-]+")]
    private static partial Regex Token();

    /// <summary>Caption Cat's upload answered with a known id; its submit then answered 502 (or held until the client gives up).</summary>
    private sealed class LostSubmitCaptionCat : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _submits;

        private LostSubmitCaptionCat(WebApplication app) => _app = app;

        public string Endpoint => _app.Urls.First() + "/";

        public int Submits => Volatile.Read(ref _submits);

        public static async Task<LostSubmitCaptionCat> StartAsync(bool holdSubmit)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var vendor = new LostSubmitCaptionCat(app);
            app.MapPost("/upload", async (HttpContext context) =>
            {
                await context.Request.Body.CopyToAsync(System.IO.Stream.Null, context.RequestAborted);
                return Results.Json(new { status = "success", id = VideoId });
            });
            app.MapPost("/transcribe/{id}", async (HttpContext context) =>
            {
                Interlocked.Increment(ref vendor._submits);
                if (holdSubmit)
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                }

                return Results.Json(new { status = "error", message = "Bad gateway" }, statusCode: (int)HttpStatusCode.BadGateway);
            });
            await app.StartAsync();
            return vendor;
        }

        public async ValueTask DisposeAsync()
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(stop.Token);
            await _app.DisposeAsync();
        }
    }
}
