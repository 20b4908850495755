using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NUnit.Framework;

namespace TranscriptKit.Generators.Tests.Emitting;

/// <summary>
/// The compiler runs the generator under the developer's culture; a number formatted with it (<c>{max:N0}</c>, a
/// <c>1,5</c> for 1.5 seconds) would make the generated code differ between machines, or not compile.
/// </summary>
public class CultureIndependenceTests
{
    private static readonly CultureInfo s_german = CultureInfo.GetCultureInfo("de-DE");

    private static string[] Specs() => GeneratorHarness.AllSpecFiles().ToArray();

    /// <summary>Fractional durations and backoff, a grouped size: every number the emitters write in prose or code.</summary>
    private const string FractionalNumbersSpec = """
        openapi: 3.1.0
        info: { title: Fractions, version: "1" }
        x-tk-client: { name: Fractions, vendor: fractions }
        servers:
          - url: https://api.example.com/v1
        paths:
          /jobs/{id}:
            get:
              operationId: getJob
              x-tk-timeout: 2500ms
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              x-tk-poll:
                name: Job
                succeeded-when: { field: progress, at-least: 99.5 }
                interval: 1500ms
                max-interval: 2.5s
                backoff: 1.25
                timeout: 0.5h
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Job" }
        components:
          schemas:
            Job:
              type: object
              required: [id]
              properties:
                id: { type: string }
                progress: { type: number }
        """;

    [Test]
    public void The_five_vendor_specs_are_all_checked() =>
        Assert.That(Specs(), Has.Length.EqualTo(5));

    [TestCaseSource(nameof(Specs))]
    public void Generated_source_under_a_German_culture_equals_the_invariant_output(string specFile)
    {
        var invariant = GenerateUnder(CultureInfo.InvariantCulture, () => GeneratorHarness.SpecFile(specFile));
        var german = GenerateUnder(s_german, () => GeneratorHarness.SpecFile(specFile));

        Assert.That(invariant, Is.Not.Empty);
        AssertSameFiles(german, invariant);
    }

    [Test]
    public void Fractional_numbers_are_written_the_same_under_a_German_culture()
    {
        var invariant = GenerateUnder(CultureInfo.InvariantCulture, () => GeneratorHarness.Spec("fractions.yaml", FractionalNumbersSpec));
        var german = GenerateUnder(s_german, () => GeneratorHarness.Spec("fractions.yaml", FractionalNumbersSpec));

        Assert.That(invariant.Values, Has.Some.Contains("FromSeconds(1.5)"), "the spec's fractional interval reaches the code");
        AssertSameFiles(german, invariant);
    }

    [Test]
    public void The_German_culture_really_formats_numbers_differently()
    {
        // Without ICU (globalization-invariant mode) de-DE would format like the invariant culture and the tests
        // above would pass whatever the emitters do.
        Assert.That(1234.5.ToString("N1", s_german), Is.EqualTo("1.234,5"));
    }

    private static void AssertSameFiles(Dictionary<string, string> actual, Dictionary<string, string> expected)
    {
        Assert.That(actual.Keys, Is.EquivalentTo(expected.Keys), "generated file names");
        Assert.Multiple(() =>
        {
            foreach (var (hintName, text) in expected)
            {
                Assert.That(actual[hintName], Is.EqualTo(text), hintName);
            }
        });
    }

    /// <summary>Every generated file by hint name, generated with both cultures of the thread set, then restored.</summary>
    private static Dictionary<string, string> GenerateUnder(CultureInfo culture, System.Func<Microsoft.CodeAnalysis.AdditionalText> spec)
    {
        var (culture0, uiCulture0) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            var (result, _) = GeneratorHarness.Run(spec());
            Assert.That(result.Diagnostics, Is.Empty, "generator diagnostics under " + culture.Name);
            return result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = culture0;
            CultureInfo.CurrentUICulture = uiCulture0;
        }
    }
}
