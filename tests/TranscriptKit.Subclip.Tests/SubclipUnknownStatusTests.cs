using System;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Subclip.Tests;

/// <summary>
/// Subclip's status rules from the spec: queued and processing run, failed and error fail; "completed" without
/// outputReady and any unlisted status end the wait after the spec's 3 answers instead of its 60-minute timeout.
/// Polls are counted on a fake clock.
/// </summary>
[TestFixture]
[CancelAfter(20_000)]
public sealed class SubclipUnknownStatusTests
{
    private const string Id = "stproj_abc123";

    private static string Status(string status, bool outputReady) =>
        $$"""{"projectId": "{{Id}}", "status": "{{status}}", "outputReady": {{(outputReady ? "true" : "false")}}}""";

    private static async Task<(TranscriptKitUnknownJobStatusException Error, int Polls)> WaitOn(string body)
    {
        var time = new FakeTimeProvider();
        var handler = new StubHandler().Otherwise(_ => new System.Net.Http.HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new System.Net.Http.StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        });
        using var client = TestClients.Create(handler, time);

        var wait = client.WaitForJobAsync(Id);
        for (var i = 0; i < 2000 && !wait.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        var error = Assert.ThrowsAsync<TranscriptKitUnknownJobStatusException>(() => wait)!;
        return (error, handler.Requests.Count);
    }

    [Test]
    public async Task Completed_without_outputReady_ends_the_wait_after_three_answers_naming_completed()
    {
        var (error, polls) = await WaitOn(Status("completed", outputReady: false));

        Assert.Multiple(() =>
        {
            Assert.That(error.RawStatus, Is.EqualTo("completed"));
            Assert.That(error.Message, Does.Contain("'completed'").And.Contain("tkjob2."));
            Assert.That(error.Job.Id, Is.EqualTo(Id));
            Assert.That(polls, Is.EqualTo(3), "the spec's unknown-grace, far from the 60-minute timeout's hundreds of polls");
        });
    }

    [Test]
    public async Task An_unlisted_status_ends_the_wait_after_three_answers_naming_it()
    {
        var (error, polls) = await WaitOn(Status("archived", outputReady: false));

        Assert.That(error.RawStatus, Is.EqualTo("archived"));
        Assert.That(polls, Is.EqualTo(3));
    }

    [Test]
    public void The_spec_lists_the_documented_and_inferred_states_in_the_definition()
    {
        var job = SubclipVendor.Definition.Jobs[0];

        Assert.That(job.ListsRunningStates, Is.True);
        Assert.That(job.DefaultPolling.UnknownStatusPolls, Is.EqualTo(3));
        Assert.That(job.Statuses, Has.Some.EqualTo(new JobStatusValue("status", "queued", JobStatusMeaning.Running, JobStatusMatch.Equals, Inferred: false)));
        Assert.That(job.Statuses, Has.Some.EqualTo(new JobStatusValue("status", "error", JobStatusMeaning.Failed, JobStatusMatch.Equals, Inferred: true)));
        Assert.That(job.Statuses, Has.None.Matches<JobStatusValue>(s => s.Value == "completed"), "completed alone means nothing: outputReady decides");
    }

    [Test]
    public void JobStatus_knows_the_error_value_the_spec_infers()
    {
        Assert.That(JobStatus.Error.IsKnown, Is.True);
    }
}
