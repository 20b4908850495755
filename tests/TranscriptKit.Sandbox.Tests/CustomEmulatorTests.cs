using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TranscriptKit.Sandbox.Tests;

/// <summary>A user's own vendor plugged into the sandbox through <see cref="SandboxOptions.Emulators"/>, and the errors that name the vendors a sandbox has.</summary>
[CancelAfter(20_000)]
public sealed class CustomEmulatorTests
{
    private static HttpClient Client(VendorSandbox sandbox, bool authorized = true)
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        if (authorized)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sandbox.ApiKey);
        }

        return http;
    }

    private static Task<VendorSandbox> StartWithAcmeAsync(CancellationToken cancellationToken, bool builtIns = true) =>
        VendorSandbox.StartAsync(new SandboxOptions { PendingPolls = 1, IncludeBuiltInEmulators = builtIns, Emulators = { new AcmeEmulator() } }, cancellationToken);

    [Test]
    public async Task A_custom_emulator_is_served_beside_the_built_in_ones_with_auth_polling_and_the_request_log(CancellationToken cancellationToken)
    {
        await using var sandbox = await StartWithAcmeAsync(cancellationToken);
        using var http = Client(sandbox);
        using var anonymous = Client(sandbox, authorized: false);
        var endpoint = sandbox.GetEndpoint("ACME") + "/jobs";

        using var refused = await anonymous.PostAsync(endpoint, null, cancellationToken);
        using var created = await http.PostAsync(endpoint, null, cancellationToken);
        var first = await http.GetStringAsync(endpoint + "/job0", cancellationToken);
        var second = await http.GetStringAsync(endpoint + "/job0", cancellationToken);

        Assert.That(sandbox.VendorIds, Has.Count.EqualTo(6));
        Assert.That(sandbox.VendorIds[^1], Is.EqualTo("acme"));
        Assert.That(sandbox.GetEndpoint("acme").AbsolutePath, Is.EqualTo("/acme/v1"));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await refused.Content.ReadAsStringAsync(cancellationToken), Is.EqualTo("{\"problem\":\"Missing or invalid API key\"}"));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(first, Does.Contain("\"running\""));
        Assert.That(second, Does.Contain("\"done\""));
        Assert.That(
            sandbox.Requests.Select(r => (r.Vendor, r.Method, r.Path, r.Operation, r.StatusCode)),
            Is.EqualTo(new[]
            {
                ("acme", "POST", "/jobs", "createJob", 401),
                ("acme", "POST", "/jobs", "createJob", 201),
                ("acme", "GET", "/jobs/job0", "getJob", 200),
                ("acme", "GET", "/jobs/job0", "getJob", 200),
            }));
    }

    [Test]
    public async Task Fault_switches_reach_a_custom_emulator_by_its_operationIds(CancellationToken cancellationToken)
    {
        await using var sandbox = await StartWithAcmeAsync(cancellationToken);
        using var http = Client(sandbox);
        var endpoint = sandbox.GetEndpoint("acme") + "/jobs";
        sandbox.Faults.For("acme").FailNext(1, 503, retryAfter: TimeSpan.FromSeconds(30), operation: "createJob").FailNextJobs(1);

        using var unavailable = await http.PostAsync(endpoint, null, cancellationToken);
        using var created = await http.PostAsync(endpoint, null, cancellationToken);
        await http.GetStringAsync(endpoint + "/job0", cancellationToken);
        var finished = await http.GetStringAsync(endpoint + "/job0", cancellationToken);
        var typo = Assert.Throws<ArgumentException>(() => sandbox.Faults.For("acme").FailNext(1, 500, operation: "createjob"));

        Assert.That(unavailable.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(unavailable.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(await unavailable.Content.ReadAsStringAsync(cancellationToken), Does.StartWith("{\"problem\":"));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(finished, Does.Contain("\"failed\""));
        Assert.That(typo!.Message, Does.Contain("createJob, getJob"));
        Assert.That(sandbox.Requests.Count(r => r.Vendor == "acme" && r.Operation == "createJob"), Is.EqualTo(2));
        Assert.That(sandbox.Requests.Count(r => r.Fault == "fail"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_sandbox_of_custom_emulators_only_names_them_when_an_unknown_vendor_is_asked_for(CancellationToken cancellationToken)
    {
        await using var sandbox = await VendorSandbox.StartAsync(
            new SandboxOptions { IncludeBuiltInEmulators = false, Emulators = { new AcmeEmulator(), new AcmeEmulator("globex", "/globex") } },
            cancellationToken);

        var url = Assert.Throws<ArgumentException>(() => sandbox.GetEndpoint("captioncat"));
        var fault = Assert.Throws<ArgumentException>(() => sandbox.Faults.For("captioncat"));
        var emulator = Assert.Throws<ArgumentException>(() => sandbox.GetEmulator("initech"));

        Assert.That(sandbox.VendorIds, Is.EqualTo(new[] { "acme", "globex" }));
        Assert.That(url!.Message, Does.Contain("Unknown vendor 'captioncat'").And.Contain("acme, globex"));
        Assert.That(url.ParamName, Is.EqualTo("vendorId"));
        Assert.That(fault!.Message, Does.Contain("Unknown vendor 'captioncat'").And.Contain("acme, globex"));
        Assert.That(emulator!.Message, Does.Contain("'initech'").And.Contain("acme, globex"));
    }

    [Test]
    public async Task An_unknown_vendor_in_a_fault_switch_or_URL_lookup_names_every_emulated_vendor(CancellationToken cancellationToken)
    {
        await using var sandbox = await StartWithAcmeAsync(cancellationToken);

        var fault = Assert.Throws<ArgumentException>(() => sandbox.Faults.For("acmee"));
        var url = Assert.Throws<ArgumentException>(() => sandbox.GetEndpoint("acmee"));

        foreach (var error in new[] { fault!, url! })
        {
            Assert.That(error.Message, Does.Contain("'acmee'"));
            Assert.That(error.Message, Does.Contain(string.Join(", ", sandbox.VendorIds)));
            Assert.That(error.Message, Does.Contain("acme"));
        }
    }

    [Test]
    public void Emulators_with_the_same_id_or_overlapping_prefixes_are_refused_at_start(CancellationToken cancellationToken)
    {
        var sameId = Assert.ThrowsAsync<ArgumentException>(() => VendorSandbox.StartAsync(
            new SandboxOptions { Emulators = { new AcmeEmulator("subclip", "/elsewhere") } }, cancellationToken));
        var nested = Assert.ThrowsAsync<ArgumentException>(() => VendorSandbox.StartAsync(
            new SandboxOptions { IncludeBuiltInEmulators = false, Emulators = { new AcmeEmulator(), new AcmeEmulator("globex", "/acme/v1/globex") } }, cancellationToken));
        var media = Assert.ThrowsAsync<ArgumentException>(() => VendorSandbox.StartAsync(
            new SandboxOptions { IncludeBuiltInEmulators = false, Emulators = { new AcmeEmulator("acme", "/media") } }, cancellationToken));
        var trailing = Assert.ThrowsAsync<ArgumentException>(() => VendorSandbox.StartAsync(
            new SandboxOptions { IncludeBuiltInEmulators = false, Emulators = { new AcmeEmulator("acme", "/acme/") } }, cancellationToken));

        Assert.That(sameId!.Message, Does.Contain("duplicate vendor id 'subclip'"));
        Assert.That(nested!.Message, Does.Contain("'/acme/v1/globex'"));
        Assert.That(media!.Message, Does.Contain("'/media'"));
        Assert.That(trailing!.Message, Does.Contain("'/acme/'"));
    }

    [Test]
    public async Task An_emulator_instance_serves_one_sandbox_only(CancellationToken cancellationToken)
    {
        var acme = new AcmeEmulator();
        await using var first = await VendorSandbox.StartAsync(new SandboxOptions { IncludeBuiltInEmulators = false, Emulators = { acme } }, cancellationToken);

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => VendorSandbox.StartAsync(
            new SandboxOptions { IncludeBuiltInEmulators = false, Emulators = { acme } }, cancellationToken));

        Assert.That(error!.Message, Does.Contain("'acme' already serves a sandbox"));
        Assert.That(first.GetEmulator("acme"), Is.SameAs(acme));
    }

    [Test]
    public void A_per_vendor_option_naming_no_emulator_is_refused_at_start(CancellationToken cancellationToken)
    {
        var options = new SandboxOptions { Emulators = { new AcmeEmulator() } };
        options.InitialCredits["acmee"] = 5;

        var error = Assert.ThrowsAsync<ArgumentException>(() => VendorSandbox.StartAsync(options, cancellationToken));

        Assert.That(error!.Message, Does.Contain("SandboxOptions.InitialCredits names vendor 'acmee'").And.Contain("acme"));
    }
}
