using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Runtime;

namespace TranscriptKit.Core.Tests.Uploads;

/// <summary>The multipart body is written the way strict parsers (Prism's, RFC 7578's grammar) and curl agree on.</summary>
[CancelAfter(10_000)]
public class MultipartWireFormatTests
{
    private static async Task<(IReadOnlyList<FormDataGrammar.Part> Parts, List<string> Errors)> Write(MultipartRequestBody body)
    {
        using var content = body.CreateContent();
        var bytes = await content.ReadAsByteArrayAsync();
        var errors = new List<string>();
        var parts = FormDataGrammar.Parse(bytes, content.Headers.ContentType!.ToString(), errors);
        return (parts, errors);
    }

    private static UploadFile File(string name, string text = "video bytes") =>
        UploadFile.FromStream(new MemoryStream(Encoding.UTF8.GetBytes(text)), name, "video/mp4");

    [Test]
    public async Task A_file_part_has_a_quoted_name_and_filename_like_curl_and_no_filename_star()
    {
        using var file = File("clip.mp4");
        var (parts, errors) = await Write(new MultipartRequestBody(null).AddFile("video", file));

        Assert.That(errors, Is.Empty);
        Assert.That(parts.Single().Disposition, Is.EqualTo("form-data; name=\"video\"; filename=\"clip.mp4\""));
        Assert.That(Encoding.UTF8.GetString(parts.Single().Body), Is.EqualTo("video bytes"));
    }

    [Test]
    public async Task A_text_field_has_a_quoted_name_and_no_filename()
    {
        var (parts, errors) = await Write(new MultipartRequestBody(null).AddField("language", "en"));

        Assert.That(errors, Is.Empty);
        Assert.That(parts.Single().Disposition, Is.EqualTo("form-data; name=\"language\""));
        Assert.That(Encoding.UTF8.GetString(parts.Single().Body), Is.EqualTo("en"));
    }

    [Test]
    public async Task A_non_ASCII_file_name_travels_in_filename_star_after_an_ASCII_fallback()
    {
        using var file = File("Видео é.mp4");
        var (parts, errors) = await Write(new MultipartRequestBody(null).AddFile("file", file));

        var part = parts.Single();
        Assert.That(errors, Is.Empty);
        Assert.That(part.FileName, Is.EqualTo("_____ _.mp4"));
        Assert.That(FormDataGrammar.DecodeExtValue(part.FileNameStar!), Is.EqualTo("Видео é.mp4"));
    }

    [TestCase("a\"b.mp4", "a%22b.mp4")]
    [TestCase("trailing\\", "trailing%5C")]
    [TestCase("two\r\nlines.mp4", "two%0D%0Alines.mp4")]
    [TestCase("x\"; name=\"evil.mp4", "x%22; name=%22evil.mp4")]
    public async Task Quotes_backslashes_and_line_breaks_cannot_leave_the_quoted_file_name(string fileName, string written)
    {
        using var file = File(fileName);
        var (parts, errors) = await Write(new MultipartRequestBody(null).AddField("language", "en").AddFile("video", file));

        Assert.That(errors, Is.Empty);
        Assert.That(parts.Select(p => p.Name), Is.EqualTo(new[] { "language", "video" }));
        Assert.That(parts[1].FileName, Is.EqualTo(written));
        Assert.That(parts[1].FileNameStar, Is.Null);
    }

    [Test]
    public async Task A_body_with_fields_and_files_is_RFC_7578_from_the_first_to_the_close_delimiter()
    {
        using var first = File("a.mp4", "first");
        using var second = File("b.wav", "second");
        var (parts, errors) = await Write(new MultipartRequestBody(null).AddField("model", "best").AddField("empty", "").AddFile("video", first).AddFile("audio", second));

        Assert.That(errors, Is.Empty);
        Assert.That(parts.Select(p => (p.Name, p.FileName, Encoding.UTF8.GetString(p.Body))), Is.EqualTo(new[]
        {
            ("model", (string?)null, "best"), ("empty", null, ""), ("video", "a.mp4", "first"), ("audio", "b.wav", "second"),
        }));
        Assert.That(parts[2].Headers["Content-Type"], Is.EqualTo("video/mp4"));
    }

    [Test]
    public void The_grammar_check_rejects_the_unquoted_disposition_dotnet_writes_by_default()
    {
        // Guards the check itself: MultipartFormDataContent.Add(content, name, fileName) is what Prism refused.
        using var content = new System.Net.Http.MultipartFormDataContent();
        content.Add(new System.Net.Http.StringContent("x"), "video", "clip.mp4");
        var errors = new List<string>();

        FormDataGrammar.Parse(content.ReadAsByteArrayAsync().GetAwaiter().GetResult(), content.Headers.ContentType!.ToString(), errors);

        Assert.That(errors, Has.Some.Contains("name is not a quoted-string").And.Some.Contains("filename is not a quoted-string"));
    }
}
