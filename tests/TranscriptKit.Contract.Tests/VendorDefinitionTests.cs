using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using NUnit.Framework;

namespace TranscriptKit.Contract.Tests;

/// <summary>Each generated <c>&lt;Name&gt;Vendor.Definition</c> states what its spec says, read independently of the generator.</summary>
[Category("Contract")]
public class VendorDefinitionTests
{
    public static IEnumerable<VendorDefinition> All() => Definitions.All;

    [Test]
    public void The_built_in_definitions_are_the_five_fixture_vendors() =>
        Assert.That(Definitions.All.Select(d => d.Id), Is.EqualTo(Fixtures.Vendors));

    [TestCaseSource(nameof(All))]
    public void Definition_lists_every_spec_operation_in_order_with_its_method_and_path(VendorDefinition definition)
    {
        var fromSpec = Fixtures.Operations(definition.Id);
        Assert.That(definition.Operations.Select(o => (o.OperationId, o.Method, o.PathTemplate)), Is.EqualTo(fromSpec));
    }

    [TestCaseSource(nameof(All))]
    public void Definition_endpoint_is_the_specs_first_server(VendorDefinition definition) =>
        Assert.That(definition.DefaultEndpoint, Is.EqualTo(Fixtures.ServerUrl(definition.Id)));

    [TestCaseSource(nameof(All))]
    public void Every_job_start_is_paid_and_never_retried(VendorDefinition definition)
    {
        foreach (var job in definition.Jobs)
        {
            var start = definition.GetOperation(job.StartOperationId);
            Assert.Multiple(() =>
            {
                Assert.That(start.StartsPaidJob, Is.True, job.Name);
                Assert.That(start.Idempotent, Is.False, job.Name);
                Assert.That(definition.GetOperation(job.PollOperationId).Method, Is.EqualTo("GET"), job.Name);
                Assert.That(job.IdParameters, Is.Not.Empty, job.Name);
            });
        }
    }

    [Test]
    public void Every_vendor_but_the_blocking_one_has_a_polled_job() =>
        Assert.That(Definitions.All.Where(d => d.Jobs.Count == 0).Select(d => d.Id), Is.EqualTo(new[] { "soscripted" }));

    [TestCaseSource(nameof(All))]
    public void No_paid_operation_is_retried(VendorDefinition definition) =>
        Assert.That(definition.Operations.Where(o => o.StartsPaidJob && o.Idempotent).Select(o => o.OperationId), Is.Empty);

    [Test]
    public void Soscripted_blocking_transcribe_is_paid() =>
        Assert.That(Definitions.All.Single(d => d.Id == "soscripted").GetOperation("transcribe"), Has.Property(nameof(VendorOperation.StartsPaidJob)).True.And.Property(nameof(VendorOperation.Timeout)).EqualTo(TimeSpan.FromSeconds(600)));

    [TestCaseSource(nameof(All))]
    public void Every_operation_has_an_invoker_so_replay_needs_no_hand_written_call(VendorDefinition definition) =>
        Assert.That(definition.Operations.Where(o => o.Invoke is null).Select(o => o.OperationId), Is.Empty);

    [Test]
    public void Upload_helpers_name_their_create_operation_and_the_fields_the_file_fills()
    {
        var uploads = Definitions.All.SelectMany(d => d.Operations.Where(o => o.Upload is not null).Select(o => (d, o))).ToList();
        Assert.That(uploads.Select(u => u.d.Id), Is.EquivalentTo(new[] { "subclip", "cliptext" }));
        foreach (var (definition, operation) in uploads)
        {
            var upload = operation.Upload!;
            Assert.Multiple(() =>
            {
                Assert.That(upload.CreateOperationId, Is.EqualTo(operation.OperationId));
                Assert.That(upload.Invoke, Is.Not.Null);
                Assert.That(upload.FileNameField, Is.Not.Null);
                Assert.That(upload.CompleteOperationId is null || definition.Operations.Any(o => o.OperationId == upload.CompleteOperationId), Is.True);
            });
        }
    }

    [TestCaseSource(nameof(All))]
    public void Definition_creates_its_client_with_and_without_a_callers_HttpClient(VendorDefinition definition)
    {
        var options = definition.CreateClientOptions("key", "secret");
        Assert.That(options.Endpoint, Is.EqualTo(definition.DefaultEndpoint));
        using (definition.CreateClient(options))
        {
        }

        using var http = new HttpClient();
        using var client = definition.CreateClient(options, http);
        Assert.That(client.GetType().Namespace, Is.EqualTo(options.GetType().Namespace));
    }

    [TestCaseSource(nameof(All))]
    public void Definition_refuses_another_vendors_options(VendorDefinition definition)
    {
        var other = Definitions.All.First(d => d.Id != definition.Id).CreateClientOptions("key", "secret");
        Assert.That(() => definition.CreateClient(other), Throws.ArgumentException.With.Message.Contains(definition.DisplayName));
    }

    [TestCaseSource(nameof(All))]
    public void Credentials_secret_matches_the_options_the_definition_creates(VendorDefinition definition)
    {
        // A vendor without a secret must still build a client from a key alone; one with a secret must not.
        var keyOnly = definition.CreateClientOptions("key");
        if (definition.Credentials.RequiresSecret)
        {
            Assert.That(() => definition.CreateClient(keyOnly), Throws.ArgumentException);
        }
        else
        {
            Assert.That(definition.Credentials.KeyHeader, Is.EqualTo("Authorization"));
            using var client = definition.CreateClient(keyOnly);
        }
    }
}
