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

    [TestCase("https://www.tiktok.com/@creator/video/1", true)]
    [TestCase("https://m.youtube.com/watch?v=1", true)]
    [TestCase("HTTPS://YOUTU.BE/abc", true)]
    [TestCase("https://youtube.com:443/watch", true)]
    [TestCase("https://notyoutube.com/watch", false)]
    [TestCase("https://youtube.com.example.net/v.mp4", false)]
    [TestCase("https://example.com/youtube.com", false)]
    [TestCase("https://example.com/a@youtube.com", false)]
    [TestCase("https://user@x.com/v.mp4", true)]
    [TestCase("https://x.com@cdn.example.net/v.mp4", false)]
    public void Recognised_platforms_are_read_from_the_host_as_uri_reads_it(string url, bool social) =>
        Assert.That(SubclipClient.RecognisesPlatform(new Uri(url)), Is.EqualTo(social));

    /// <summary>
    /// The host of a plain URL is read from its text, to spare the components <see cref="Uri.Host"/> builds; seeded URLs
    /// built from awkward pieces (user info, ports, IPv4 forms, non-ASCII hosts) must get the answer it gives.
    /// </summary>
    [Test]
    public void Recognised_platforms_agree_with_uri_host_for_seeded_urls([Values(1, 2, 3)] int seed)
    {
        string[] schemes = ["https://", "http://", "HTTPS://", "https:\\\\", "https:/", " https://", "ftp://"];
        string[] users = ["", "user@", "x.com@", "a:b@", "youtube.com%40"];
        string[] hosts = ["youtube.com", "www.YouTube.com", "youtu.be", "fb.watch", "x.com", "ex-ample.com", "notx.com", "x.com.evil.net", "[::1]", "127.0.0.1", "0x7f.1", "b\u00fccher.de", "xn--bcher-kva.de", "tiktok.com.", "", "youtube.com "];
        string[] ports = ["", ":443", ":", ":8x", ":65535"];
        string[] tails = ["", "/", "/v.mp4", "?q=youtube.com", "#frag", "\\path", "/a@youtube.com", " "];
        var random = new Random(seed);
        var checkedUrls = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var text = schemes[random.Next(schemes.Length)] + users[random.Next(users.Length)] + hosts[random.Next(hosts.Length)] + ports[random.Next(ports.Length)] + tails[random.Next(tails.Length)];
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                continue;
            }

            checkedUrls++;
            Assert.That(SubclipClient.RecognisesPlatform(url), Is.EqualTo(ByUriHost(url.Host)), text);
        }

        Assert.That(checkedUrls, Is.GreaterThan(500), "enough URLs parse to say something");

        static bool ByUriHost(string host) => IsSocialByUriHost(host);
    }

    /// <summary>
    /// A job URL is checked from its text when it is plain, and only otherwise parsed by <see cref="Uri"/>: for seeded
    /// URLs built from awkward pieces and random printable tails, CreateJobAsync must refuse, ask for
    /// <c>Platform.Public</c> or send exactly as the answer of <see cref="Uri.TryCreate(string?, UriKind, out Uri?)"/>
    /// and <see cref="Uri.Host"/> says.
    /// </summary>
    [Test]
    public void Job_urls_are_judged_as_uri_parses_them_for_seeded_urls([Values(1, 2, 3)] int seed)
    {
        string[] schemes = ["https://", "http://", "HTTP://", "https:\\\\", "https:/", " https://", "ftp://", "https//"];
        string[] users = ["", "", "", "user@", "x.com@", "a:b@"];
        string[] hosts =
        [
            "youtube.com", "www.YouTube.com", "m.youtube.com", "x.com", "cdn.example.net", "LOCALHOST", "localhost", "-x.com", "x-.com", "a..b", ".x.com",
            "x.com.", "123", "1.2.3.4", "0x7f.1", "x.c0m", "x.123", "xn--zz.com", "xn--bcher-kva.de", new string('a', 63) + ".com", new string('a', 64) + ".com",
            string.Join('.', Enumerable.Repeat(new string('b', 60), 5)) + ".com", "x_y.com", "b\u00fccher.de", "[::1]", "", "x.com ", "tiktok.com",
        ];
        string[] ports = ["", "", ":443", ":", ":0", ":00000", ":65535", ":65536", ":99999", ":123456", ":8x"];
        string[] starts = ["", "/", "?", "#", "\\", " "];
        var random = new Random(seed);
        for (var i = 0; i < 3_000; i++)
        {
            var tail = new System.Text.StringBuilder(starts[random.Next(starts.Length)]);
            for (var n = random.Next(12); n > 0; n--)
            {
                // Mostly printable ASCII, sometimes a space, a control or a non-ASCII letter.
                tail.Append(random.Next(20) switch { 0 => ' ', 1 => '\t', 2 => '\u00e9', _ => (char)random.Next('!', '~' + 1) });
            }

            var text = schemes[random.Next(schemes.Length)] + users[random.Next(users.Length)] + hosts[random.Next(hosts.Length)] + ports[random.Next(ports.Length)] + tail;
            var expected = !Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
                ? "not a URL"
                : IsSocialByUriHost(url.Host) ? "sent" : "needs public";
            var sentBefore = _handler.Requests.Count;

            string actual;
            try
            {
                _client.CreateJobAsync(new CreateJobRequest { Url = text, Language = LanguageCode.En }).GetAwaiter().GetResult();
                actual = _handler.Requests.Count == sentBefore + 1 ? "sent" : "no request";
            }
            catch (ArgumentException ex)
            {
                actual = ex.Message.Contains("absolute http(s) URL", StringComparison.Ordinal) ? "not a URL" : ex.Message.Contains("Platform.Public", StringComparison.Ordinal) ? "needs public" : ex.Message;
            }

            Assert.That(actual, Is.EqualTo(expected), text);
        }
    }

    private static bool IsSocialByUriHost(string host) =>
        new[] { "youtube.com", "youtu.be", "instagram.com", "facebook.com", "fb.watch", "x.com", "twitter.com", "tiktok.com" }
            .Any(social => host.Equals(social, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + social, StringComparison.OrdinalIgnoreCase));
}
