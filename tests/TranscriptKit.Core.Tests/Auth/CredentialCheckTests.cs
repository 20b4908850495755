using System;
using System.Linq;
using NUnit.Framework;
using TranscriptKit.Authentication;

namespace TranscriptKit.Core.Tests.Auth;

/// <summary>The one header-value check every credential entry point calls, and the two auth providers that call it.</summary>
[TestFixture]
public sealed class CredentialCheckTests
{
    [TestCase("sk_live_0123456789abcdefABCDEF")]
    [TestCase("key with inner spaces")]
    [TestCase("!#$%&'*+-.^_`|~:/=?@[]{}")]
    public void Printable_ascii_is_accepted(string value) => Assert.That(CredentialCheck.FindProblem(value), Is.Null);

    [TestCase("KEY\r\n\r\nGET /smuggled HTTP/1.1", "control character")]
    [TestCase("KEY\nX", "control character")]
    [TestCase("KEY\tX", "control character")]
    [TestCase("KEY\0X", "control character")]
    [TestCase("KEY\u007FX", "control character")]
    [TestCase("KEY\u0085X", "control character")]
    [TestCase("k\u00E9y", "non-ASCII")]
    [TestCase("KEY\u00A0X", "non-ASCII")]
    [TestCase("KEY\u2028X", "non-ASCII")]
    [TestCase("\u201CKEY\u201D", "non-ASCII")]
    [TestCase(" KEY", "starts or ends with a space")]
    [TestCase("KEY ", "starts or ends with a space")]
    [TestCase("", "empty")]
    public void What_is_not_a_header_value_is_named_without_the_value(string value, string problem)
    {
        Assert.That(CredentialCheck.FindProblem(value), Does.Contain(problem));
        var refused = Assert.Throws<ArgumentException>(() => CredentialCheck.ThrowIfInvalid(value, "MyOptions.ApiKey", "options"))!;
        Assert.That(refused.Message, Does.StartWith("MyOptions.ApiKey is not a valid HTTP header value"));
        Assert.That(refused.ParamName, Is.EqualTo("options"));
        if (value.Trim().Length > 0)
        {
            Assert.That(refused.Message, Does.Not.Contain(value.Trim()).And.Not.Contain("KEY").And.Not.Contain("smuggled"));
        }
    }

    [Test]
    public void Every_control_and_non_ascii_character_is_refused_and_every_printable_one_accepted()
    {
        var refused = Enumerable.Range(0, 0x3000).Where(c => CredentialCheck.FindProblem($"a{(char)c}b") is not null).ToList();
        var expected = Enumerable.Range(0, 0x3000).Where(c => c < 0x20 || c > 0x7E).ToList();
        Assert.That(refused, Is.EqualTo(expected));
    }

    [Test]
    public void The_bearer_provider_refuses_a_key_that_would_split_the_request()
    {
        var refused = Assert.Throws<ArgumentException>(() => new BearerTokenAuthenticationProvider("KEY\r\nX-Injected: 1"))!;
        Assert.That(refused.Message, Does.Contain("The API key is not a valid HTTP header value").And.Not.Contain("Injected"));
        Assert.That(refused.ParamName, Is.EqualTo("token"));
    }

    [TestCase("KEY\r\nX-Injected: 1", "secret", "key")]
    [TestCase("key", "SECRET\nX-Injected: 1", "secret")]
    public void The_two_header_provider_refuses_a_key_or_secret_that_would_split_the_request(string key, string secret, string parameter)
    {
        var refused = Assert.Throws<ArgumentException>(() => new ApiKeyHeadersAuthenticationProvider("X-API-Key", key, "X-API-Secret", secret))!;
        Assert.That(refused.Message, Does.Contain("not a valid HTTP header value").And.Not.Contain("Injected"));
        Assert.That(refused.ParamName, Is.EqualTo(parameter));
    }
}
