using System;
using NUnit.Framework;

namespace TranscriptKit.Generators.Tests.Definitions;

/// <summary><c>x-tk-limits</c>: each documented limit reaches <c>Definition.Limits</c>, and each malformed one is a located TK0006.</summary>
public class LimitsTests
{
    private const string AllLimits = """
        x-tk-limits:
          max-upload-bytes: 1048576
          media-types: [video/mp4, audio/mpeg]
          file-extensions: [.mp4, .mp3]
          languages: [en, haw, pt-br]
          max-concurrent-jobs: { value: 3, x-tk-inferred: true }
          rate-limit: { requests: 60, per: 1m }
        """;

    [Test]
    public void Every_limit_reaches_the_definition()
    {
        var limits = DefinitionSpec.Load(DefinitionSpec.With(AllLimits)).Limits;
        Assert.Multiple(() =>
        {
            Assert.That(limits.MaxUploadBytes, Is.EqualTo(1_048_576));
            Assert.That(limits.MediaTypes, Is.EqualTo(new[] { "video/mp4", "audio/mpeg" }));
            Assert.That(limits.FileExtensions, Is.EqualTo(new[] { ".mp4", ".mp3" }));
            Assert.That(limits.Languages, Is.EqualTo(new[] { "en", "haw", "pt-br" }));
            Assert.That(limits.MaxConcurrentJobs, Is.EqualTo(3));
            Assert.That((limits.RateLimitRequests, limits.RateLimitWindow), Is.EqualTo((60, (TimeSpan?)TimeSpan.FromMinutes(1))));
        });
    }

    [Test]
    public void An_inferred_limit_says_so_in_the_generated_code()
    {
        var source = GeneratedCode.AssertCompiles(DefinitionSpec.With(AllLimits)).Source("ProbeVendor.g.cs");
        Assert.That(source, Does.Contain("MaxConcurrentJobs = 3, // x-tk-inferred").And.Contain("MediaTypes = new string[] { \"video/mp4\", \"audio/mpeg\" },\n"));
    }

    [Test]
    public void The_upload_limit_comes_from_x_tk_upload_max_size_when_the_spec_has_an_upload_helper()
    {
        var limits = DefinitionSpec.Load(WithUpload("x-tk-limits: {}")).Limits;
        Assert.That(limits.MaxUploadBytes, Is.EqualTo(2048));
    }

    [Test]
    public void Stating_the_upload_limit_twice_is_TK0006_at_max_upload_bytes()
    {
        var diagnostic = GeneratedCode.AssertReports(WithUpload("x-tk-limits:\n  max-upload-bytes: 2048"), "TK0006", 18, 3);
        Assert.That(diagnostic.GetMessage(), Does.Contain("x-tk-upload.max-size of 'Source'"));
    }

    [Test]
    public void Url_hosts_reach_the_definition_and_an_inferred_list_says_so()
    {
        const string Hosts = "x-tk-limits:\n  url-hosts: { value: [youtube.com, youtu.be, x.com], x-tk-inferred: true }";

        var limits = DefinitionSpec.Load(DefinitionSpec.With(Hosts)).Limits;
        var source = GeneratedCode.AssertCompiles(DefinitionSpec.With(Hosts)).Source("ProbeVendor.g.cs");

        Assert.That(limits.UrlHosts, Is.EqualTo(new[] { "youtube.com", "youtu.be", "x.com" }));
        Assert.That(source, Does.Contain("UrlHosts = new string[] { \"youtube.com\", \"youtu.be\", \"x.com\" }, // x-tk-inferred"));
        Assert.That(DefinitionSpec.Load(DefinitionSpec.With()).Limits.UrlHosts, Is.Empty, "no url-hosts: any host");
    }

    [TestCase("x-tk-limits:\n  url-hosts: [youtube.com, https://x.com]", 16, 28, "host name")]
    [TestCase("x-tk-limits:\n  url-hosts: [YouTube.com]", 16, 15, "host name")]
    [TestCase("x-tk-limits:\n  url-hosts: [localhost]", 16, 15, "host name")]
    [TestCase("x-tk-limits:\n  url-hosts: [127.0.0.1]", 16, 15, "host name")]
    [TestCase("x-tk-limits:\n  url-hosts: [x.com, x.com]", 16, 22, "listed twice")]
    [TestCase("x-tk-limits: [1, 2]", 15, 14, "must be a mapping")]
    [TestCase("x-tk-limits:\n  max-upload: 5", 16, 3, "is not a limit TranscriptKit knows")]
    [TestCase("x-tk-limits:\n  max-upload-bytes: -5", 16, 21, "positive whole number of bytes")]
    [TestCase("x-tk-limits:\n  max-upload-bytes: 2GB", 16, 21, "positive whole number of bytes")]
    [TestCase("x-tk-limits:\n  media-types: [video/mp4, MP4]", 16, 28, "media type")]
    [TestCase("x-tk-limits:\n  file-extensions: [mp4]", 16, 21, "with its dot")]
    [TestCase("x-tk-limits:\n  languages: [en, English]", 16, 19, "language code")]
    [TestCase("x-tk-limits:\n  languages: [en, en]", 16, 19, "listed twice")]
    [TestCase("x-tk-limits:\n  languages: []", 16, 14, "non-empty list")]
    [TestCase("x-tk-limits:\n  languages: en", 16, 14, "non-empty list")]
    [TestCase("x-tk-limits:\n  max-concurrent-jobs: 0", 16, 24, "positive whole number")]
    [TestCase("x-tk-limits:\n  rate-limit: { requests: 60 }", 16, 15, "{ requests: <count>, per: <duration> }")]
    [TestCase("x-tk-limits:\n  rate-limit: { requests: 60, per: often }", 16, 36, "duration")]
    [TestCase("x-tk-limits:\n  rate-limit: { requests: many, per: 1m }", 16, 27, "positive whole number")]
    [TestCase("x-tk-limits:\n  max-concurrent-jobs: { value: 3, x-tk-inferred: maybe }", 16, 51, "true or false")]
    [TestCase("x-tk-limits:\n  max-concurrent-jobs: { value: 3, source: docs }", 16, 36, "only 'value' and 'x-tk-inferred'")]
    public void A_malformed_limit_is_TK0006_where_it_is_written(string limits, int line, int column, string message)
    {
        var diagnostic = GeneratedCode.AssertReports(DefinitionSpec.With(limits), "TK0006", line, column);
        Assert.That(diagnostic.GetMessage(), Does.Contain(message));
    }

    /// <summary>The probe with a signed-URL upload helper whose limit is 2,048 bytes; its two schemas move x-tk-limits to line 17.</summary>
    private static string WithUpload(string limits) => DefinitionSpec.With(limits).Replace("""
            Level: { type: string, enum: [low, high] }
        """.Replace("\r\n", "\n"), """
            Level: { type: string, enum: [low, high] }
            UploadRequest: { type: object, required: [fileName], properties: { fileName: { type: string } } }
            UploadUrl: { type: object, required: [uploadUrl, key], properties: { uploadUrl: { type: string }, key: { type: string } } }
        """.Replace("\r\n", "\n")) + """
          /uploads:
            post:
              operationId: createUpload
              requestBody: { required: true, content: { application/json: { schema: { $ref: "#/components/schemas/UploadRequest" } } } }
              x-tk-upload: { name: Source, url: uploadUrl, method: PUT, file-name: fileName, result: key, max-size: 2048 }
              responses: { "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/UploadUrl" } } } } }
        """.Replace("\r\n", "\n") + "\n";
}
