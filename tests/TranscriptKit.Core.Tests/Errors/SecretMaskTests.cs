using System;
using System.Net;
using System.Text;
using System.Threading;
using NUnit.Framework;
using TranscriptKit.Core.Tests.Http;
using TranscriptKit.Runtime;

namespace TranscriptKit.Core.Tests.Errors;

/// <summary>A vendor that echoes the key in any encoding never gets it into a message.</summary>
public class SecretMaskTests
{
    private const string Key = "secret-key-123";

    /// <summary>The key as a vendor might echo it back.</summary>
    public static string[] Encodings(string key) =>
    [
        key,
        Uri.EscapeDataString("k=" + key + "&x/y"),
        string.Concat(Array.ConvertAll(key.ToCharArray(), c => $"\\u{(int)c:x4}")),
        string.Concat(Array.ConvertAll(key.ToCharArray(), c => $"\\u{(int)c:X4}")),
        Convert.ToBase64String(Encoding.UTF8.GetBytes(key)),
        Convert.ToBase64String(Encoding.UTF8.GetBytes("Bearer " + key)),
        Convert.ToBase64String(Encoding.UTF8.GetBytes("x" + key + "yz")).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        Convert.ToBase64String(Encoding.UTF8.GetBytes("xy" + key)),
    ];

    [TestCaseSource(nameof(EncodedKeys))]
    public void Echoed_key_is_masked_in_every_encoding(string echoed)
    {
        var mask = SecretMask.For([Key]);

        var masked = mask.Apply($"Invalid key {echoed} given");

        Assert.That(masked, Does.Not.Contain(echoed));
        Assert.That(mask.Reveals(masked), Is.False);
        Assert.That(masked, Does.StartWith("Invalid key ").And.EndWith(" given"));
    }

    [TestCaseSource(nameof(EncodedKeys))]
    public void Error_body_echoing_the_key_is_masked_in_message_and_vendor_message(string echoed)
    {
        var fixture = new PipelineFixture(retry: new RetryOptions { MaxRetries = 0 });
        fixture.Handler.Respond(HttpStatusCode.Unauthorized, $"{{\"error\": {{\"message\": \"bad key {echoed}\", \"code\": \"{echoed}\"}}, \"raw\": \"{echoed}\"}}", "application/json");

        var error = (TranscriptKitException)Assert.CatchAsync(() => fixture.Pipeline.SendAsync(fixture.Request(), null, PipelineFixture.Get, CancellationToken.None))!;

        Assert.That(error.Message + error.VendorMessage + error.ErrorCode, Does.Not.Contain(echoed));
        Assert.That(error.VendorMessage, Does.Contain(SecretMask.Marker));
        Assert.That(error.OperationId, Is.EqualTo("getThing"));
    }

    [Test]
    public void Plain_text_error_body_echoing_the_key_is_masked_even_where_the_snippet_is_cut()
    {
        var fixture = new PipelineFixture(retry: new RetryOptions { MaxRetries = 0 });
        fixture.Handler.Respond(HttpStatusCode.BadRequest, new string('x', 190) + Key + " trailing", "text/plain");

        var error = (TranscriptKitException)Assert.CatchAsync(() => fixture.Pipeline.SendAsync(fixture.Request(), null, PipelineFixture.Get, CancellationToken.None))!;

        Assert.That(error.Message, Does.Not.Contain("secret-k"));
    }

    [Test]
    public void Short_or_blank_values_mask_nothing_so_ordinary_words_survive() =>
        Assert.That(SecretMask.For(["", null, "revoked"]).Apply("Missing, invalid, or revoked API key"), Is.EqualTo("Missing, invalid, or revoked API key"));

    [Test]
    public void A_provider_that_tells_no_secrets_gives_an_empty_mask() =>
        Assert.That(SecretMask.Of(new object()).IsEmpty, Is.True);

    private static string[] EncodedKeys() => Encodings(Key);
}
