using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TranscriptKit.Tests.Capabilities;

/// <summary>A request a vendor cannot serve fails before any byte is sent, naming what the vendor accepts.</summary>
public sealed class RefusedBeforeAnyCallTests
{
    private StubHandler _http = null!;

    [SetUp]
    public void SetUp() => _http = new StubHandler();

    private ITranscriber Create(string vendor) =>
        Transcribers.Create(vendor, new VendorSettings { ApiKey = "key", ApiSecret = "secret" }, httpClient: new HttpClient(_http));

    private static TranscriptionRequest Mp3 => TranscriptionRequest.FromFile(RepositoryPaths.Sample("short-note.mp3"));

    private static TranscriptionRequest Video => TranscriptionRequest.FromFile(RepositoryPaths.Sample("welcome.mp4"));

    private static TranscriptionRequest Url => TranscriptionRequest.FromUrl("https://www.youtube.com/watch?v=abc");

    private async Task<TranscriptionNotSupportedException> RefusedAsync(string vendor, TranscriptionRequest request)
    {
        var error = Assert.ThrowsAsync<TranscriptionNotSupportedException>(() => Create(vendor).TranscribeAsync(request));
        Assert.That(_http.Requests, Is.Empty, "nothing may be sent for a request the vendor cannot serve");
        Assert.That(error!.Vendor, Is.EqualTo(vendor));
        Assert.That(error.Status, Is.Null);
        return await Task.FromResult(error);
    }

    [Test]
    public async Task Caption_cat_takes_video_files_only()
    {
        Assert.That((await RefusedAsync("captioncat", Mp3)).Message, Does.Contain("short-note.mp3").And.Contain(".mp4"));
        Assert.That((await RefusedAsync("captioncat", Url)).Message, Does.Contain("does not take URLs"));
        Assert.That((await RefusedAsync("captioncat", Video with { Language = "en" })).Message, Does.Contain("detects the spoken language"));
        Assert.That((await RefusedAsync("captioncat", Video with { Timestamps = TimestampGranularity.Word })).Message, Does.Contain("no word timings"));
    }

    [Test]
    public async Task Url_only_vendors_refuse_files_and_say_what_they_take()
    {
        Assert.That((await RefusedAsync("transcriptgenerate", Video)).Message, Does.Contain("Douyin"));
        Assert.That((await RefusedAsync("soscripted", Mp3)).Message, Does.Contain("social video links"));
    }

    [Test]
    public async Task Text_only_vendors_refuse_timings()
    {
        Assert.That((await RefusedAsync("cliptext", Mp3 with { Timestamps = TimestampGranularity.Segment })).Message, Does.Contain("SRT"));
        Assert.That((await RefusedAsync("cliptext", Url)).Message, Does.Contain("does not take URLs"));
        var douyin = TranscriptionRequest.FromUrl("https://v.douyin.com/abc/") with { Timestamps = TimestampGranularity.Segment };
        Assert.That((await RefusedAsync("transcriptgenerate", douyin)).Message, Does.Contain("text only"));
    }

    [Test]
    public async Task Subclip_needs_a_language_it_knows()
    {
        Assert.That((await RefusedAsync("subclip", Mp3)).Message, Does.Contain("needs the spoken language"));
        Assert.That((await RefusedAsync("subclip", Mp3 with { Language = "xx" })).Message, Does.Contain("'xx'"));
    }

    [Test]
    public void Soscripted_has_no_jobs_to_start_or_resume()
    {
        var soscripted = Create("soscripted");

        Assert.That(soscripted.Capabilities.ResumableJobs, Is.False);
        Assert.ThrowsAsync<TranscriptionNotSupportedException>(() => soscripted.StartAsync(Url));
        Assert.ThrowsAsync<TranscriptionNotSupportedException>(() => soscripted.WaitAsync(new TranscriptionJob("soscripted", "x")));
        Assert.That(_http.Requests, Is.Empty);
    }

    [Test]
    public void A_job_is_waited_for_by_its_own_vendor_only()
    {
        var error = Assert.ThrowsAsync<ArgumentException>(() => Create("captioncat").WaitAsync(new TranscriptionJob("subclip", "p1")));

        Assert.That(error!.Message, Does.Contain("subclip job"));
    }

    [Test]
    public void Bad_sources_fail_where_they_are_made()
    {
        Assert.Throws<FileNotFoundException>(() => TranscriptionRequest.FromFile("no/such/file.mp4"));
        Assert.Throws<ArgumentException>(() => TranscriptionRequest.FromUrl("ftp://example.com/a.mp4"));
        Assert.Throws<ArgumentException>(() => TranscriptionRequest.FromUrl("not a url"));
        Assert.Throws<ArgumentException>(() => TranscriptionRequest.FromStream(new MemoryStream(), " "));
    }

    [Test]
    public void A_url_is_described_without_its_query()
    {
        var request = TranscriptionRequest.FromUrl("https://cdn.example.com/v.mp4?X-Amz-Signature=secret123");

        Assert.That(request.Describe(), Is.EqualTo("https://cdn.example.com/v.mp4"));
        Assert.That(request.ToString(), Does.Not.Contain("secret123"));
    }

    [Test]
    public void Missing_credentials_are_named()
    {
        var error = Assert.Throws<ArgumentException>(() => Transcribers.Create("transcriptgenerate", new VendorSettings { ApiKey = "k" }));
        Assert.That(error!.Message, Does.Contain("ApiSecret"));
        Assert.Throws<ArgumentException>(() => Transcribers.Create("captioncat", new VendorSettings()));
        Assert.That(Assert.Throws<ArgumentException>(() => Transcribers.Create("nope", new VendorSettings { ApiKey = "k" }))!.Message, Does.Contain("captioncat, subclip"));
    }
}
