using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Subclip;
using TranscriptKit.TranscriptGenerate;

namespace TranscriptKit.Sandbox.Tests;

/// <summary>The emulators' vendor facts come from the generated definitions, so the sandbox and the spec cannot drift apart.</summary>
[CancelAfter(20_000)]
public sealed class EmulatorDefinitionTests
{
    [Test]
    public async Task Each_built_in_emulator_takes_its_id_prefix_and_operations_from_its_definition(CancellationToken cancellationToken)
    {
        await using var sandbox = await VendorSandbox.StartAsync(cancellationToken: cancellationToken);

        Assert.That(sandbox.Emulators, Has.Count.EqualTo(5));
        foreach (var emulator in sandbox.Emulators)
        {
            var definition = emulator.Definition;
            Assert.That(definition, Is.Not.Null, emulator.Id);
            Assert.That(emulator.Id, Is.EqualTo(definition!.Id));
            Assert.That(emulator.DisplayName, Is.EqualTo(definition.DisplayName));
            Assert.That(sandbox.GetEndpoint(emulator.Id).AbsolutePath, Is.EqualTo("/" + definition.Id + definition.DefaultEndpoint.AbsolutePath.TrimEnd('/')));
            // Every spec operation is emulated, and nothing else but the signed-storage PUT.
            Assert.That(
                emulator.Operations.Where(o => o != VendorFaults.SignedUploadOperation),
                Is.EquivalentTo(definition.Operations.Select(o => o.OperationId)),
                emulator.Id);
        }
    }

    [Test]
    public async Task Subclip_upload_URLs_are_refused_above_the_specs_upload_limit_and_granted_at_it(CancellationToken cancellationToken)
    {
        await using var sandbox = await VendorSandbox.StartAsync(cancellationToken: cancellationToken);
        var limit = SubclipVendor.Definition.Limits.MaxUploadBytes!.Value;

        using var atLimit = await PostSubclipAsync(sandbox, "/social-transcripts/uploads", $$"""{"fileName":"a.mp4","fileSize":{{limit}}}""", cancellationToken);
        using var aboveLimit = await PostSubclipAsync(sandbox, "/social-transcripts/uploads", $$"""{"fileName":"a.mp4","fileSize":{{limit + 1}}}""", cancellationToken);

        Assert.That(atLimit.StatusCode, Is.Not.EqualTo(HttpStatusCode.BadRequest), await atLimit.Content.ReadAsStringAsync(cancellationToken));
        Assert.That(aboveLimit.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await aboveLimit.Content.ReadAsStringAsync(cancellationToken), Is.EqualTo("{\"error\":\"fileSize must be between 1 byte and 2GB\"}"));
    }

    [Test]
    public async Task Subclip_jobs_accept_the_specs_languages_and_refuse_others(CancellationToken cancellationToken)
    {
        await using var sandbox = await VendorSandbox.StartAsync(cancellationToken: cancellationToken);
        var last = SubclipVendor.Definition.Limits.Languages[^1];

        using var listed = await PostSubclipAsync(sandbox, "/social-transcripts/jobs", $$"""{"url":"https://www.youtube.com/watch?v=1","language":"{{last}}"}""", cancellationToken);
        using var unlisted = await PostSubclipAsync(sandbox, "/social-transcripts/jobs", """{"url":"https://www.youtube.com/watch?v=1","language":"xx"}""", cancellationToken);

        Assert.That(SubclipVendor.Definition.Limits.Languages, Does.Not.Contain("xx"));
        Assert.That(listed.IsSuccessStatusCode, Is.True, await listed.Content.ReadAsStringAsync(cancellationToken));
        Assert.That(unlisted.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await unlisted.Content.ReadAsStringAsync(cancellationToken), Is.EqualTo("{\"error\":\"Unsupported language: xx\"}"));
    }

    [Test]
    public async Task An_emulator_built_from_a_key_and_secret_definition_routes_by_the_spec_and_checks_its_headers(CancellationToken cancellationToken)
    {
        var definition = TranscriptGenerateVendor.Definition;
        var operation = definition.Operations.First(o => o.Method == "GET" && !o.PathTemplate.Contains('{'));
        var emulator = new DefinitionEmulator(definition, operation.OperationId);
        await using var sandbox = await VendorSandbox.StartAsync(new SandboxOptions { IncludeBuiltInEmulators = false, Emulators = { emulator } }, cancellationToken);
        var ping = new Uri(sandbox.GetEndpoint(definition.Id) + operation.PathTemplate);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        async Task<HttpStatusCode> SendAsync(Action<HttpRequestHeaders> authenticate)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, ping);
            authenticate(request.Headers);
            using var response = await http.SendAsync(request, cancellationToken);
            return response.StatusCode;
        }

        var both = await SendAsync(h =>
        {
            h.Add(definition.Credentials.KeyHeader, sandbox.ApiKey);
            h.Add(definition.Credentials.SecretHeader!, sandbox.ApiSecret);
        });
        var keyOnly = await SendAsync(h => h.Add(definition.Credentials.KeyHeader, sandbox.ApiKey));
        var wrongSecret = await SendAsync(h =>
        {
            h.Add(definition.Credentials.KeyHeader, sandbox.ApiKey);
            h.Add(definition.Credentials.SecretHeader!, "wrong");
        });
        var bearer = await SendAsync(h => h.Authorization = new AuthenticationHeaderValue("Bearer", sandbox.ApiKey));

        Assert.That(sandbox.VendorIds, Is.EqualTo(new[] { definition.Id }));
        Assert.That(sandbox.Requests.Select(r => (r.Path, r.Operation)).Distinct(), Is.EqualTo(new[] { (operation.PathTemplate, operation.OperationId) }));
        Assert.That(emulator.DisplayName, Is.EqualTo(definition.DisplayName));
        Assert.That(both, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(new[] { keyOnly, wrongSecret, bearer }, Is.All.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public void An_emulator_with_neither_a_definition_nor_an_id_is_refused_with_what_to_do(CancellationToken cancellationToken)
    {
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => VendorSandbox.StartAsync(
            new SandboxOptions { IncludeBuiltInEmulators = false, Emulators = { new NamelessEmulator() } }, cancellationToken));

        Assert.That(error!.Message, Does.Contain("NamelessEmulator has no VendorDefinition: override Id"));
    }

    [Test]
    public void Mapping_an_operation_the_spec_lacks_names_the_ones_it_has(CancellationToken cancellationToken)
    {
        var definition = SubclipVendor.Definition;

        var error = Assert.ThrowsAsync<ArgumentException>(() => VendorSandbox.StartAsync(
            new SandboxOptions { IncludeBuiltInEmulators = false, Emulators = { new DefinitionEmulator(definition, "createjob") } }, cancellationToken));

        Assert.That(error!.Message, Does.Contain("'createjob'").And.Contain(string.Join(", ", definition.Operations.Select(o => o.OperationId))));
    }

    private static async Task<HttpResponseMessage> PostSubclipAsync(VendorSandbox sandbox, string path, string json, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Post, sandbox.GetEndpoint(SubclipVendor.Definition.Id) + path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sandbox.ApiKey);
        return await http.SendAsync(request, cancellationToken);
    }

    private sealed class NamelessEmulator : VendorEmulator
    {
        protected override void Map(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder routes)
        {
        }

        protected override Task WriteErrorAsync(Microsoft.AspNetCore.Http.HttpContext context, int status, string message, string? code = null) => Task.CompletedTask;
    }
}
