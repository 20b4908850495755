using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Tests.Support;

namespace TranscriptKit.Cli.Tests;

/// <summary>
/// Keys and secrets from options or the environment that are not valid header values are usage errors (exit 2) naming
/// the option or variable, never the value, and nothing reaches the wire; and no key is ever echoed, whatever option
/// (misspelt, unsupported, <c>--opt=value</c>) it follows.
/// </summary>
[TestFixture]
public sealed class CredentialTests
{
    private const string Smuggling = "sk_live_42\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    private const string Secret = "SECRETKEY_abc123";

    [TestCase(Smuggling)]
    [TestCase("KEY\nX-Injected: yes")]
    [TestCase("k\u00E9y-non-ascii")]
    public async Task A_bad_api_key_option_is_a_usage_error_and_never_reaches_the_wire(string bad)
    {
        await using var listener = new RawRequestListener();
        var endpoint = listener.Endpoint.ToString();

        var refused = await CliProcess.RunAsync("balance", "--vendor", "captioncat", "--endpoint", endpoint, "--api-key", bad);
        var good = await CliProcess.RunAsync("balance", "--vendor", "captioncat", "--endpoint", endpoint, "--api-key", "good-key-123");

        await AssertOnlyTheGoodRequestAsync(listener, good);
        Assert.That(refused.ExitCode, Is.EqualTo(2), refused.ToString());
        Assert.That(refused.Stderr, Does.Contain("--api-key is not a valid HTTP header value").And.Not.Contain("Check the network"));
        AssertNotShown(refused, bad);
    }

    [Test]
    public async Task A_bad_api_key_in_the_environment_is_a_usage_error_naming_the_variable()
    {
        await using var listener = new RawRequestListener();
        var endpoint = listener.Endpoint.ToString();

        var refused = await CliProcess.RunAsync(["balance", "--vendor", "captioncat", "--endpoint", endpoint], null, new Dictionary<string, string> { ["TRANSCRIPTKIT_CAPTIONCAT_API_KEY"] = Smuggling });
        var good = await CliProcess.RunAsync(["balance", "--vendor", "captioncat", "--endpoint", endpoint], null, new Dictionary<string, string> { ["TRANSCRIPTKIT_CAPTIONCAT_API_KEY"] = "good-key-123" });

        await AssertOnlyTheGoodRequestAsync(listener, good);
        Assert.That(refused.ExitCode, Is.EqualTo(2), refused.ToString());
        Assert.That(refused.Stderr, Does.Contain("TRANSCRIPTKIT_CAPTIONCAT_API_KEY is not a valid HTTP header value"));
        AssertNotShown(refused, Smuggling);
    }

    [Test]
    public async Task A_bad_api_secret_option_or_variable_is_a_usage_error_and_never_reaches_the_wire()
    {
        await using var listener = new RawRequestListener();
        string[] quota = ["quota", "--vendor", "transcriptgenerate", "--endpoint", listener.Endpoint.ToString(), "--api-key", "good-key-123"];

        var byOption = await CliProcess.RunAsync([.. quota, "--api-secret", Smuggling], null);
        var byVariable = await CliProcess.RunAsync(quota, null, new Dictionary<string, string> { ["TRANSCRIPTKIT_TRANSCRIPTGENERATE_API_SECRET"] = Smuggling });
        var good = await CliProcess.RunAsync([.. quota, "--api-secret", "good-secret-456"], null);

        await AssertOnlyTheGoodRequestAsync(listener, good);
        Assert.That(byOption.ExitCode, Is.EqualTo(2), byOption.ToString());
        Assert.That(byOption.Stderr, Does.Contain("--api-secret is not a valid HTTP header value"));
        Assert.That(byVariable.ExitCode, Is.EqualTo(2), byVariable.ToString());
        Assert.That(byVariable.Stderr, Does.Contain("TRANSCRIPTKIT_TRANSCRIPTGENERATE_API_SECRET is not a valid HTTP header value"));
        AssertNotShown(byOption, Smuggling);
        AssertNotShown(byVariable, Smuggling);
    }

