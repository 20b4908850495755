using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Subclip.Tests;

/// <summary>
/// What a generated operation throws at the call and what it returns in its task. Usage errors (a bad argument, a body
/// the spec refuses) throw at the call, as the task-based pattern asks; everything that happens on the way (the vendor's
/// refusal, cancellation) comes back in the task, even when the transport answers synchronously.
/// </summary>
[TestFixture]
[CancelAfter(10_000)]
public sealed class SubclipClientTaskShapeTests
{
    [Test]
    public void A_blank_path_argument_throws_at_the_call_and_sends_nothing()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, SubclipDocExamples.StatusSrt);
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        Assert.Throws<ArgumentException>(() => client.GetJobAsync(" "));
        Assert.That(handler.Requests, Is.Empty);
    }

    [Test]
    public void A_body_the_spec_refuses_throws_at_the_call_and_sends_nothing()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, SubclipDocExamples.JobResponse);
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        Assert.Throws<ArgumentException>(() => client.CreateJobAsync(new CreateJobRequest { Url = "not a url", Language = LanguageCode.En }));
        Assert.That(handler.Requests, Is.Empty);
    }

    [Test]
    public void The_vendors_refusal_comes_back_in_the_task()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.Unauthorized, SubclipDocExamples.Unauthorized);
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        Task<JobStatusResult>? call = null;
        Assert.DoesNotThrow(() => call = client.GetJobAsync("stproj_abc"));

        Assert.Multiple(() =>
        {
            Assert.That(call!.IsFaulted, Is.True, "the stub answers synchronously, so the task is already done");
            Assert.That(call.Exception!.InnerException, Is.TypeOf<TranscriptKitAuthenticationException>());
        });
        Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() => call!);
    }

    [Test]
    public void Cancellation_comes_back_as_a_cancelled_task()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, SubclipDocExamples.StatusSrt);
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        Task<JobStatusResult>? call = null;
        Assert.DoesNotThrow(() => call = client.GetJobAsync("stproj_abc", new CancellationToken(canceled: true)));

        Assert.Multiple(() =>
        {
            Assert.That(call!.IsCanceled, Is.True);
            Assert.That(handler.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task A_success_is_the_parsed_body()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, SubclipDocExamples.JobResponse);
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var result = await client.CreateJobAsync(new CreateJobRequest { Url = SubclipDocExamples.TikTokUrl, Language = LanguageCode.En });

        Assert.That(result.ProjectId, Is.Not.Empty);
    }
}
