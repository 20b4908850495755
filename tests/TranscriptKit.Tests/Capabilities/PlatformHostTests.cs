using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TranscriptKit.Tests.Capabilities;

/// <summary>
/// A vendor whose spec lists the platforms it takes (<c>x-tk-limits.url-hosts</c>) has a link from any other host
/// refused before a request is sent: Soscripted charges a credit for every request, its own "unsupported platform" 400 included.
/// </summary>
[CancelAfter(10_000)]
public sealed class PlatformHostTests
{
    private StubHandler _http = null!;

    [SetUp]
    public void SetUp() => _http = new StubHandler();

    private ITranscriber Create(string vendor) =>
        Transcribers.Create(vendor, new VendorSettings { ApiKey = "key", ApiSecret = "secret" }, httpClient: new HttpClient(_http));

    [TestCase("https://vimeo.com/76979871")]
    [TestCase("https://notyoutube.com/watch?v=abc")]
    [TestCase("https://youtube.com.evil.example/watch?v=abc")]
    [TestCase("http://127.0.0.1:5000/media/welcome.mp4")]
    public void Soscripted_refuses_a_link_from_a_platform_it_does_not_list_before_any_request(string url)
    {
        var soscripted = Create("soscripted");

        var error = Assert.ThrowsAsync<TranscriptionNotSupportedException>(() => soscripted.TranscribeAsync(TranscriptionRequest.FromUrl(url)))!;

        Assert.That(_http.Requests, Is.Empty, "a refused platform costs no credit: nothing is sent");
        Assert.That(error.Vendor, Is.EqualTo("soscripted"));
        Assert.That(error.Status, Is.Null);
        Assert.That(error.Message, Does.Contain("platform not supported").And.Contain(new Uri(url).Host).And.Contain("youtube.com"));
    }

    [TestCase("https://www.youtube.com/watch?v=abc")]
    [TestCase("https://m.youtube.com/watch?v=abc")]
    [TestCase("https://youtu.be/abc")]
    [TestCase("https://vm.tiktok.com/ZM1/")]
    [TestCase("https://www.instagram.com/reel/abc/")]
    [TestCase("https://fb.watch/abc/")]
    [TestCase("https://X.com/someone/status/1")]
    [TestCase("https://twitter.com/someone/status/1")]
    [TestCase("https://www.linkedin.com/posts/abc")]
    [TestCase("https://pin.it/abc")]
    [TestCase("https://www.youtube.com./watch?v=abc")]
    public void Soscripted_takes_the_documented_platforms_their_subdomains_and_short_links(string url)
    {
        Assert.That(Create("soscripted").Capabilities.AcceptsUrlHost(new Uri(url)), Is.True);
    }

    [Test]
    public void The_hosts_come_from_the_spec_through_the_generated_definition()
    {
        var capabilities = Create("soscripted").Capabilities;

        Assert.That(capabilities.UrlHosts, Is.EqualTo(TranscriptKit.Soscripted.SoscriptedVendor.Definition.Limits.UrlHosts));
        Assert.That(capabilities.UrlHosts, Is.SupersetOf(new[] { "youtube.com", "tiktok.com", "instagram.com", "facebook.com", "x.com", "linkedin.com", "pinterest.com" }), "the docs' seven platforms");
    }

    [Test]
    public void A_vendor_whose_spec_lists_no_hosts_takes_a_link_from_any_host()
    {
        var unlisted = Transcribers.Registry.Vendors.Where(v => v.Definition.Limits.UrlHosts.Count == 0).ToList();
        foreach (var vendor in unlisted)
        {
            Assert.That(vendor.Capabilities.UrlHosts, Is.Empty, vendor.Id);
            Assert.That(vendor.Capabilities.AcceptsUrlHost(new Uri("https://media.example/talk.mp3")), Is.True, vendor.Id);
        }

        Assert.That(unlisted.Select(v => v.Id), Does.Contain("transcriptgenerate").And.Contain("subclip"), "the URL vendors whose docs name no closed list");
    }
}