    [TestCase("vendors", "--api-key", Secret)]
    [TestCase("vendors", "--api-kye", Secret)]
    [TestCase("vendors", "--api-kye=" + Secret)]
    [TestCase("vendors", "--apikey:" + Secret)]
    [TestCase("vendors", "--api-secert", Secret)]
    [TestCase("vendors", "--apisecret", Secret)]
    [TestCase("vendors", "--token", Secret)]
    [TestCase("vendors", "--password=" + Secret)]
    [TestCase("vendors", "-api-key", Secret)]
    [TestCase("vendors", "--API-KEY", Secret)]
    [TestCase("transcribe", "samples/welcome.mp4", "--vendor", "captioncat", "--api-ky", Secret)]
    [TestCase("balance", "--vendor", "captioncat", "--ap-key", Secret, "--extra")]
    public async Task A_value_after_a_credential_looking_option_is_never_printed(params string[] args)
    {
        var result = await CliProcess.RunAsync(args);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("Unrecognized command or argument"), result.ToString());
        AssertNotShown(result, Secret);
    }

    [Test]
    public async Task A_credential_from_the_environment_is_never_printed_wherever_it_turns_up()
    {
        var environment = new Dictionary<string, string> { ["TRANSCRIPTKIT_SUBCLIP_API_KEY"] = "SECRETKEY_from_env_999" };

        var asArgument = await CliProcess.RunAsync(["vendors", "SECRETKEY_from_env_999"], null, environment);
        var asFile = await CliProcess.RunAsync(["transcribe", "SECRETKEY_from_env_999", "--vendor", "subclip"], null, environment);

        Assert.That(asArgument.ExitCode, Is.EqualTo(2), asArgument.ToString());
        Assert.That(asFile.ExitCode, Is.EqualTo(2), asFile.ToString());
        Assert.That(asFile.Stderr, Does.Contain("No such file: ***"));
        AssertNotShown(asArgument, "SECRETKEY_from_env_999");
        AssertNotShown(asFile, "SECRETKEY_from_env_999");
    }

    [Test]
    public async Task A_short_key_is_masked_only_as_a_whole_word_so_messages_stay_readable()
    {
        await using var listener = new RawRequestListener();

        var refused = await CliProcess.RunAsync("balance", "--vendor", "captioncat", "--endpoint", listener.Endpoint.ToString(), "--api-key", "k");
        var echoed = await CliProcess.RunAsync("vendors", "--api-key", "k");

        Assert.That(refused.ExitCode, Is.EqualTo(3), refused.ToString());
        Assert.That(refused.Stderr, Does.Contain("Check the API key (--api-key or TRANSCRIPTKIT_CAPTIONCAT_API_KEY)").And.Not.Contain("***"));
        Assert.That(echoed.Stderr, Does.Contain("Unrecognized command or argument '***'").And.Not.Contain("'k'"));
    }

    private static async Task AssertOnlyTheGoodRequestAsync(RawRequestListener listener, CliResult good)
    {
        // The good run reached the listener (401 → exit 3), so the refused run would have too.
        Assert.That(good.ExitCode, Is.EqualTo(3), good.ToString());
        var lines = await listener.RequestLinesAsync();
        Assert.That(lines, Has.Count.EqualTo(1), string.Join(" | ", lines));
        Assert.That(await listener.ReceivedAsync(), Does.Not.Contain("smuggled").And.Not.Contain("X-Injected").And.Contain("good-key-123"));
    }

    private static void AssertNotShown(CliResult result, string value)
    {
        foreach (var part in value.Split(['\r', '\n']).Where(p => p.Length >= 3))
        {
            Assert.That(result.Stderr + result.Stdout, Does.Not.Contain(part), result.ToString());
        }
    }
}
