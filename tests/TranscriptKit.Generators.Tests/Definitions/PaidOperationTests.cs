using System.Linq;
using NUnit.Framework;

namespace TranscriptKit.Generators.Tests.Definitions;

/// <summary><c>x-tk-paid</c>, and the rule that an x-tk-poll's start is paid unless the spec says otherwise.</summary>
public class PaidOperationTests
{
    [Test]
    public void A_poll_start_marked_x_tk_paid_false_is_free_and_still_not_retried_as_a_POST()
    {
        var yaml = DefinitionSpec.With().Replace("      operationId: createJob\n", "      operationId: createJob\n      x-tk-paid: false\n");
        var createJob = DefinitionSpec.Load(yaml).GetOperation("createJob");
        Assert.That((createJob.StartsPaidJob, createJob.Idempotent), Is.EqualTo((false, false)));
    }

    [Test]
    public void A_paid_operation_made_idempotent_is_TK0006_at_x_tk_idempotent()
    {
        var yaml = DefinitionSpec.With().Replace("      x-tk-paid: true\n", "      x-tk-paid: true\n      x-tk-idempotent: true\n");
        var line = yaml.Split('\n').ToList().FindIndex(l => l.Contains("x-tk-idempotent")) + 1;
        var diagnostic = GeneratedCode.AssertReports(yaml, "TK0006", line, 24);
        Assert.That(diagnostic.GetMessage(), Does.Contain("charge is x-tk-paid"));
    }

    [Test]
    public void A_poll_start_made_idempotent_is_TK0006_because_the_job_is_paid()
    {
        var yaml = DefinitionSpec.With().Replace("      operationId: createJob\n", "      operationId: createJob\n      x-tk-idempotent: true\n");
        var line = yaml.Split('\n').ToList().FindIndex(l => l.Contains("x-tk-idempotent")) + 1;
        var diagnostic = GeneratedCode.AssertReports(yaml, "TK0006", line, 24);
        Assert.That(diagnostic.GetMessage(), Does.Contain("createJob starts an x-tk-poll job"));
    }

    [Test]
    public void A_non_boolean_x_tk_paid_is_TK0006_at_the_value()
    {
        var yaml = DefinitionSpec.With().Replace("      x-tk-paid: true\n", "      x-tk-paid: yes please\n");
        var line = yaml.Split('\n').ToList().FindIndex(l => l.Contains("x-tk-paid")) + 1;
        GeneratedCode.AssertReports(yaml, "TK0006", line, 18);
    }

    [Test]
    public void A_paid_operation_is_not_retried_by_the_generated_client_either()
    {
        // The client's descriptor and the definition come from one model: the paid PUT's descriptor says "not idempotent".
        var outcome = GeneratedCode.AssertCompiles(DefinitionSpec.With());
        Assert.That(outcome.Source("ProbeClient.g.cs"), Does.Contain("s_charge = new(\"charge\", false, null);"));
    }
}
