using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Vendors.Tests;

/// <summary>Every operation honours a token that is already cancelled: nothing reaches the wire.</summary>
[TestFixture]
[CancelAfter(10_000)]
public sealed class CancellationTests
{
    [TestCaseSource(typeof(Cases), nameof(Cases.EveryOperation))]
    public void Cancelled_before_starting_sends_no_request(VendorDefinition vendor, VendorOperation operation)
    {
        var sample = Sample.For(vendor, operation);
        var handler = new StubHandler().Otherwise(_ => sample.Answer());
        using var client = vendor.CreateClient(Sample.Options(vendor), new HttpClient(handler));

        Assert.CatchAsync<System.OperationCanceledException>(() => sample.Invoke(client, new CancellationToken(canceled: true)));

        Assert.That(handler.Requests, Is.Empty);
    }
}
