using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Runtime;

namespace TranscriptKit.Core.Tests.Uploads;

/// <summary>
/// Every file part says its media type, <c>application/octet-stream</c> when the name tells nothing: RFC 7578 only says
/// SHOULD, but Prism 5.14.2's multipart parser throws on a file part without one and its whole process exits.
/// </summary>
public class MultipartPartTypeTests
{
    [TestCase("clip.mp4", "video/mp4")]
    [TestCase("recording.unknownext", "application/octet-stream")]
    [TestCase("no-extension", "application/octet-stream")]
    public async Task A_file_part_always_carries_a_content_type(string fileName, string expected)
    {
        using var file = UploadFile.FromStream(new MemoryStream(Encoding.UTF8.GetBytes("bytes")), fileName);
        using var content = new MultipartRequestBody(null).AddFile("video", file).CreateContent();
        var bytes = await content.ReadAsByteArrayAsync();
        var errors = new System.Collections.Generic.List<string>();

        var parts = FormDataGrammar.Parse(bytes, content.Headers.ContentType!.ToString(), errors);

        Assert.That(errors, Is.Empty);
        Assert.That(parts.Single().Headers["Content-Type"], Is.EqualTo(expected));
    }
}
