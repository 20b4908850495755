using System;
using System.Linq;
using NUnit.Framework;

namespace TranscriptKit.Generators.Tests.Definitions;

/// <summary><c>&lt;Name&gt;Vendor.Definition</c> states each fact of its spec.</summary>
public class VendorDefinitionEmitterTests
{
    private static readonly Lazy<VendorDefinition> s_probe = new(() => DefinitionSpec.Load(DefinitionSpec.With()));

    [Test]
    public void Definition_carries_the_vendor_id_display_name_endpoint_and_bearer_credentials()
    {
        var definition = s_probe.Value;
        Assert.Multiple(() =>
        {
            Assert.That(definition.Id, Is.EqualTo("probe"));
            Assert.That(definition.DisplayName, Is.EqualTo("Probe Co"));
            Assert.That(definition.DefaultEndpoint, Is.EqualTo(new Uri("https://api.example.com/v1")));
            Assert.That(definition.Credentials, Is.EqualTo(new VendorCredentials(CredentialScheme.Bearer, "Authorization")));
        });
    }

    [Test]
    public void Definition_lists_every_operation_with_method_path_retry_paid_timeout_and_method_name()
    {
        Assert.That(s_probe.Value.Operations.Select(o => (o.OperationId, o.Method, o.PathTemplate, o.Idempotent, o.StartsPaidJob, o.Timeout, o.MethodName)), Is.EqualTo(new[]
        {
            ("createJob", "POST", "/jobs", false, true, (TimeSpan?)null, "CreateJobAsync"),
            ("listJobs", "GET", "/jobs", true, false, TimeSpan.FromSeconds(5), "ListJobsAsync"),
            ("getJob", "GET", "/jobs/{jobId}", true, false, null, "GetJobAsync"),
            ("getText", "GET", "/jobs/{jobId}/text", true, false, null, "GetTextAsync"),
            // A paid PUT is not retried although PUT is idempotent by HTTP's promise.
            ("charge", "PUT", "/charges/{jobId}", false, true, null, "ChargeAsync"),
        }));
    }

    [Test]
    public void Definition_lists_each_polled_job_with_its_start_poll_ids_and_default_polling()
    {
        var job = s_probe.Value.Jobs.Single();
        Assert.Multiple(() =>
        {
            Assert.That((job.Name, job.StartOperationId, job.PollOperationId), Is.EqualTo(("Job", "createJob", "getJob")));
            Assert.That(job.IdParameters, Is.EqualTo(new[] { "jobId" }));
            Assert.That((job.DefaultPolling.InitialInterval, job.DefaultPolling.MaxInterval, job.DefaultPolling.Timeout), Is.EqualTo((TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(10))));
        });
    }

    [Test]
    public void Definition_creates_bearer_options_and_clients_that_refuse_a_missing_key()
    {
        var definition = s_probe.Value;
        var options = definition.CreateClientOptions("key");
        Assert.That(options.Endpoint, Is.EqualTo(definition.DefaultEndpoint));
        using (definition.CreateClient(options))
        {
        }

        Assert.That(() => definition.CreateClient(definition.CreateClientOptions(null)), Throws.ArgumentException.With.Message.Contains("ApiKey"));
    }

    [Test]
    public void Api_key_header_credentials_name_both_headers_and_the_options_carry_the_secret()
    {
        var yaml = DefinitionSpec.With().Replace("    bearer: { type: http, scheme: bearer }", "    key: { type: apiKey, in: header, name: X-Key }\n    secret: { type: apiKey, in: header, name: X-Secret }")
            .Replace("  - bearer: []", "  - key: []\n    secret: []");
        var definition = DefinitionSpec.Load(yaml);
        Assert.Multiple(() =>
        {
            Assert.That(definition.Credentials, Is.EqualTo(new VendorCredentials(CredentialScheme.ApiKeyHeaders, "X-Key", "X-Secret")));
            Assert.That(definition.Credentials.RequiresSecret, Is.True);
            Assert.That(() => definition.CreateClient(definition.CreateClientOptions("key")), Throws.ArgumentException.With.Message.Contains("ApiSecret"));
        });
        using var client = definition.CreateClient(definition.CreateClientOptions("key", "secret"));
    }

    [Test]
    public void A_spec_without_security_has_no_definition_because_it_has_no_credentials_to_describe()
    {
        var yaml = DefinitionSpec.With().Replace("security:\n  - bearer: []\n", string.Empty);
        var outcome = GeneratedCode.AssertCompiles(yaml);
        Assert.That(outcome.Sources.Select(s => s.HintName), Has.None.EqualTo("ProbeVendor.g.cs").And.Some.EqualTo("ProbeClient.g.cs"));
    }

    [Test]
    public void A_schema_named_like_the_vendor_class_is_a_name_clash()
    {
        var yaml = DefinitionSpec.With().Replace("    Level: { type: string, enum: [low, high] }", "    Level: { type: string, enum: [low, high] }\n    ProbeVendor: { type: object, properties: { id: { type: string } } }");
        var diagnostic = GeneratedCode.AssertReports(yaml, "TK0009", 15, 5);
        Assert.That(diagnostic.GetMessage(), Does.Contain("ProbeVendor"));
    }

    [Test]
    public void Definition_has_no_limits_when_the_spec_states_none() =>
        Assert.That(s_probe.Value.Limits, Is.EqualTo(VendorLimits.None));
}
