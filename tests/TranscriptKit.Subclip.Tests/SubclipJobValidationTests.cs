using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Subclip.Tests;

/// <summary>
/// The checks CreateJobAsync makes before a request that charges credits: exactly one source, and platform
/// "public" for a direct media URL (the docs: "Without it, the request fails"), while social URLs go as they are.
/// </summary>
[TestFixture]
public sealed class SubclipJobValidationTests
{
    private StubHandler _handler = null!;
    private SubclipClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _handler = new StubHandler().Otherwise(_ => Http.Json(SubclipDocExamples.JobResponse));
        _client = TestClients.Create(_handler, new FakeTimeProvider());
    }

    [TearDown]
    public void TearDown() => _client.Dispose();

    [Test]
    public void Both_url_and_sourceObjectKey_are_refused_before_any_request()
    {
        var body = new CreateJobRequest
        {
            Url = SubclipDocExamples.TikTokUrl,
            SourceObjectKey = SubclipDocExamples.WorkedSourceObjectKey,
            Language = LanguageCode.En,
        };

        var error = Assert.ThrowsAsync<ArgumentException>(() => _client.CreateJobAsync(body));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("Url").And.Contain("SourceObjectKey"));
            Assert.That(_handler.Requests, Is.Empty, "no credit is spent on a request Subclip would refuse");
        });
    }

    [TestCase(null, null)]
    [TestCase("", "")]
    [TestCase("   ", null)]
    [TestCase(null, " ")]
    public void Neither_url_nor_sourceObjectKey_is_refused_before_any_request(string? url, string? key)
    {
        var body = new CreateJobRequest { Url = url, SourceObjectKey = key, Language = LanguageCode.En };

        var error = Assert.ThrowsAsync<ArgumentException>(() => _client.CreateJobAsync(body));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("exactly one"));
            Assert.That(_handler.Requests, Is.Empty);
        });
    }

    [Test]
    public void Docs_direct_media_url_without_platform_is_refused_before_any_request()
    {
        var body = new CreateJobRequest { Url = SubclipDocExamples.PublicMediaUrl, Language = LanguageCode.En };

        var error = Assert.ThrowsAsync<ArgumentException>(() => _client.CreateJobAsync(body));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("Platform.Public"));
            Assert.That(error.Message, Does.Contain("your-bucket.s3.amazonaws.com"), "the message names the host");
            Assert.That(_handler.Requests, Is.Empty);
        });
    }

    [Test]
    public void Direct_media_url_with_a_social_platform_is_refused_before_any_request()
    {
        var body = new CreateJobRequest { Url = SubclipDocExamples.PublicMediaUrl, Platform = Platform.Youtube, Language = LanguageCode.En };

        Assert.ThrowsAsync<ArgumentException>(() => _client.CreateJobAsync(body));
        Assert.That(_handler.Requests, Is.Empty);
    }

    [Test]
    public async Task Docs_direct_media_url_with_Platform_Public_is_sent()
    {
        var body = new CreateJobRequest { Url = SubclipDocExamples.PublicMediaUrl, Platform = Platform.Public, Language = LanguageCode.En };

        var result = await _client.CreateJobAsync(body);

        Assert.Multiple(() =>
        {
            Assert.That(result.ProjectId, Is.EqualTo("stproj_..."));
            Assert.That(_handler.Requests, Has.Count.EqualTo(1));
            JsonText.AssertSameAs(_handler.Requests.Single().BodyText, SubclipDocExamples.PublicUrlJobRequest);
        });
    }

    [Test]
    public async Task Platform_public_given_in_upper_case_counts_as_public_and_is_sent_in_the_documented_case()
    {
        var body = new CreateJobRequest { Url = "https://cdn.example.com/a.mp3", Platform = new Platform("PUBLIC"), Language = LanguageCode.En };

        await _client.CreateJobAsync(body);

        Assert.That(JsonText.Parse(_handler.Requests.Single().BodyText).GetProperty("platform").GetString(), Is.EqualTo("public"));
    }

    [TestCase("EN", "en")]
    [TestCase("Haw", "haw")]
    [TestCase("pt", "pt")]
    public async Task A_language_code_in_any_case_is_sent_in_the_documented_case(string typed, string sent)
    {
        // "EN" passed the case-insensitive check and then failed at Subclip.
        var body = new CreateJobRequest { Url = SubclipDocExamples.TikTokUrl, Language = typed };

        await _client.CreateJobAsync(body);

        Assert.That(JsonText.Parse(_handler.Requests.Single().BodyText).GetProperty("language").GetString(), Is.EqualTo(sent));
    }

    [Test]
    public async Task A_language_code_the_docs_do_not_list_is_sent_as_typed()
    {
        var body = new CreateJobRequest { Url = SubclipDocExamples.TikTokUrl, Language = "x-Klingon" };

        await _client.CreateJobAsync(body);

        Assert.That(JsonText.Parse(_handler.Requests.Single().BodyText).GetProperty("language").GetString(), Is.EqualTo("x-Klingon"));
    }

    [Test]
    public async Task Docs_TikTok_url_without_platform_is_sent_for_Subclip_to_infer()
    {
        var body = new CreateJobRequest { Url = SubclipDocExamples.TikTokUrl, Language = LanguageCode.En };

        await _client.CreateJobAsync(body);

        var sent = JsonText.Parse(_handler.Requests.Single().BodyText);
        Assert.Multiple(() =>
        {
            Assert.That(sent.TryGetProperty("platform", out _), Is.False, "no platform is added");
            Assert.That(sent.GetProperty("url").GetString(), Is.EqualTo(SubclipDocExamples.TikTokUrl));
        });
    }

    [TestCase("https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [TestCase("https://youtube.com/shorts/abc")]
    [TestCase("https://m.youtube.com/watch?v=abc")]
    [TestCase("https://youtu.be/dQw4w9WgXcQ")]
    [TestCase("https://www.instagram.com/reel/C1234/")]
    [TestCase("https://www.facebook.com/watch/?v=123")]
    [TestCase("https://fb.watch/abc/")]
    [TestCase("https://x.com/someone/status/123")]
    [TestCase("https://twitter.com/someone/status/123")]
    [TestCase("https://vm.tiktok.com/ZMabc/")]
    [TestCase("http://www.tiktok.com/@creator/video/1")]
    public async Task Social_urls_without_platform_are_sent(string url)
    {
        await _client.CreateJobAsync(new CreateJobRequest { Url = url, Language = LanguageCode.En });

        Assert.That(JsonText.Parse(_handler.Requests.Single().BodyText).GetProperty("url").GetString(), Is.EqualTo(url));
    }

    [TestCase("https://notyoutube.com/watch?v=1")]
    [TestCase("https://youtube.com.evil.example/watch?v=1")]
    [TestCase("https://cdn.example.com/media.mp4?ref=youtube.com")]
    public void Lookalike_hosts_are_not_social_and_need_platform_public(string url)
    {
        Assert.ThrowsAsync<ArgumentException>(() => _client.CreateJobAsync(new CreateJobRequest { Url = url, Language = LanguageCode.En }));
        Assert.That(_handler.Requests, Is.Empty);
    }

    [TestCase("www.tiktok.com/@creator/video/1")]
    [TestCase("/relative/video.mp4")]
    [TestCase("ftp://files.example.com/video.mp4")]
    [TestCase("not a url")]
    public void Url_that_is_not_absolute_http_or_https_is_refused_before_any_request(string url)
    {
        Assert.ThrowsAsync<ArgumentException>(() => _client.CreateJobAsync(new CreateJobRequest { Url = url, Platform = Platform.Public, Language = LanguageCode.En }));
        Assert.That(_handler.Requests, Is.Empty);
    }

    [Test]
    public async Task SourceObjectKey_alone_is_sent_without_platform()
    {
        await _client.CreateJobAsync(new CreateJobRequest { SourceObjectKey = SubclipDocExamples.WorkedSourceObjectKey, Language = new LanguageCode("xx") });

        Assert.That(
            _handler.Requests.Single().BodyText,
            Is.EqualTo("""{"sourceObjectKey":"user_.../social-transcripts-api/sources/abc123-creator-video.mp4","language":"xx"}"""));
    }

    [Test]
    public void Null_body_is_refused_before_any_request()
    {
        Assert.ThrowsAsync<ArgumentNullException>(() => _client.CreateJobAsync(null!));
        Assert.That(_handler.Requests, Is.Empty);
    }
}
