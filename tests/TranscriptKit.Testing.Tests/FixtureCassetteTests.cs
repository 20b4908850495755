using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace TranscriptKit.Testing.Tests;

/// <summary>The committed fixtures under tests/fixtures are cassettes in the shipped format, and none carries a secret.</summary>
[Category("Contract")]
public class FixtureCassetteTests
{
    // Credentials the recorder would have redacted: a bearer token, vendor key shapes, signed-URL signatures.
    private static readonly Regex s_secret = new(
        @"Bearer (?!\[REDACTED\])[A-Za-z0-9._~+/-]{6,}|\b(?:sk|ak|pk)_[A-Za-z0-9]{6,}|(?:X-Amz-Signature|X-Amz-Credential|X-Goog-Signature|Signature|sig)=(?!\[REDACTED\])[^&""\s]{4,}",
        RegexOptions.Compiled);

    private static readonly string[] s_vendors = { "captioncat", "subclip", "transcriptgenerate", "cliptext", "soscripted" };

    private static string FixturesDirectory
    {
        get
        {
            // Walk up from the test binaries to the repository's tests/fixtures.
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "tests", "fixtures");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("tests/fixtures was not found above " + AppContext.BaseDirectory);
        }
    }

    private static IEnumerable<string> Fixtures() =>
        Directory.EnumerateFiles(FixturesDirectory, "*.json", SearchOption.AllDirectories)
            .Where(path => s_vendors.Contains(Path.GetFileName(Path.GetDirectoryName(path)))
                // <vendor>/recorded/ holds cassettes from `transcriptkit record`: they must be as clean as the doc-derived ones.
                || (Path.GetFileName(Path.GetDirectoryName(path)) == "recorded" && s_vendors.Contains(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))))
                    && !path.EndsWith(".drift.json", StringComparison.Ordinal)))
            .Select(path => Path.GetRelativePath(FixturesDirectory, path).Replace('\\', '/'))
            .OrderBy(path => path, StringComparer.Ordinal);

    [TestCase("\"Authorization\": \"Bearer sk_your_api_key_here\"")]
    [TestCase("\"X-API-Key\": \"ak_1a2b3c4d5e\"")]
    [TestCase("https://bucket.s3.amazonaws.com/a.mp4?X-Amz-Signature=9f8e7d6c5b4a")]
    public void Secret_detector_catches_unredacted_values(string text) =>
        Assert.That(s_secret.IsMatch(text), Is.True);

    [TestCase("\"Authorization\": \"Bearer [REDACTED]\"")]
    [TestCase("https://bucket.s3.amazonaws.com/a.mp4?X-Amz-Signature=[REDACTED]")]
    public void Secret_detector_accepts_redacted_values(string text) =>
        Assert.That(s_secret.IsMatch(text), Is.False);

    [Test]
    public void Every_vendor_has_fixtures()
    {
        var byVendor = Fixtures().GroupBy(path => path.Split('/')[0]).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(byVendor.Keys, Is.EquivalentTo(s_vendors));
    }

    [TestCaseSource(nameof(Fixtures))]
    public void Fixture_loads_as_a_cassette_of_its_vendor(string fixture)
    {
        var cassette = Cassette.Load(Path.Combine(FixturesDirectory, fixture));

        Assert.That(cassette.Vendor, Is.EqualTo(fixture.Split('/')[0]));
        Assert.That(cassette.Scenario, Is.EqualTo(Path.GetFileNameWithoutExtension(fixture)));
        Assert.That(cassette.Interactions, Is.Not.Empty);
        Assert.That(cassette.Description, Is.Not.Null.And.Not.Empty, "say where the bodies come from");
    }

    [TestCaseSource(nameof(Fixtures))]
    public void Fixture_carries_no_secret(string fixture)
    {
        var text = File.ReadAllText(Path.Combine(FixturesDirectory, fixture));
        var leaks = s_secret.Matches(text).Select(m => m.Value).ToList();

        Assert.That(leaks, Is.Empty, $"{fixture} holds key-like values; redact them as [REDACTED]");
    }
}
