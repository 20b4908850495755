using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace TranscriptKit.Tests.Registry;

/// <summary>TranscriberOptions.Drift reaches the vendor client the registry creates, with that vendor's generated schema.</summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class DriftOptionTests
{
    private sealed class Answer(string json) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
    }

    [Test]
    public void A_poll_answer_the_spec_did_not_foresee_is_in_the_report_given_to_the_facade()
    {
        var drift = new DriftReport();
        var transcriber = Transcribers.Create(
            "subclip",
            new VendorSettings { ApiKey = "sc-key-for-drift", Endpoint = new Uri("http://127.0.0.1:9/api/v1") },
            new TranscriberOptions { Drift = drift, TimeProvider = new FakeTimeProvider() },
            new HttpClient(new Answer("""{"surprise":true}""")));

        // Written by TranscriptionJob.ToToken for Subclip project proj_123.
        var job = TranscriptionJob.FromToken("tkjob1.eyJ2Ijoic3ViY2xpcCIsImlkIjoicHJval8xMjMiLCJzIjp7ImZvcm1hdCI6Impzb24ifX0");
        Assert.That(async () => await transcriber.WaitAsync(job), Throws.InstanceOf<TranscriptKitException>());

        Assert.That(drift.Findings.Select(f => (f.Vendor, f.Kind, f.Path)), Does.Contain(("subclip", DriftKind.UnknownField, "$.surprise")), drift.ToSummary());
        Assert.That(drift.Findings, Has.Some.Property(nameof(DriftFinding.Kind)).EqualTo(DriftKind.MissingRequiredField), drift.ToSummary());
    }
}
