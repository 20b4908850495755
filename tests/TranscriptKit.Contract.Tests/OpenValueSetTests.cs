using System.Linq;
using System.Threading.Tasks;
using NSwag;
using NUnit.Framework;
using TranscriptKit.Testing;

namespace TranscriptKit.Contract.Tests;

/// <summary>
/// A value set the docs leave open is open to any JSON Schema reader, not only to our extensible enums: Prism refused
/// TranscriptGenerate's task answer with a platform its "DOUYIN, XHS, KUAISHOU, etc." did not name.
/// </summary>
[Category("Contract")]
public class OpenValueSetTests
{
    [TestCase("DOUYIN")]
    [TestCase("BILIBILI")]
    [TestCase(null)]
    public async Task A_finished_task_from_a_platform_the_docs_do_not_list_matches_its_schema(string? platform)
    {
        var document = await OpenApiYamlDocument.FromFileAsync(Fixtures.Spec("transcriptgenerate"));
        var value = platform is null ? "null" : $"\"{platform}\"";

        var errors = document.Components.Schemas["TranscriptTask"].Validate(
            $$"""{"taskId":"1","status":"SUCCESS","errorMessage":null,"createTime":"2026-06-04 17:30:00","textContent":"Hi.","platform":{{value}}}""");

        Assert.That(errors.Select(e => $"{e.Path} {e.Kind}"), Is.Empty);
    }

    [Test]
    public async Task A_status_the_docs_do_not_list_is_still_refused()
    {
        // Guards the test above: only the open set was widened; the documented states stay a closed list.
        var document = await OpenApiYamlDocument.FromFileAsync(Fixtures.Spec("transcriptgenerate"));

        var errors = document.Components.Schemas["TranscriptTask"].Validate(
            """{"taskId":"1","status":"DONE","errorMessage":null,"createTime":"2026-06-04 17:30:00"}""");

        Assert.That(errors, Is.Not.Empty);
    }
}
